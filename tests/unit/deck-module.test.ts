import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { DECK_DATA_ID, deckDataScript, generateDeckModule } from "../../src/vite/deck-module.ts";

const deckOf = (text: string) =>
  buildDeck({ slidesDir: "s", files: [{ path: "s/a.md", text }], themes: ["default"] }).value;

describe("generateDeckModule", () => {
  test("imports the theme and each asset, and exports the deck and diagnostics", () => {
    const deck = deckOf("# A\n\n![x](x.png)\n");
    const code = generateDeckModule({
      deck,
      diagnostics: [],
      styleFiles: ["/p/themes/_base.css", "/p/themes/default.css"],
      themes: ["default"],
      assetFiles: ["/p/s/x.png"],
    });
    const lines = code.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      'import "/p/themes/_base.css";',
      'import "/p/themes/default.css";',
      'import asset0 from "/p/s/x.png";',
      "export const assetUrls = [asset0];",
    ]);
    expect(code).toContain(`export const deck = ${JSON.stringify(deck)};`);
    expect(code).toContain("export const diagnostics = [];");
    expect(code).toContain("export const themeStyles = {};");
  });

  test("imports the themes the deck does not use only on demand", () => {
    const code = generateDeckModule({
      deck: undefined,
      diagnostics: [],
      styleFiles: ["/p/themes/_base.css", "/p/themes/default.css"],
      otherThemeFiles: { dark: "/p/themes/dark.css" },
      themes: ["dark", "default"],
      assetFiles: [],
    });
    expect(code).not.toContain('import "/p/themes/dark.css"');
    expect(code).toContain(
      'export const themeStyles = {"dark": () => import("/p/themes/dark.css")};',
    );
  });

  test("exports a null deck when there are errors, so the dev overlay shows them", () => {
    const code = generateDeckModule({
      deck: undefined,
      diagnostics: [
        { file: "a.md", line: 1, column: 1, severity: "error", code: "x", message: "m" },
      ],
      styleFiles: [],
      themes: [],
      assetFiles: [],
    });
    expect(code).toContain("export const deck = null;");
    expect(code).toContain('"code":"x"');
  });

  test("a build's deck is read from the page, which has its data and its slides' outline", async () => {
    const deck = deckOf("# Talk\n\nHello </script> <!--\n\nNote:\nSay hi.\n\n## Next\n");
    const code = generateDeckModule({
      deck,
      diagnostics: [],
      styleFiles: [],
      themes: ["default"],
      assetFiles: [],
      prerendered: true,
    });
    // The module is the same for every version of the slides: nothing of them is in it.
    expect(code).not.toContain("Talk");
    expect(code).toContain(`document.getElementById(${JSON.stringify(DECK_DATA_ID)})`);
    const script = deckDataScript(deck);
    // Data, not code; nothing in it ends it.
    expect(script.startsWith(`<script type="application/json" id="${DECK_DATA_ID}">`)).toBe(true);
    const json = script.slice(script.indexOf(">") + 1, -"</script>".length);
    expect(json).not.toContain("<");
    const data = JSON.parse(json);
    expect(data.deck.settings.title).toBe(deck.settings.title);
    expect(data.deck.slides).toEqual([]);
    expect(data.slides.map((slide: { title: string }) => slide.title)).toEqual(["Talk", "Next"]);
    expect(json).not.toContain("Hello");
    expect(json).not.toContain("Say hi");
    // The dev server's deck has its slides, and gives them as they are.
    const dev = generateDeckModule({
      deck,
      diagnostics: [],
      styleFiles: [],
      themes: [],
      assetFiles: [],
    });
    expect(dev).toContain(
      "export const loadSlides = () => Promise.resolve(deck ? deck.slides : []);",
    );
  });
});
