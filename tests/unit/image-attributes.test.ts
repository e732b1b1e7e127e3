import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../../src/deck/markdown.ts";
import { createLineIndex } from "../../src/deck/position.ts";
import type { References } from "../../src/deck/token-context.ts";

function render(text: string) {
  const references: References = { assets: [], links: [], charts: 0 };
  const result = renderMarkdown(text, 0, createLineIndex("s.md", text), references);
  return { ...result, references };
}

describe("Pandoc's attributes after an image", () => {
  test("size it, give it classes and an id, and say how much of the slide it takes", () => {
    const { value, diagnostics, references } = render(
      "![A pier](pier.jpg){width=40% .shadow #pier} and ![A logo](logo.svg){height=120}\n",
    );
    expect(diagnostics).toEqual([]);
    expect(value).toBe(
      '<p><img src="__deck_asset_0__" alt="A pier" id="pier" class="shadow" style="width: 40%"> and <img src="__deck_asset_1__" alt="A logo" style="height: 120px"></p>\n',
    );
    expect(references.assets.map((asset) => [asset.ref, asset.widthShare])).toEqual([
      ["pier.jpg", 0.4],
      ["logo.svg", undefined],
    ]);
  });

  test("keep `$&` in a value as the author wrote it (not read as a replacement pattern)", () => {
    const { value } = render('![A](a.png){data-x="a$&b"}\n');
    expect(value).toBe('<p><img src="__deck_asset_0__" alt="A" data-x="a$&amp;b"></p>\n');
  });

  test("make a stretched image the slide's own child, as reveal.js needs to stretch it", () => {
    const { value } = render("Above.\n\n![A photo](p.jpg){.r-stretch}\n");
    expect(value).toBe(
      '<p>Above.</p>\n<img src="__deck_asset_0__" alt="A photo" class="r-stretch">\n',
    );
  });

  test("report what is not a length or not allowed, at the braces, and set none of it", () => {
    const { value, diagnostics } = render("Text\n\nSee ![A](a.png){width=wide onclick=x}\n");
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
      [3, 16, "invalid-image-attribute"],
      [3, 16, "invalid-image-attribute"],
    ]);
    expect(value).not.toMatch(/onclick|wide/);
  });

  test("leave braces that follow no image as text", () => {
    expect(render("Set {width=40%} here.\n").value).toBe("<p>Set {width=40%} here.</p>\n");
  });
});
