import { describe, expect, test } from "vitest";
import { summarize } from "../../src/bench/stats.ts";

describe("summarize", () => {
  test("gives the median, minimum and maximum", () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(summarize([7])).toEqual({ median: 7, min: 7, max: 7 });
  });
});
