import { describe, expect, test } from "vitest";
import {
  diagnosticAt,
  formatDiagnostic,
  hasErrors,
  sortDiagnostics,
} from "../../src/deck/diagnostics.ts";

const at = (file: string, line: number, severity: "error" | "warning" = "error") =>
  diagnosticAt({ file, line, column: 3 }, severity, "unknown-option", "message");

describe("diagnostics", () => {
  test("format like a compiler: file:line:col severity code message", () => {
    expect(formatDiagnostic(at("slides/05-smaller-images.md", 12))).toBe(
      "slides/05-smaller-images.md:12:3 error unknown-option message",
    );
  });

  test("sort by file in natural order, then line", () => {
    const sorted = sortDiagnostics([at("s/10.md", 1), at("s/2.md", 9), at("s/2.md", 3)]);
    expect(sorted.map((d) => `${d.file}:${d.line}`)).toEqual(["s/2.md:3", "s/2.md:9", "s/10.md:1"]);
  });

  test("only errors count as errors", () => {
    expect(hasErrors([at("a", 1, "warning")])).toBe(false);
    expect(hasErrors([at("a", 1, "warning"), at("a", 2)])).toBe(true);
  });
});
