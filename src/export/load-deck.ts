import { DECK_ORIGIN, type DeckPage, failOnProblems } from "../browser/deck-page.ts";
import type { PublishedDeck } from "../runtime/deck-model.ts";
import { ExportError } from "./export-error.ts";

/** Loads a URL of the deck and waits until `readySelector` appears. */
export async function loadDeck(
  deckPage: DeckPage,
  query: string,
  readySelector: string,
): Promise<PublishedDeck> {
  await deckPage.page.goto(`${DECK_ORIGIN}/index.html${query}`);
  try {
    await deckPage.page.waitForSelector(readySelector, { state: "attached", timeout: 30_000 });
  } catch {
    failOnProblems(deckPage);
    throw new ExportError(`the deck did not get ready for printing (waited for ${readySelector})`);
  }
  await deckPage.page.evaluate(() => document.fonts.ready);
  const model = await deckPage.page.evaluate(
    () => (window as unknown as { deckModel?: PublishedDeck }).deckModel,
  );
  if (!model) throw new ExportError("the built deck does not publish its slides; rebuild it");
  return model;
}
