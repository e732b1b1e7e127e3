import type { Deck, Diagnostic } from "../deck/model.ts";

/** What the `virtual:deck` module is generated from. */
export interface DeckModuleParts {
  /** The deck, or undefined when it has errors (dev server only; a build fails instead). */
  deck: Deck | undefined;
  diagnostics: readonly Diagnostic[];
  /** Absolute paths of the stylesheets to load, in order. */
  styleFiles: readonly string[];
  /** Stylesheets of the themes the deck does not use, by name: loaded on demand. */
  otherThemeFiles?: Readonly<Record<string, string>>;
  /** The names of the themes those stylesheets define. */
  themes: readonly string[];
  /** Absolute path of each asset, in the order of `deck.assets`. */
  assetFiles: readonly string[];
  /** The slides' HTML is in the built page already, so the module leaves it out. */
  prerendered?: boolean;
}

/** The id of the page's element that holds a built deck's data (see `deckDataScript`). */
export const DECK_DATA_ID = "deck-data";

/**
 * The source of `virtual:deck`: the deck as data, its stylesheets and assets as imports (so Vite
 * fingerprints and bundles them), the other themes as imports on demand, and the diagnostics for
 * the dev overlay. A built page carries the deck's data itself (`deckDataScript`), which the
 * module reads from it: the bundle is then the same for every version of the slides that has the
 * same stylesheets and assets, which a rebuild of changed slides alone relies on (quick-build.ts).
 */
export function generateDeckModule(parts: DeckModuleParts): string {
  const lines: string[] = [];
  for (const file of parts.styleFiles) lines.push(`import ${JSON.stringify(file)};`);
  parts.assetFiles.forEach((file, index) => {
    lines.push(`import asset${index} from ${JSON.stringify(file)};`);
  });
  lines.push(
    `export const assetUrls = [${parts.assetFiles.map((_, index) => `asset${index}`).join(", ")}];`,
    ...(parts.prerendered
      ? [
          `const page = JSON.parse(document.getElementById(${JSON.stringify(DECK_DATA_ID)})?.textContent ?? "null");`,
          "export const deck = page ? page.deck : null;",
          "export const loadSlides = () => Promise.resolve(page ? page.slides : []);",
        ]
      : [
          `export const deck = ${JSON.stringify(parts.deck ?? null)};`,
          "export const loadSlides = () => Promise.resolve(deck ? deck.slides : []);",
        ]),
    // A build has no overlay to show them in: they were printed.
    `export const diagnostics = ${JSON.stringify(parts.prerendered ? [] : parts.diagnostics)};`,
    `export const themes = ${JSON.stringify(parts.themes)};`,
    // A separate stylesheet each, fetched only by a page that asks for that theme.
    `export const themeStyles = {${Object.entries(parts.otherThemeFiles ?? {})
      .map(([name, file]) => `${JSON.stringify(name)}: () => import(${JSON.stringify(file)})`)
      .join(", ")}};`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The built page's data block: what the runtime reads of the deck (its settings, and its slides'
 * outline: titles, timing, where they come from, a handout's background colour). Data, not code:
 * the browser runs none of it and the page's policy needs no hash for it; `<` is escaped so that
 * no text in it can end it.
 */
export function deckDataScript(deck: Deck): string {
  const { slides, ...rest } = outline(deck);
  const json = JSON.stringify({ deck: { ...rest, slides: [] }, slides }).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${DECK_DATA_ID}">${json}</script>`;
}

// A built page has the slides in its HTML; its script needs only what the runtime reads of them
// (titles, timing, where they come from for the exports, a handout's background colour).
function outline(deck: Deck): Deck {
  return {
    ...deck,
    assets: [],
    slides: deck.slides.map((slide) => ({
      ...slide,
      html: "",
      notesHtml: "",
      notesWords: 0,
      estimatedSeconds: 0,
      options:
        slide.options.backgroundColor === undefined
          ? {}
          : { backgroundColor: slide.options.backgroundColor },
    })),
  };
}
