import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { CheckReport } from "../../src/check/report.ts";
import { runCheck } from "../../src/check/run-check.ts";
import { fixtureDeck, ROOT } from "../helpers/deck-server.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/check");
// Each fixture deck is checked once: the tests that look at one report in two ways share it.
const reports = new Map<string, Promise<CheckReport>>();
const check = (slidesDir: string) => {
  const report =
    reports.get(slidesDir) ??
    runCheck({
      root: ROOT,
      slidesDir,
      themesDir: path.join(ROOT, "themes"),
      progress: () => undefined,
    });
  reports.set(slidesDir, report);
  return report;
};

interface Expected {
  file: string;
  line: number;
  severity: string;
  code: string;
}

const summarize = (report: CheckReport): Expected[] =>
  report.findings.map((f) => ({
    file: path.basename(f.file),
    line: f.line,
    severity: f.severity,
    code: f.code,
  }));

describe("npm run check on decks with one known fault each", () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(`${name}: reports exactly its fault, with file and line`, async () => {
      const expected = JSON.parse(
        readFileSync(path.join(FIXTURES, name, "expected.json"), "utf8"),
      ) as Expected[];
      const report = await check(path.join(FIXTURES, name));
      expect(summarize(report)).toEqual(expected);
      expect(report.errors).toBe(expected.filter((e) => e.severity === "error").length);
    });
  }

  test("names what overflows and by how much, and what contrast it measured", async () => {
    const overflow = await check(path.join(FIXTURES, "overflow"));
    expect(overflow.findings[0]?.message).toMatch(
      /overflows at 1280x720: \d+px too tall, at <(ul|li)>/,
    );
    const contrast = await check(path.join(FIXTURES, "contrast"));
    expect(contrast.findings[0]?.message).toMatch(
      /<p> "Hard to read from the back\." has contrast 1\.\d+:1 \(#c4c4c4 on #fbfaf7\); WCAG AA needs 3:1/,
    );
  });
});

describe("npm run check on a deck with one of everything", () => {
  const deck = fixtureDeck("engine");
  for (const theme of ["dark", "high-contrast"]) {
    test(`measures every text's contrast in the ${theme} theme and finds none too low`, async () => {
      const report = await runCheck({
        root: ROOT,
        slidesDir: deck,
        themesDir: path.join(ROOT, "themes"),
        theme,
        progress: () => undefined,
      });
      expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    });
  }

  test("finds nothing wrong with it in the default theme", async () => {
    const report = await check(deck);
    expect(report.rendered).toBe(true);
    expect(report.slides).toBe(10);
    expect(report.findings).toEqual([]);
  });
});

describe("the check command line", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["src/cli/run.mjs", "check", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 90_000,
    });

  test("exits 1 with a compiler-style report and a summary table when there are errors", () => {
    const result = run(["--slides", path.join(FIXTURES, "broken-link")]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /broken-link\/02-links\.md:3:5 error broken-link no slide has the id `summary`/,
    );
    expect(result.stdout).toMatch(/rule\s+errors\s+warnings\nbroken-link\s+1\s+0/);
    expect(result.stdout).toContain(
      "2 slides checked, not rendered: fix the errors above first: 1 error, 0 warnings",
    );
  });

  test("writes the same findings as JSON with --json, and exits 0 on a clean deck", () => {
    const result = run(["--json", "--slides", path.join(FIXTURES, "clean")]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report).toMatchObject({
      slides: 2,
      errors: 0,
      warnings: 0,
      rendered: true,
      findings: [],
    });
    expect(report.viewports).toEqual(["1280x720", "1920x1080"]);
  });
});
