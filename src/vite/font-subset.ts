import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import type { Deck } from "../deck/model.ts";
import { htmlToText } from "../deck/plain-text.ts";
import { writeCacheFile } from "./cache-file.ts";

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
        mkdirSync(cacheDir, { recursive: true });
        await Promise.all(
          Object.values(bundle).map(async (output) => {
            if (output.type !== "asset" || !output.fileName.endsWith(".woff2")) return;
            const font = Buffer.from(output.source as Uint8Array);
            const key = createHash("sha256")
              .update(font)
              .update(characters)
              .digest("hex")
              .slice(0, 24);
            const cached = path.join(cacheDir, `${key}.woff2`);
            if (existsSync(cached)) {
              output.source = readFileSync(cached);
              return;
            }
            // Loaded only when the cache has no subset for these characters.
            const { default: subsetFont } = await import("subset-font");
            const subset = await subsetFont(font, characters, { targetFormat: "woff2" });
            writeCacheFile(cached, subset);
            output.source = subset;
          }),
        );
      },
    },
  };
}
