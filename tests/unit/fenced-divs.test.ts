import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../../src/deck/markdown.ts";
import { createLineIndex } from "../../src/deck/position.ts";
import { splitSlides } from "../../src/deck/split.ts";

const render = (text: string) =>
  renderMarkdown(text, 0, createLineIndex("s.md", text), { assets: [], links: [], charts: 0 });
const codes = (text: string) =>
  render(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

describe("fenced divs (Pandoc, Quarto)", () => {
  test("wrap blocks in a div with the class, id and data- attributes of their braces", () => {
    const { value, diagnostics } = render(
      '::: {#tip .callout .wide data-kind="note"}\nA **tip**.\n\n- and a list\n:::\n\n::: warning\nCareful.\n:::\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value).toBe(
      '<div id="tip" class="callout wide" data-kind="note">\n<p>A <strong>tip</strong>.</p>\n<ul>\n<li>and a list</li>\n</ul>\n</div>\n<div class="warning">\n<p>Careful.</p>\n</div>\n',
    );
  });

  test("make columns, each as wide as it says or sharing what is left, nested by their fences", () => {
    const { value, diagnostics } = render(
      ':::: columns\n::: {.column width="40%"}\nLeft\n:::\n::: column\nRight\n:::\n::::\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value).toBe(
      '<div class="columns">\n<div class="column" style="width: 40%">\n<p>Left</p>\n</div>\n<div class="column">\n<p>Right</p>\n</div>\n</div>\n',
    );
  });

  test("keep fences inside code as code, and a heading inside a div inside its slide", () => {
    expect(render("```\n:::\n```\n").value).toContain('<code class="hljs">:::\n</code>');
    const { value } = splitSlides({
      path: "s.md",
      text: "## One\n\n::: column\n## Not a new slide\n:::\n\n## Two\n",
    });
    expect(value.map((chunk) => chunk.title)).toEqual(["One", "Two"]);
  });

  test("say at their line when a fence is never closed, closes nothing, or a column is alone", () => {
    expect(codes("Text\n\n::: note\nNever closed\n")).toEqual(["3:1 error unclosed-div"]);
    expect(codes("Text\n\n:::\n")).toEqual(["3:1 error stray-div-fence"]);
    expect(codes("::: column\nAlone\n:::\n")).toEqual(["1:1 warning column-outside-columns"]);
    expect(codes("::: {.a !!}\nx\n:::\n")).toEqual(["1:1 error invalid-div"]);
  });
});
