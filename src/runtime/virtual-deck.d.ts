declare module "virtual:deck" {
  import type { Deck, Diagnostic } from "../deck/model.ts";

  /** The deck, or null when it has errors (dev server only: a build fails instead). */
  export const deck: Deck | null;
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
