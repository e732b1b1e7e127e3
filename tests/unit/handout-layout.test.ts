import { describe, expect, test } from "vitest";
import { contentBox, handoutQuery, readHandoutOptions } from "../../src/runtime/handout-layout.ts";

describe("handout layout", () => {
  test("round-trips its options through the page URL", () => {
    const options = { paper: "letter", perPage: 2 } as const;
    expect(readHandoutOptions(handoutQuery(options))).toEqual(options);
    expect(readHandoutOptions("?handout")).toEqual({ paper: "a4", perPage: 3 });
  });

  test("prints inside the page margins", () => {
    expect(contentBox("a4")).toEqual({ width: 180, height: 267 });
  });
});
