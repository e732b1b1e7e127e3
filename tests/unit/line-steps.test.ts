import { describe, expect, test } from "vitest";
import { parseFenceInfo } from "../../src/deck/code-fence.ts";
import { parseLineSteps, splitHighlightedLines } from "../../src/deck/line-steps.ts";

describe("parseFenceInfo", () => {
  test("reads the language and the line steps", () => {
    const ours = { lineNumbers: false, startFrom: 1 };
    expect(parseFenceInfo("rust {1|3-4|6}")).toEqual({
      language: "rust",
      steps: "1|3-4|6",
      ...ours,
    });
    expect(parseFenceInfo("go")).toEqual({ language: "go", steps: undefined, ...ours });
    expect(parseFenceInfo("{2}")).toEqual({ language: "", steps: "2", ...ours });
  });

  test("reads reveal.js's form: line numbers, steps, an offset, an empty first step", () => {
    expect(parseFenceInfo("js [1|2-3|4]")).toEqual({
      language: "js",
      steps: "1|2-3|4",
      lineNumbers: true,
      startFrom: 1,
    });
    expect(parseFenceInfo("yaml [|10-27|6-9]")).toMatchObject({
      language: "yaml",
      steps: "|10-27|6-9",
    });
    expect(parseFenceInfo("js [712: 1-2|3]")).toMatchObject({ steps: "1-2|3", startFrom: 712 });
    expect(parseFenceInfo("python []")).toMatchObject({ steps: undefined, lineNumbers: true });
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

  test("lets a step be empty in reveal.js's form", () => {
    expect(parseLineSteps("|3-4|1", 5, { allowEmpty: true })).toEqual([[], [3, 4], [1]]);
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
