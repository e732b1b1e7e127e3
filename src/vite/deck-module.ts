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

/**
 * The source of `virtual:deck`: the deck as data, its stylesheets and assets as imports (so Vite
 * fingerprints and bundles them), the other themes as imports on demand, and the diagnostics for
 * the dev overlay.
 */
export function generateDeckModule(parts: DeckModuleParts): string {
  const lines: string[] = [];
  for (const file of parts.styleFiles) lines.push(`import ${JSON.stringify(file)};`);
  parts.assetFiles.forEach((file, index) => {
    lines.push(`import asset${index} from ${JSON.stringify(file)};`);
  });
  lines.push(
    `export const assetUrls = [${parts.assetFiles.map((_, index) => `asset${index}`).join(", ")}];`,
    `export const deck = ${JSON.stringify(parts.prerendered && parts.deck ? { ...outline(parts.deck), slides: [] } : (parts.deck ?? null))};`,
    // A built page's slides are in its HTML; their outline is a chunk of its own, for the views
    // that read it (see generateSlidesModule).
    parts.prerendered
      ? `export const loadSlides = () => import(${JSON.stringify(SLIDES_MODULE_ID)}).then((module) => module.slides);`
      : "export const loadSlides = () => Promise.resolve(deck ? deck.slides : []);",
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

/** The id of the module that holds a built deck's slides' outline. */
export const SLIDES_MODULE_ID = "virtual:deck-slides";

/**
 * The source of `virtual:deck-slides`: what the runtime reads of a built deck's slides (titles,
 * timing, where they come from, a handout's background colour), which the audience's first slide
 * does not wait for; the presenter, the handout, the print view and a rehearsal load it.
 */
export function generateSlidesModule(deck: Deck): string {
  return `export const slides = ${JSON.stringify(outline(deck).slides)};\n`;
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
