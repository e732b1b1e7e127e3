import { DECK_ORIGIN, type DeckPage, failOnProblems } from "../browser/deck-page.ts";
import { DECK_MODEL_GLOBAL, type PublishedDeck } from "../runtime/deck-model.ts";
import { ExportError } from "./export-error.ts";

/**
 * Opens a print or handout view of the deck, waits until `readySelector` appears, and reads its
 * slides. `whileLayingOut` runs once the page has its files (its fonts are preloaded), while
 * reveal.js lays it out and the page needs nothing of this process.
 */
export async function openPrintView(
  deckPage: DeckPage,
  query: string,
  readySelector: string,
  whileLayingOut: () => void = () => undefined,
): Promise<PublishedDeck> {
  await deckPage.page.goto(`${DECK_ORIGIN}/index.html${query}`);
  whileLayingOut();
  try {
    await deckPage.page.waitForSelector(readySelector, { timeout: 30_000 });
  } catch {
    failOnProblems(deckPage);
    throw new ExportError(`the deck did not get ready for printing (waited for ${readySelector})`);
  }
  await deckPage.page.evaluate(() => document.fonts.ready);
  const model = await deckPage.page.evaluate(
    (name) => (window as unknown as Record<string, PublishedDeck | undefined>)[name],
    DECK_MODEL_GLOBAL,
  );
  if (!model) throw new ExportError("the built deck does not publish its slides; rebuild it");
  return model;
}
