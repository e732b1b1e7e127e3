import type { Diagnostic, Severity, SourcePosition } from "./model.ts";

/** Builds a diagnostic at a position. */
export function diagnosticAt(
  position: SourcePosition,
  severity: Severity,
  code: string,
  message: string,
): Diagnostic {
  return { ...position, severity, code, message };
}

/** Formats a diagnostic like a compiler: `slides/05-x.md:12:3 error unknown-option message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, code, message } = diagnostic;
  return `${file}:${line}:${column} ${severity} ${code} ${message}`;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, line and column, so output reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // One collator for the whole sort (`localeCompare` with options makes one per call).
  const files = new Intl.Collator("en", { numeric: true });
  return [...diagnostics].sort(
    (a, b) => files.compare(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}
