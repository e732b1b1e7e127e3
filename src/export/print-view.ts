import { DECK_ORIGIN, type DeckPage, failOnProblems } from "../browser/deck-page.ts";
import { DECK_MODEL_GLOBAL, type PublishedDeck } from "../runtime/deck-model.ts";
import { ExportError } from "./export-error.ts";

/**
 * Opens a print or handout view of the deck, waits until `readySelector` appears, and reads its
 * slides. This thread answers the page's requests for its files (deck-page.ts): nothing here may
 * hold it meanwhile.
 */
export async function openPrintView(
  deckPage: DeckPage,
  query: string,
  readySelector: string,
): Promise<PublishedDeck> {
  await deckPage.page.goto(`${DECK_ORIGIN}/index.html${query}`);
  try {
    await deckPage.page.waitForSelector(readySelector, { timeout: 30_000 });
  } catch {
    failOnProblems(deckPage);
    throw new ExportError(`the deck did not get ready for printing (waited for ${readySelector})`);
  }
  // One round trip: the fonts in, then the deck's model.
  const model = await deckPage.page.evaluate(async (name) => {
    await document.fonts.ready;
    return (window as unknown as Record<string, PublishedDeck | undefined>)[name];
  }, DECK_MODEL_GLOBAL);
  if (!model) throw new ExportError("the built deck does not publish its slides; rebuild it");
  return model;
}
