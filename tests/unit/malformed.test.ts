import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { hasErrors } from "../../src/deck/diagnostics.ts";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { ROOT } from "../helpers/deck-server.ts";

/**
 * The malformed-input corpus: each folder in tests/fixtures/malformed holds a `slides/` folder
 * (or none, on purpose) and `expected.json`: whether the build must fail, and every diagnostic it
 * must produce, with file, line, column, severity and code. Nothing more, nothing less.
 */
const CORPUS = path.join(ROOT, "tests/fixtures/malformed");

interface Expected {
  build: "pass" | "fail";
  diagnostics: { file: string; line: number; column: number; severity: string; code: string }[];
}

describe("malformed decks", () => {
  const cases = readdirSync(CORPUS).sort();

  test("the corpus has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    test(`${name}: the exact diagnostics and build outcome`, async () => {
      const dir = path.join(CORPUS, name);
      const expected = JSON.parse(
        readFileSync(path.join(dir, "expected.json"), "utf8"),
      ) as Expected;
      const { diagnostics } = await loadDeck({
        slidesDir: path.join(dir, "slides"),
        themesDir: path.join(ROOT, "themes"),
      });
      expect(
        diagnostics.map((d) => ({
          file: path.relative(dir, path.resolve(d.file)),
          line: d.line,
          column: d.column,
          severity: d.severity,
          code: d.code,
        })),
      ).toEqual(expected.diagnostics);
      expect(hasErrors(diagnostics) ? "fail" : "pass").toBe(expected.build);
    });
  }
});
