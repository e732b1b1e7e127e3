import path from "node:path";
import { hasErrors } from "../deck/diagnostics.ts";
import { buildDeckAhead } from "./deck-ahead.ts";
import { makeDeckSubsets } from "./deck-fonts.ts";
import { expectBuiltDeck, loadDeck } from "./deck-plugin.ts";
import { fontCacheDir } from "./font-subset.ts";
import { displayPath } from "./read-deck.ts";

/**
 * Run by `npm ci` and `npm install` (package.json's "prepare", through src/cli/run.mjs): makes
 * the font subsets of the slides folder ($DECK_DIR, else `slides/`) as installed, so the first
 * `npm run build` starts with them (they were 0.6 s of it), and with the deck built (deck-ahead.ts)
 * when its slides are still as installed. Never fails the install: a deck with
 * errors or a font that cannot be read is left to the build, which says what is wrong.
 */
const root = process.cwd();
const location = {
  slidesDir: path.resolve(root, process.env.DECK_DIR ?? "slides"),
  themesDir: path.join(root, "themes"),
};
try {
  const started = performance.now();
  // Built as a command builds it, so that the deck's cache is filled as a command fills it.
  expectBuiltDeck(buildDeckAhead(location));
  const build = await loadDeck(location);
  if (!hasErrors(build.diagnostics)) {
    const fonts = await makeDeckSubsets(build, fontCacheDir(root));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `font subsets of ${displayPath(location.slidesDir)}/ ready for the first build (${fonts.length} fonts, ${seconds} s)`,
    );
  }
} catch {
  // The build makes what is missing, and reports what fails.
}
