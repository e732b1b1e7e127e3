import type { Deck } from "../deck/model.ts";

/** What the PDF exporter reads from a print or handout page: the deck's settings and slides. */
export interface PublishedDeck {
  settings: Deck["settings"];
  slides: Pick<Deck["slides"][number], "id" | "title" | "level" | "layout" | "source">[];
}

/** The global the exporter reads; set in print and handout modes only. */
export const DECK_MODEL_GLOBAL = "deckModel";

/** Publishes the deck's outline for the exporter (src/export), which runs in the page. */
export function publishDeckModel(deck: Deck): void {
  const published: PublishedDeck = {
    settings: deck.settings,
    slides: deck.slides.map(({ id, title, level, layout, source }) => ({
      id,
      title,
      level,
      layout,
      source,
    })),
  };
  Object.assign(window, { [DECK_MODEL_GLOBAL]: published });
}
