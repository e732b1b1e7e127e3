declare module "virtual:deck" {
  import type { Deck, Diagnostic, Slide } from "../deck/model.ts";

  /**
   * The deck, or null when it has errors (dev server only: a build fails instead). A build's is
   * read from the page's data block and has no slides here: their HTML is in the page, their
   * outline comes from `loadSlides`.
   */
  export const deck: Deck | null;
  /** The deck's slides: in a build, their outline (no HTML, no notes), from the page's data. */
  export const loadSlides: () => Promise<Slide[]>;
  /** Everything the pipeline found, errors and warnings. */
  export const diagnostics: Diagnostic[];
  /** The bundled URL of each asset, in the order of `deck.assets`. */
  export const assetUrls: string[];
  /** The themes in themes/, all bundled, so `?theme=` can pick any of them. */
  export const themes: string[];
  /** Loads the stylesheet of a theme other than the deck's, by name. */
  export const themeStyles: Record<string, () => Promise<unknown>>;
}

declare module "@deck/*.css" {}
