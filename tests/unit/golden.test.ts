import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { renderSlides } from "../../src/runtime/render-slides.ts";
import { ROOT } from "../helpers/deck-server.ts";

/*
 * Golden pairs: each `name.md` in tests/fixtures/golden renders to exactly `name.html`, one slide
 * and its section as the deck's page has it. `UPDATE_GOLDEN=1 npx vitest run golden` rewrites
 * them; look at the diff before committing.
 */
const GOLDEN = path.join(ROOT, "tests/fixtures/golden");

describe("golden Markdown → HTML pairs", () => {
  for (const name of readdirSync(GOLDEN)
    .filter((file) => file.endsWith(".md"))
    .sort()) {
    test(name, () => {
      const markdown = readFileSync(path.join(GOLDEN, name), "utf8");
      const { value, diagnostics } = buildDeck({
        slidesDir: "slides",
        files: [{ path: `slides/${name}`, text: markdown }],
        themes: ["default"],
      });
      expect(diagnostics).toEqual([]);
      const html = renderSlides(
        value,
        value.assets.map((asset) => asset.ref),
      );
      const expected = path.join(GOLDEN, name.replace(/\.md$/, ".html"));
      if (process.env.UPDATE_GOLDEN) writeFileSync(expected, html);
      expect(html).toBe(readFileSync(expected, "utf8"));
    });
  }
});
