import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { charactersInFont } from "../../src/vite/font-coverage.ts";
import { subsetWoff2 } from "../../src/vite/font-subset.ts";
import { ROOT } from "../helpers/deck-server.ts";

const MONO = path.join(
  ROOT,
  "node_modules/@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2",
);
const emptyCache = () => mkdtempSync(path.join(tmpdir(), "deck-fonts-"));
const subsetsIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".woff2"));

describe("the characters a font has", () => {
  test("are the text's characters it has glyphs for, each once; not an arrow, an emoji, CJK", async () => {
    const font = readFileSync(MONO);
    expect(await charactersInFont(font, "b→é🚀中ab", emptyCache())).toBe("abé");
  });

  test("are read once: the same answer from the cache, without the font's tables", async () => {
    const cacheDir = emptyCache();
    const font = readFileSync(MONO);
    expect(await charactersInFont(font, "xyz", cacheDir)).toBe("xyz");
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    expect(await charactersInFont(font, "x→", cacheDir)).toBe("x");
  });

  test("are read right for fonts read side by side, each its own", async () => {
    const cacheDir = emptyCache();
    const faces = ["400-normal", "400-italic", "600-normal", "700-normal"].map((face) =>
      path.join(
        ROOT,
        `node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-${face}.woff2`,
      ),
    );
    const read = await Promise.all(
      [...faces, MONO].map((file) => charactersInFont(readFileSync(file), "Rust ⇒ é", cacheDir)),
    );
    expect(read).toStrictEqual(Array(5).fill(" Rstué"));
  });

  test("decide the subset: a character the font lacks makes no new one", async () => {
    const cacheDir = emptyCache();
    const font = readFileSync(MONO);
    const plain = await subsetWoff2(font, "fn main() {}", cacheDir);
    expect(subsetsIn(cacheDir)).toHaveLength(1);
    const withArrow = await subsetWoff2(font, "fn main() {} → 🚀", cacheDir);
    expect(subsetsIn(cacheDir)).toHaveLength(1);
    expect(Buffer.from(withArrow).equals(Buffer.from(plain))).toBe(true);
    // A character it has is a new subset, and a larger one.
    const withE = await subsetWoff2(font, "fn main() {} é", cacheDir);
    expect(subsetsIn(cacheDir)).toHaveLength(2);
    expect(withE.length).toBeGreaterThan(plain.length);
  });
});
