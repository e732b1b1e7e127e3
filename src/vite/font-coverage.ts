import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeCacheFile } from "./cache-file.ts";
import { inFontQueue } from "./font-queue.ts";

/**
 * The characters of `text` that a woff2 font has glyphs for, each once, sorted. What a font lacks
 * (an arrow, an emoji, another script) the browser draws with a fallback font; its subset is the
 * same with or without them, so the subsets are cached by these characters alone: a slide that
 * gains such a character makes no new subset (0.6 s for the deck's five fonts, measured). The
 * font's characters are read once (harfbuzz, 0.07 s with its loading) and cached by its content.
 */
export async function charactersInFont(
  font: Uint8Array,
  text: string,
  cacheDir: string,
): Promise<string> {
  const codePoints = await fontCodePoints(font, cacheDir).catch(() => undefined);
  // A font that cannot be read here is subset to every character, as the subsetter reads it.
  if (!codePoints) return [...new Set(text)].sort().join("");
  const has = new Set(codePoints);
  const inFont = [...new Set(text)].filter((character) => has.has(character.codePointAt(0) ?? -1));
  return inFont.sort().join("");
}

async function fontCodePoints(font: Uint8Array, cacheDir: string): Promise<number[]> {
  const key = createHash("sha256").update(font).digest("hex").slice(0, 24);
  const cached = path.join(cacheDir, `${key}.characters.json`);
  if (existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, "utf8")) as number[];
    } catch {
      // Read again below.
    }
  }
  const codePoints = await inFontQueue(async () => {
    // Loaded only for a font not read before: harfbuzz reads TrueType, not woff2's compression.
    const [{ convert }, { Blob, Face }] = await Promise.all([
      import("fontverter"),
      import("harfbuzzjs"),
    ]);
    const sfnt = await convert(Buffer.from(font), "sfnt");
    const read = [...new Face(new Blob(sfnt)).collectUnicodes()];
    if (read.length === 0) throw new Error("no characters read from the font");
    return read;
  });
  writeCacheFile(cached, JSON.stringify(codePoints));
  return codePoints;
}
