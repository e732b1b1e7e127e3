import { describe, expect, test } from "vitest";
import { parseCommand } from "../../src/export/command.ts";

describe("parseCommand", () => {
  test("reads the slides and handout options, with defaults", () => {
    expect(parseCommand(["slides", "--out", "a.pdf", "--fragments"])).toMatchObject({
      kind: "slides",
      out: "a.pdf",
      fragments: true,
      // No --dist: the export builds the slides first.
      distDir: undefined,
    });
    expect(parseCommand(["slides", "--dist", "built"])).toMatchObject({ distDir: "built" });
    expect(parseCommand(["handout", "--paper", "letter", "--per-page", "1"])).toMatchObject({
      kind: "handout",
      paper: "letter",
      perPage: 1,
    });
    expect(parseCommand(["handout"])).toMatchObject({ paper: "a4", perPage: 3, out: undefined });
  });

  test("rejects what it does not know, with the usage", () => {
    expect(() => parseCommand([])).toThrow(/slides or handout[\s\S]*Usage/);
    expect(() => parseCommand(["handout", "--paper", "a5"])).toThrow(
      /--paper must be a4 or letter/,
    );
    expect(() => parseCommand(["handout", "--per-page", "6"])).toThrow(
      /--per-page must be 1, 2 or 3/,
    );
    expect(() => parseCommand(["slides", "--colour"])).toThrow(/Unknown option/);
  });
});
