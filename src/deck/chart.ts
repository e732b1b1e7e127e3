import { diagnosticAt } from "./diagnostics.ts";
import { escapeHtml } from "./escape-html.ts";
import type { Diagnostic, Result, SourcePosition } from "./model.ts";

/** One bar of a chart: a value, or a range drawn from its low to its high end. */
export interface ChartBar {
  label: string;
  low: number;
  high: number;
}

/** A bar chart as written in a ```chart fence. */
export interface ChartSpec {
  title: string;
  /** The unit printed after values and under the axis, e.g. `MB`. */
  unit: string;
  /** The axis maximum; default: a round number above the largest value. */
  max: number | undefined;
  bars: ChartBar[];
}

const SETTINGS = new Set(["title", "unit", "max"]);
const VALUE = /^(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?$/;

/**
 * Reads a chart fence: `title:`, `unit:` and `max:` lines, then one `label: value` line per bar,
 * where the value is a number or a range (`30-80`, `30–80`). `first` is where its first line is.
 */
export function parseChart(source: string, first: SourcePosition): Result<ChartSpec> {
  const diagnostics: Diagnostic[] = [];
  const spec: ChartSpec = { title: "", unit: "", max: undefined, bars: [] };
  source.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const at = { ...first, line: first.line + index, column: raw.indexOf(line) + 1 };
    const colon = line.lastIndexOf(":");
    if (colon <= 0) {
      diagnostics.push(
        diagnosticAt(at, "error", "invalid-chart", `\`${line}\` is not \`label: value\``),
      );
      return;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (SETTINGS.has(key.toLowerCase())) {
      const name = key.toLowerCase();
      if (name === "max") {
        const max = Number(value);
        if (!(max > 0))
          diagnostics.push(
            diagnosticAt(at, "error", "invalid-chart", "`max` must be a positive number"),
          );
        else spec.max = max;
      } else if (name === "title") spec.title = value;
      else spec.unit = value;
      return;
    }
    const match = VALUE.exec(value);
    if (!match) {
      diagnostics.push(
        diagnosticAt(
          at,
          "error",
          "invalid-chart",
          `\`${value}\` is not a number or a range such as \`30-80\``,
        ),
      );
      return;
    }
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (high < low) {
      diagnostics.push(
        diagnosticAt(at, "error", "invalid-chart", `the range \`${value}\` runs backwards`),
      );
      return;
    }
    spec.bars.push({ label: key, low, high });
  });
  if (spec.bars.length === 0) {
    diagnostics.push(
      diagnosticAt(first, "error", "invalid-chart", "the chart has no `label: value` lines"),
    );
  }
  if (spec.max !== undefined && spec.bars.some((bar) => bar.high > (spec.max ?? 0))) {
    diagnostics.push(diagnosticAt(first, "error", "invalid-chart", "a value is larger than `max`"));
  }
  return { value: spec, diagnostics };
}

// Labels sit above their bars, so long labels never collide with the axis or get cut off.
const WIDTH = 960;
const PLOT_LEFT = 0;
const PLOT_RIGHT = WIDTH - 170;
const TOP = 60;
const LABEL = 30;
const BAR = 40;
const ROW = LABEL + BAR + 26;

/** A round axis maximum above `value`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return (
    [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? value
  );
}

/**
 * Draws the chart as an accessible inline SVG: horizontal bars (ranges span low to high), every
 * value printed, an axis with its unit, and a title and text description for screen readers.
 * Colours come from the theme's CSS variables (themes/_base.css styles `.deck-chart`).
 */
export function renderChart(spec: ChartSpec, id: string): string {
  const max = spec.max ?? niceMax(Math.max(...spec.bars.map((bar) => bar.high)));
  const height = TOP + spec.bars.length * ROW + 44;
  const x = (value: number) => PLOT_LEFT + ((PLOT_RIGHT - PLOT_LEFT) * value) / max;
  const unit = spec.unit ? ` ${spec.unit}` : "";
  const show = (bar: ChartBar) => (bar.low === bar.high ? `${bar.low}` : `${bar.low}–${bar.high}`);
  const ticks = Array.from({ length: 5 }, (_, i) => (max * i) / 4);
  const axisY = TOP + spec.bars.length * ROW;
  const description = spec.bars
    .map(
      (bar) =>
        `${bar.label}: ${bar.low === bar.high ? bar.low : `${bar.low} to ${bar.high}`}${unit}.`,
    )
    .join(" ");
  const parts = [
    `<svg class="deck-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(spec.title || "Chart")}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    spec.title ? `<text class="chart-title" x="0" y="30">${escapeHtml(spec.title)}</text>` : "",
    ...ticks.map(
      (tick) =>
        `<line class="chart-grid" x1="${x(tick)}" y1="${TOP + LABEL - 4}" x2="${x(tick)}" y2="${axisY}"/><text class="chart-tick" x="${x(tick)}" y="${axisY + 30}" text-anchor="${tick === 0 ? "start" : "middle"}">${formatNumber(tick)}</text>`,
    ),
    ...spec.bars.map((bar, index) => {
      const y = TOP + index * ROW;
      const left = x(bar.low === bar.high ? 0 : bar.low);
      const width = Math.max(4, x(bar.high) - left);
      const barY = y + LABEL;
      return [
        `<text class="chart-label" x="${PLOT_LEFT}" y="${y + LABEL - 8}">${escapeHtml(bar.label)}</text>`,
        `<rect class="chart-bar" x="${left}" y="${barY}" width="${width}" height="${BAR}" rx="6"/>`,
        `<text class="chart-value" x="${left + width + 12}" y="${barY + BAR / 2 + 10}">${escapeHtml(show(bar) + unit)}</text>`,
      ].join("");
    }),
    spec.unit
      ? `<text class="chart-unit" x="${PLOT_RIGHT}" y="${axisY + 30}" text-anchor="start" dx="40">${escapeHtml(spec.unit)}</text>`
      : "",
    "</svg>",
  ];
  return parts.filter(Boolean).join("\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
