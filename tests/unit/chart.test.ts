import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { niceMax, parseChart, renderChart } from "../../src/deck/chart.ts";
import { ROOT } from "../helpers/deck-server.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/charts");
const at = { file: "s.md", line: 10, column: 1 };

describe("parseChart", () => {
  test("reads the settings and one bar per line, values or ranges", () => {
    const { value, diagnostics } = parseChart(
      "title: Memory\nunit: MB\n\nGo: 30-50\nRust: 5 to 10\nC: 3\n",
      at,
    );
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      title: "Memory",
      unit: "MB",
      max: undefined,
      bars: [
        { label: "Go", low: 30, high: 50 },
        { label: "Rust", low: 5, high: 10 },
        { label: "C", low: 3, high: 3 },
      ],
    });
  });

  test("reports bad lines at their own line", () => {
    const { diagnostics } = parseChart("Go: lots\nno colon here\nRust: 9-2\nmax: -1\n", at);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([
      [10, "invalid-chart"],
      [11, "invalid-chart"],
      [12, "invalid-chart"],
      [13, "invalid-chart"],
      [10, "invalid-chart"], // and so the chart has no bars
    ]);
  });

  test("reports a chart with no bars, or a value above max", () => {
    expect(parseChart("title: Empty\n", at).diagnostics[0]?.message).toContain("no `label: value`");
    expect(parseChart("max: 10\nGo: 30\n", at).diagnostics[0]?.message).toContain(
      "larger than `max`",
    );
  });
});

describe("renderChart", () => {
  test("matches the golden SVG", () => {
    const source = readFileSync(path.join(FIXTURES, "ranges.chart"), "utf8");
    const svg = renderChart(parseChart(source, at).value, "chart-golden");
    const golden = path.join(FIXTURES, "ranges.svg");
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${svg}\n`);
    expect(`${svg}\n`).toBe(readFileSync(golden, "utf8"));
  });

  test("is accessible: a title, a text description of every value, and printed values", () => {
    const spec = parseChart("title: Memory\nunit: MB\nGo: 30-50\nRust: 5-10\n", at).value;
    const svg = renderChart(spec, "c1");
    expect(svg).toContain('role="img" aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">Memory</title>');
    expect(svg).toContain('<desc id="c1-desc">Go: 30 to 50 MB. Rust: 5 to 10 MB.</desc>');
    expect(svg).toContain(">30–50 MB</text>");
    expect(svg).toContain(">5–10 MB</text>");
  });

  test("draws ranges from their low to their high end on a shared scale", () => {
    const svg = renderChart(parseChart("max: 100\nA: 50-100\nB: 0-25\n", at).value, "c2");
    const widths = Array.from(
      svg.matchAll(/<rect class="chart-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g),
      (m) => [Number(m[1]), Number(m[2])],
    );
    expect(widths).toEqual([
      [395, 395],
      [0, 197.5],
    ]);
  });

  test("escapes labels", () => {
    expect(renderChart(parseChart("<b>&: 1\n", at).value, "c3")).toContain("&lt;b&gt;&amp;");
  });
});

describe("niceMax", () => {
  test.each([
    [80, 100],
    [50, 50],
    [15, 20],
    [2.2, 2.5],
    [0, 1],
  ])("%s → %s", (value, max) => {
    expect(niceMax(value)).toBe(max);
  });
});
