import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";

const slidesOf = (markdown: string, settings?: string) =>
  buildDeck({
    slidesDir: "slides",
    files: [{ path: "slides/a.md", text: markdown }],
    settingsFile: settings === undefined ? undefined : { path: "slides/deck.yaml", text: settings },
    themes: ["default"],
  }).value.slides;

const fragments = (html: string) => html.match(/<li class="fragment">/g)?.length ?? 0;

describe("incremental lists", () => {
  test("reveal each item of a slide's lists in turn, nested items with their parent", () => {
    const [slide] = slidesOf(
      "## Steps\n<!-- .slide: incremental=true -->\n\n- one\n- two\n  - detail\n- three\n\n1. first\n2. second\n",
    );
    expect(fragments(slide?.html ?? "")).toBe(5);
    expect(slide?.html).toContain("<li>detail</li>");
  });

  test("follow the deck setting, which a slide may turn off, and Quarto's divs", () => {
    const slides = slidesOf(
      "## On\n\n- a\n- b\n\n## Off\n<!-- .slide: incremental=false -->\n\n- a\n- b\n\n## Kept whole\n\n::: nonincremental\n- a\n- b\n:::\n",
      "incremental: true\n",
    );
    expect(slides.map((slide) => fragments(slide.html))).toEqual([2, 0, 0]);
    const [divided] = slidesOf("## Div\n\n::: incremental\n- a\n- b\n:::\n\n- whole\n");
    expect(fragments(divided?.html ?? "")).toBe(2);
    expect(divided?.html).toContain("<li>whole</li>");
  });

  test("leave notes whole, and do not add to an item that is a fragment already", () => {
    const [slide] = slidesOf(
      '## S\n<!-- .slide: incremental=true -->\n\n- a <!-- .element: class="fragment fade-up" -->\n- b\n\nNote:\n- said\n',
    );
    expect(slide?.html).toContain('<li class="fragment fade-up">a </li>');
    expect(slide?.notesHtml).toContain("<li>said</li>");
  });
});
