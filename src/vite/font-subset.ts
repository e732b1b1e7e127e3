import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin, Rollup } from "vite";
import type { Deck } from "../deck/model.ts";
import { htmlToText } from "../deck/plain-text.ts";
import { writeCacheFile } from "./cache-file.ts";
import { charactersInFont } from "./font-coverage.ts";
import { inFontQueue } from "./font-queue.ts";

// Characters the deck's own chrome prints (presenter view, handout, slide numbers, toasts), on
// top of the deck's text: printable ASCII and a little typography.
const CHROME = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("")}·–—−…‘’“”×`;

/** Every character a deck can show: its slides, notes, titles and settings, and the chrome's. */
export function deckCharacters(deck: Deck): string {
  const text = htmlToText(
    [
      ...deck.slides.flatMap((slide) => [slide.title, slide.html, slide.notesHtml]),
      ...Object.values(deck.settings).map(String),
      CHROME,
    ].join(" "),
  );
  return [...new Set(text)].sort().join("");
}

/** Where subsets are cached, by font and character set, in a project. */
export function fontCacheDir(root: string): string {
  return path.join(root, "node_modules/.cache/deck-fonts");
}

function cachedFile(font: Uint8Array, characters: string, cacheDir: string): string {
  const key = createHash("sha256").update(font).update(characters).digest("hex").slice(0, 24);
  return path.join(cacheDir, `${key}.woff2`);
}

function cachedSubset(font: Uint8Array, characters: string, cacheDir: string): Buffer | undefined {
  const cached = cachedFile(font, characters, cacheDir);
  return existsSync(cached) ? readFileSync(cached) : undefined;
}

/**
 * A woff2 font subset to these characters (those it has): from the cache, else made (slow: ~0.1 s)
 * and cached.
 */
export async function subsetWoff2(
  font: Uint8Array,
  characters: string,
  cacheDir: string,
): Promise<Uint8Array> {
  const inFont = await charactersInFont(font, characters, cacheDir);
  const cached = cachedSubset(font, inFont, cacheDir);
  if (cached) return cached;
  // Loaded only when the cache has no subset for these characters.
  const { default: subsetFont } = await import("subset-font");
  const subset = await inFontQueue(() =>
    subsetFont(Buffer.from(font), inFont, { targetFormat: "woff2" }),
  );
  writeCacheFile(cachedFile(font, inFont, cacheDir), subset);
  return subset;
}

/**
 * Subsets the bundled woff2 fonts to the characters the deck uses, at build time: the deck then
 * loads a few kilobytes per face instead of a whole Latin font. Results are cached by font and
 * character set, so rebuilds stay fast.
 */
export function fontSubsetPlugin(loadText: () => Promise<string>, cacheDir: string): Plugin {
  return {
    name: "deck-font-subset",
    apply: "build",
    generateBundle: {
      // Before the fonts are written (the single file then inlines the subsets).
      order: "pre",
      async handler(_options, bundle) {
        const characters = await loadText();
        const fonts = Object.values(bundle).filter(
          (output): output is Rollup.OutputAsset =>
            output.type === "asset" && output.fileName.endsWith(".woff2"),
        );
        await Promise.all(
          fonts.map(async (font) => {
            font.source = await subsetWoff2(font.source as Uint8Array, characters, cacheDir);
          }),
        );
      },
    },
  };
}
