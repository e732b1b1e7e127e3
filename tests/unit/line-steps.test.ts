import { describe, expect, test } from "vitest";
import { parseLineSteps, splitHighlightedLines } from "../../src/deck/line-steps.ts";
import { parseFenceInfo } from "../../src/deck/markdown.ts";

describe("parseFenceInfo", () => {
  test("reads the language and the line steps", () => {
    expect(parseFenceInfo("rust {1|3-4|6}")).toEqual({ language: "rust", steps: "1|3-4|6" });
    expect(parseFenceInfo("go")).toEqual({ language: "go", steps: undefined });
    expect(parseFenceInfo("{2}")).toEqual({ language: "", steps: "2" });
  });
});

describe("parseLineSteps", () => {
  test("reads steps of lines and ranges", () => {
    expect(parseLineSteps("1|3-4|6", 6)).toEqual([[1], [3, 4], [6]]);
    expect(parseLineSteps("1,3-4|2", 4)).toEqual([[1, 3, 4], [2]]);
  });

  test("explains what is wrong", () => {
    expect(parseLineSteps("1|x", 3)).toBe("`x` is not a line number or a range such as 3-4");
    expect(parseLineSteps("4-2", 5)).toBe("`4-2` is not a range of lines from 1 up");
    expect(parseLineSteps("2|9", 5)).toBe("line 9 is past the end of the code (5 lines)");
    expect(parseLineSteps("1||2", 5)).toBe("`` is not a line number or a range such as 3-4");
  });
});

describe("splitHighlightedLines", () => {
  test("closes and reopens spans that cross lines", () => {
    expect(splitHighlightedLines('a <span class="c">/* one\ntwo */</span> b')).toEqual([
      'a <span class="c">/* one</span>',
      '<span class="c">two */</span> b',
    ]);
  });
});
