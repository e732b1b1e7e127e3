import { describe, expect, test } from "vitest";
import { checkSourceCoverage, sourceSentences } from "../../src/check/source-coverage.ts";
import { buildDeck } from "../../src/deck/build-deck.ts";
import type { SourceFile } from "../../src/deck/model.ts";

const deckOf = (markdown: string) =>
  buildDeck({
    slidesDir: "slides",
    files: [{ path: "slides/a.md", text: markdown }],
    themes: ["default"],
  }).value;

const source = (path: string, text: string): SourceFile => ({ path, text });

describe("sourceSentences", () => {
  test("cuts plain text into paragraphs at blank lines and sentences after . ! ? …", () => {
    const sentences = sourceSentences(
      source(
        "slides/essay.txt",
        "A title\n\nOne. Two? Three!\nStill three’s paragraph…\n\n  Last line",
      ),
    );
    expect(sentences.map((s) => [s.text, s.position.line, s.position.column])).toEqual([
      ["A title", 1, 1],
      ["One.", 3, 1],
      ["Two?", 3, 6],
      ["Three!", 3, 11],
      ["Still three’s paragraph…", 4, 1],
      ["Last line", 6, 3],
    ]);
  });

  test("reads Markdown's prose: headings, paragraphs, list items and quotes, not code", () => {
    const sentences = sourceSentences(
      source(
        "slides/post.md",
        "# A *post*\n\nIt has **bold** text. And a [link](https://example.com).\n\n- An item.\n\n> A quote.\n\n```\nnot(prose);\n```\n",
      ),
    );
    expect(sentences.map((s) => [s.text, s.position.line])).toEqual([
      ["A post", 1],
      ["It has bold text.", 3],
      ["And a link.", 3],
      ["An item.", 5],
      ["A quote.", 7],
    ]);
  });
});

describe("checkSourceCoverage (the lost-sentence rule)", () => {
  const essay = source(
    "slides/essay.txt",
    "My talk\n\nGo is the default. I use Rust anyway.\n\nIt’s smaller.\n",
  );

  test("finds each sentence on a slide, in its notes, or in its title, quotes alike", () => {
    const deck = deckOf(
      "# My talk\n\nGo is the default.\n\nNote:\nI use   Rust\nanyway.\n\n## It's smaller.\n",
    );
    expect(checkSourceCoverage(deck, essay)).toEqual([]);
  });

  test("reports each sentence that is nowhere in the deck, where the source has it", () => {
    const deck = deckOf("# My talk\n\nGo is the default.\n");
    expect(checkSourceCoverage(deck, essay)).toEqual([
      {
        file: "slides/essay.txt",
        line: 3,
        column: 20,
        severity: "warning",
        code: "lost-sentence",
        message: '"I use Rust anyway." is on no slide and in no notes',
      },
      expect.objectContaining({ line: 5, column: 1, message: expect.stringContaining("It’s") }),
    ]);
  });

  test("counts text in code, charts and HTML entities as the reader sees it", () => {
    const deck = deckOf(
      "# T\n\n```rust\nlet x = a < b;\n```\n\n```chart\ntitle: Sizes & more\nA: 1\n```\n",
    );
    expect(
      checkSourceCoverage(deck, source("slides/s.txt", "let x = a < b;\n\nSizes & more\n")),
    ).toEqual([]);
  });
});
