import { describe, expect, test } from "vitest";
import { buildOutline } from "../../src/export/outline.ts";
import type { PublishedDeck } from "../../src/runtime/deck-model.ts";

const slide = (id: string, level: 1 | 2, layout: PublishedDeck["slides"][number]["layout"]) => ({
  id,
  title: id.toUpperCase(),
  level,
  layout,
  source: { file: "s.md", line: 1, column: 1 },
});

describe("buildOutline", () => {
  test("nests content slides under the section before them, and nothing under the title", () => {
    const slides = [
      slide("title", 1, "title"),
      slide("intro", 2, "content"),
      slide("part", 1, "section"),
      slide("a", 2, "content"),
      slide("b", 2, "content"),
      slide("end", 1, "center"),
      slide("after", 2, "content"),
    ];
    const pages = new Map(slides.map((s, i) => [s.id, i * 2]));
    expect(buildOutline(slides, pages)).toEqual([
      { title: "TITLE", pageIndex: 0, children: [] },
      { title: "INTRO", pageIndex: 2, children: [] },
      {
        title: "PART",
        pageIndex: 4,
        children: [
          { title: "A", pageIndex: 6, children: [] },
          { title: "B", pageIndex: 8, children: [] },
        ],
      },
      { title: "END", pageIndex: 10, children: [] },
      { title: "AFTER", pageIndex: 12, children: [] },
    ]);
  });

  test("leaves out slides that have no page", () => {
    expect(buildOutline([slide("x", 2, "content")], new Map())).toEqual([]);
  });
});
