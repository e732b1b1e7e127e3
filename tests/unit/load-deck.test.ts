import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { fixtureDeck, ROOT, writeDeck } from "../helpers/deck-server.ts";

const themesDir = path.join(ROOT, "themes");
const made: string[] = [];
function deck(files: Record<string, string>): string {
  const dir = writeDeck(files);
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const codes = async (slidesDir: string) =>
  (await loadDeck({ slidesDir, themesDir })).diagnostics.map(
    (d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code}`,
  );

describe("loadDeck (reading a slides folder from disk)", () => {
  test("builds a deck folder with no error and no warning, with every theme", async () => {
    const { deck, diagnostics, styleFiles, themes } = await loadDeck({
      slidesDir: fixtureDeck("engine"),
      themesDir,
    });
    expect(diagnostics).toEqual([]);
    expect(deck.slides).toHaveLength(10);
    expect(deck.settings).toMatchObject({ title: "Engine fixture", talkMinutes: 3 });
    expect(themes).toEqual(["dark", "default", "high-contrast"]);
    expect(styleFiles[0]).toBe(path.join(themesDir, "_base.css"));
  });

  test("resolves images next to the slide file, and reports a missing one where it is used", async () => {
    const dir = deck({ "01.md": "# A\n\n![Here](img/here.svg)\n\n![Gone](img/gone.png)\n" });
    mkdirSync(path.join(dir, "img"), { recursive: true });
    writeFileSync(path.join(dir, "img/here.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    const { assetFiles } = await loadDeck({ slidesDir: dir, themesDir });
    expect(assetFiles).toEqual([path.join(dir, "img/here.svg"), path.join(dir, "img/gone.png")]);
    expect(await codes(dir)).toEqual(["01.md:5:1 error missing-asset"]);
  });

  test("reports a missing slides folder and an unknown theme", async () => {
    expect(await codes("/nonexistent/slides")).toEqual([
      "slides:1:1 error missing-slides-dir",
      "slides:1:1 error no-slides",
    ]);
    expect(await codes(deck({ "a.md": "# A\n", "deck.yaml": "theme: neon\n" }))).toEqual([
      "deck.yaml:1:8 error invalid-setting",
    ]);
  });

  test("reports invalid UTF-8, and warns about files that are neither slides nor assets", async () => {
    const dir = deck({ "a.md": "# A\n", "todo.txt": "later" });
    writeFileSync(path.join(dir, "b.md"), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
    expect(await codes(dir)).toEqual([
      "b.md:1:3 error invalid-utf8",
      "todo.txt:1:1 warning not-a-slide",
    ]);
  });
});
