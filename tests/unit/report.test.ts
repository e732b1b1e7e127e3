import { describe, expect, test } from "vitest";
import { createReport, formatReport } from "../../src/check/report.ts";

const finding = (file: string, line: number, severity: "error" | "warning", code: string) => ({
  file,
  line,
  column: 1,
  severity,
  code,
  message: "m",
});

describe("the check report", () => {
  test("sorts findings, counts them, and prints a table per rule and a summary", () => {
    const report = createReport(
      [
        finding("s/10.md", 1, "warning", "missing-notes"),
        finding("s/2.md", 4, "error", "overflow"),
        finding("s/2.md", 1, "error", "overflow"),
      ],
      12,
      ["1280x720", "1920x1080"],
      true,
    );
    expect(report).toMatchObject({ errors: 2, warnings: 1, slides: 12 });
    expect(formatReport(report)).toBe(
      [
        "s/2.md:1:1 error overflow m",
        "s/2.md:4:1 error overflow m",
        "s/10.md:1:1 warning missing-notes m",
        "",
        "rule           errors  warnings",
        "missing-notes       0         1",
        "overflow            2         0",
        "",
        "12 slides checked, rendered at 1280x720 and 1920x1080: 2 errors, 1 warning",
      ].join("\n"),
    );
  });

  test("says when the deck was not rendered", () => {
    expect(formatReport(createReport([], 1, ["1280x720"], false))).toBe(
      "1 slide checked, not rendered: fix the errors above first: 0 errors, 0 warnings",
    );
  });
});
