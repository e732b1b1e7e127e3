import fc from "fast-check";
import Markdown from "reveal.js/plugin/markdown";
import { describe, expect, test } from "vitest";
import { splitAtSeparators } from "../../src/deck/split-separators.ts";

const REVEAL_MD = { separator: "\r?\n---\r?\n", verticalSeparator: "\r?\n----\r?\n" };

const split = (text: string, separators = REVEAL_MD, from = 0) =>
  splitAtSeparators({ path: "slides/talk.md", text }, from, separators);

/** reveal.js's own cut (its markdown plugin's slidify), as [text, below] per slide. */
function revealCut(text: string, separators: typeof REVEAL_MD): [string, boolean][] {
  const plugin = Markdown() as unknown as { slidify(text: string, options: object): string };
  const html = plugin.slidify(text, { ...separators });
  const slides: [string, boolean][] = [];
  let depth = 0;
  let inStack = 0;
  for (const match of html.matchAll(
    /<section[^>]*>|<\/section>|<script type="text\/template">([\s\S]*?)<\/script>/g,
  )) {
    if (match[0].startsWith("<section")) depth++;
    else if (match[0] === "</section>") {
      depth--;
      if (depth === 0) inStack = 0;
    } else {
      slides.push([match[1] ?? "", depth === 2 && inStack++ > 0]);
    }
  }
  return slides;
}

const ours = (text: string, separators = REVEAL_MD): [string, boolean][] =>
  split(text, separators).value.map((chunk) => [chunk.text, chunk.below]);

describe("splitAtSeparators", () => {
  test("cuts where reveal.js cuts: horizontal slides and vertical stacks", () => {
    const text = "# A\n---\nB\n----\nC\n----\nD\n---\nE";
    expect(ours(text)).toEqual([
      ["# A", false],
      ["B", false],
      ["C", true],
      ["D", true],
      ["E", false],
    ]);
    expect(ours(text)).toEqual(revealCut(text, REVEAL_MD));
  });

  test("cuts like reveal.js's markdown plugin for any text (a property)", () => {
    const line = fc.constantFrom(
      "# Title",
      "### Point",
      "text",
      "",
      "---",
      "----",
      "--",
      "Note: say",
    );
    const separators = fc.constantFrom(
      REVEAL_MD,
      { separator: "^---$", verticalSeparator: "^--$" },
      { separator: "\n\n\n", verticalSeparator: "\n\n" },
      { separator: "<!--s-->", verticalSeparator: "" },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), separators, (lines, chosen) => {
        const text = lines.join("\n");
        // An empty file adds no slide here (with a warning); reveal.js shows one empty slide.
        fc.pre(text.trim() !== "");
        expect(ours(text, chosen)).toEqual(revealCut(text, chosen));
      }),
      { numRuns: 400 },
    );
  });

  test("titles a slide by its first heading of any level, or by its first words", () => {
    const { value } = split(
      "### Deep title\n\ntext\n---\nNo heading here, just a sentence that goes on and on for a long time until it is cut.\n---\n# Part\n",
    );
    expect(value.map((chunk) => [chunk.title, chunk.level])).toEqual([
      ["Deep title", 2],
      ["No heading here, just a sentence that goes on and on for a…", 2],
      ["Part", 1],
    ]);
  });

  test("knows where each slide and its title are in the file", () => {
    const text = "---\ntitle: x\n---\n\nIntro\n---\n\n## Second\n";
    const { value } = split(text, REVEAL_MD, text.indexOf("\n\nIntro"));
    expect(value.map((chunk) => [chunk.offset, chunk.at, chunk.title])).toEqual([
      [16, 18, "Intro"],
      [28, 29, "Second"],
    ]);
  });

  test("warns about an empty slide between two separators, as reveal.js would show one", () => {
    const { value, diagnostics } = split("A\n---\n\n---\nB\n");
    expect(value).toHaveLength(3);
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 3, severity: "warning", code: "empty-slide" }),
    ]);
  });
});
