import { describe, expect, test } from "vitest";
import { highlightCode, isKnownLanguage, knownLanguages } from "../../src/deck/highlight.ts";

describe("highlightCode", () => {
  test("knows the languages a Kubernetes talk uses, with their aliases", () => {
    for (const language of ["rust", "rs", "go", "golang", "yaml", "bash", "sh", "json", "toml"]) {
      expect(isKnownLanguage(language), language).toBe(true);
    }
    expect(knownLanguages()).toContain("dockerfile");
  });

  test("returns highlighted HTML, or undefined for an unknown language", () => {
    expect(highlightCode("package main", "go")).toBe(
      '<span class="hljs-keyword">package</span> main',
    );
    expect(highlightCode("x", "cobol-2099")).toBeUndefined();
  });
});
