import { describe, expect, test } from "vitest";
import { opensAtFirstSlide } from "../../src/runtime/far-slides.ts";

describe("opensAtFirstSlide", () => {
  test("is true for no hash and reveal.js's ways of naming the first slide", () => {
    for (const hash of ["", "#", "#/", "#/0", "#/0/0", "#/title", "#/t%C3%AAte"]) {
      expect(opensAtFirstSlide(hash, hash.includes("%") ? "tête" : "title"), hash).toBe(true);
    }
  });

  test("is false for any other slide, step or id", () => {
    for (const hash of ["#/1", "#/0/1", "#/3/0", "#/second", "#/title/1", "#/%E0%A4%A"]) {
      expect(opensAtFirstSlide(hash, "title"), hash).toBe(false);
    }
    expect(opensAtFirstSlide("#/title", undefined)).toBe(false);
    expect(opensAtFirstSlide("#/", "")).toBe(true);
  });
});
