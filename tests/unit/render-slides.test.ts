import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { fillAssetUrls, renderSlides } from "../../src/runtime/render-slides.ts";

const deckOf = (text: string) =>
  buildDeck({ slidesDir: "s", files: [{ path: "s/a.md", text }], themes: ["default"] }).value;

describe("renderSlides", () => {
  test("renders each slide as a <section> with its id, layout class and notes", () => {
    const html = renderSlides(deckOf("# Talk\n\n## Point\n\nBody\n\nNote:\nSay it.\n"), []);
    expect(html).toBe(
      [
        '<section id="talk" class="layout-title" data-timing="15">',
        "<h1>Talk</h1>\n",
        "</section>",
        '<section id="point" class="layout-content" data-timing="15">',
        "<h2>Point</h2>\n<p>Body</p>\n",
        '<aside class="notes"><p>Say it.</p></aside>',
        "</section>",
      ].join("\n"),
    );
  });

  test("turns slide options into reveal.js attributes", () => {
    const deck = deckOf(
      '## A\n<!-- .slide: timing=45 transition=zoom background="#112233" class="wide dim" -->\n',
    );
    expect(renderSlides(deck, [])).toContain(
      '<section id="a" class="layout-content wide dim" data-timing="45" data-transition="zoom" data-background-color="#112233">',
    );
  });

  test("fills asset placeholders with the bundler's URLs", () => {
    const deck = deckOf("## A\n<!-- .slide: background=bg.png -->\n\n![Chart](c.svg)\n");
    const html = renderSlides(deck, ["./assets/bg-1.png", "./assets/c-2.svg"]);
    expect(html).toContain('data-background-image="./assets/bg-1.png"');
    expect(html).toContain('<img src="./assets/c-2.svg" alt="Chart">');
    expect(fillAssetUrls("__deck_asset_7__", [])).toBe("__deck_asset_7__");
  });
});
