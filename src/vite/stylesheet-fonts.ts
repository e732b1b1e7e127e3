import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// `url(…)` in a stylesheet, quoted or not, naming a woff2 file (a query or fragment may follow).
const FONT_URL = /url\(\s*(["']?)([^"')]+?\.woff2)(?:[?#][^"')]*)?\1\s*\)/g;

/**
 * The woff2 files that stylesheets name in `url(…)`, as absolute paths: relative to the
 * stylesheet, or in an installed package (`@fontsource/…/files/….woff2`), resolved as Node
 * resolves it. What cannot be resolved here (another site, an alias of the bundler) is left out:
 * the caller only uses the list to start work early, never to decide what the deck contains.
 */
export function stylesheetFonts(stylesheets: readonly string[]): string[] {
  const fonts = new Set<string>();
  for (const stylesheet of stylesheets) {
    if (!existsSync(stylesheet)) continue;
    const css = readFileSync(stylesheet, "utf8");
    for (const match of css.matchAll(FONT_URL)) {
      const font = resolveFont(match[2] ?? "", stylesheet);
      if (font) fonts.add(font);
    }
  }
  return [...fonts];
}

function resolveFont(url: string, stylesheet: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith("/")) return undefined;
  // As in CSS, a plain `fonts/a.woff2` is beside the stylesheet; the bundler also takes it for
  // a package's file when there is none there.
  const beside = path.resolve(path.dirname(stylesheet), url);
  if (existsSync(beside)) return beside;
  if (url.startsWith(".")) return undefined;
  try {
    return createRequire(stylesheet).resolve(url);
  } catch {
    return undefined;
  }
}
