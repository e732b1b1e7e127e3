import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { filesUnder } from "../../src/vite/build-stamp.ts";
import { makeDeckSubsets } from "../../src/vite/deck-fonts.ts";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { fontCacheDir } from "../../src/vite/font-subset.ts";
import { buildDeckTo, fixtureDeck, ROOT, writeDeck } from "../helpers/deck-server.ts";

const themesDir = path.join(ROOT, "themes");
const contentHash = (file: string) => createHash("sha1").update(readFileSync(file)).digest("hex");
const hashesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".woff2"))
        .map((name) => contentHash(path.join(dir, name)))
    : [];
const emptyCache = () => mkdtempSync(path.join(tmpdir(), "deck-fonts-"));

describe("the deck's font subsets, made before its build", () => {
  test.each(["engine", "authoring"])(
    "are the fonts a build of the %s fixture writes, byte for byte",
    async (name) => {
      const slidesDir = fixtureDeck(name);
      const cacheDir = emptyCache();
      const fonts = await makeDeckSubsets(await loadDeck({ slidesDir, themesDir }), cacheDir);
      const built = filesUnder(await buildDeckTo(slidesDir))
        .filter((file) => file.endsWith(".woff2"))
        .map(contentHash);
      expect(fonts.length).toBeGreaterThan(0);
      expect(new Set(hashesIn(cacheDir))).toStrictEqual(new Set(built));
    },
  );

  test("are made by the install's prepare step, for the slides folder it finds", async () => {
    // Letters the fonts have, drawn at random (ten of À–ÿ's 64): a set of characters no other
    // deck has, whose subsets cannot be in the cache before this test.
    const mark = Array.from({ length: 10 }, () =>
      String.fromCodePoint(0xc0 + Math.floor(Math.random() * 64)),
    ).join("");
    const slidesDir = writeDeck({ "01.md": `# Fonts ${mark}\n\nSome *text* and \`code\`.\n` });
    const prepare = spawnSync(process.execPath, ["src/cli/run.mjs", "--prepare"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DECK_DIR: slidesDir },
    });
    expect(prepare.status).toBe(0);
    expect(prepare.stdout).toMatch(/font subsets of .* ready for the first build/);
    const expected = emptyCache();
    await makeDeckSubsets(await loadDeck({ slidesDir, themesDir }), expected);
    const cached = new Set(hashesIn(fontCacheDir(ROOT)));
    expect(hashesIn(expected).length).toBeGreaterThan(0);
    expect(hashesIn(expected).filter((hash) => !cached.has(hash))).toStrictEqual([]);
  });

  test("never fail the install: a deck with errors is left to its build", () => {
    const prepare = spawnSync(process.execPath, ["src/cli/run.mjs", "--prepare"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DECK_DIR: path.join(tmpdir(), "no-such-slides-folder") },
    });
    expect(prepare.status).toBe(0);
    expect(prepare.stdout).toBe("");
    expect(prepare.stderr).toBe("");
  });
});
