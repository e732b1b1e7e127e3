import { formatDiagnostic, sortDiagnostics } from "../deck/diagnostics.ts";
import type { Diagnostic } from "../deck/model.ts";

/** What `npm run check` found, as `--json` writes it. */
export interface CheckReport {
  slides: number;
  /** The viewports every slide was rendered at, e.g. `1280x720`. */
  viewports: string[];
  /** False when errors kept the deck from being built and rendered. */
  rendered: boolean;
  errors: number;
  warnings: number;
  findings: Diagnostic[];
}

/** Builds the report from the findings, sorted by file and line. */
export function createReport(
  findings: readonly Diagnostic[],
  slides: number,
  viewports: string[],
  rendered: boolean,
): CheckReport {
  const sorted = sortDiagnostics(findings);
  return {
    slides,
    viewports,
    rendered,
    errors: sorted.filter((f) => f.severity === "error").length,
    warnings: sorted.filter((f) => f.severity === "warning").length,
    findings: sorted,
  };
}

/** The report as a compiler prints it: one line a finding, then a table of counts per rule. */
export function formatReport(report: CheckReport): string {
  const lines = report.findings.map(formatDiagnostic);
  const rules = new Map<string, { errors: number; warnings: number }>();
  for (const finding of report.findings) {
    const counts = rules.get(finding.code) ?? { errors: 0, warnings: 0 };
    if (finding.severity === "error") counts.errors++;
    else counts.warnings++;
    rules.set(finding.code, counts);
  }
  if (lines.length > 0) lines.push("");
  if (rules.size > 0) {
    const width = Math.max(4, ...[...rules.keys()].map((rule) => rule.length));
    lines.push(`${"rule".padEnd(width)}  errors  warnings`);
    for (const [rule, counts] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(
        `${rule.padEnd(width)}  ${String(counts.errors).padStart(6)}  ${String(counts.warnings).padStart(8)}`,
      );
    }
    lines.push("");
  }
  const where = report.rendered
    ? `rendered at ${report.viewports.join(" and ")}`
    : "not rendered: fix the errors above first";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    `${plural(report.slides, "slide")} checked, ${where}: ${plural(report.errors, "error")}, ${plural(report.warnings, "warning")}`,
  );
  return lines.join("\n");
}
