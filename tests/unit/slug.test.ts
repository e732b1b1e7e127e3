import { describe, expect, test } from "vitest";
import { slugify } from "../../src/deck/slug.ts";

describe("slugify", () => {
  test.each([
    ["Smaller images", "smaller-images"],
    ["That's why.", "thats-why"],
    ["I. Wins", "i-wins"],
    ["kube-rs is ready", "kube-rs-is-ready"],
    ["Cross-compilation is harder", "cross-compilation-is-harder"],
    ["Crème brûlée — 100%", "creme-brulee-100"],
    ["!!!", ""],
  ])("%s → %s", (title, id) => {
    expect(slugify(title)).toBe(id);
  });
});
