import { describe, expect, test } from "vitest";
import { createLineIndex } from "../../src/deck/position.ts";

describe("createLineIndex", () => {
  test("maps offsets to 1-based lines and columns", () => {
    const index = createLineIndex("f.md", "ab\ncd\n\nx");
    expect([0, 1, 3, 4, 6, 7].map((o) => index.positionAt(o))).toEqual(
      [
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 2],
        [3, 1],
        [4, 1],
      ].map(([line, column]) => ({ file: "f.md", line, column })),
    );
  });
});
