import { readFileSync } from "node:fs";
import type { DeckBuild } from "./deck-plugin.ts";
import { deckCharacters, subsetWoff2 } from "./font-subset.ts";
import { stylesheetFonts } from "./stylesheet-fonts.ts";

/**
 * Makes, into the cache, the font subsets that a build of this deck will ask for: those of the
 * fonts its stylesheets name (the base, every theme, KaTeX's, the deck's own), to its characters.
 * A subset the cache lacks costs a tenth of a second; `npm ci` makes them for the slides it finds
 * (src/vite/prepare-fonts.ts), so that the first build does not. Returns the fonts subset.
 */
export async function makeDeckSubsets(build: DeckBuild, cacheDir: string): Promise<string[]> {
  const fonts = stylesheetFonts([...build.styleFiles, ...Object.values(build.otherThemeFiles)]);
  const characters = deckCharacters(build.deck);
  // One at a time: the subsetter is WebAssembly on this one thread.
  for (const font of fonts) await subsetWoff2(readFileSync(font), characters, cacheDir);
  return fonts;
}
