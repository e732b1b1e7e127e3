import { formatDiagnostic } from "../deck/diagnostics.ts";
import type { Diagnostic } from "../deck/model.ts";

const OVERLAY_TAG = "vite-error-overlay";

/**
 * Shows the deck's errors in Vite's error overlay (dev server only), the same overlay Vite uses
 * for its own errors; `clearDiagnostics` removes it once the files are fixed.
 */
export function showDiagnostics(diagnostics: readonly Diagnostic[]): void {
  clearDiagnostics();
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0];
  if (!first) return;
  const Overlay = customElements.get(OVERLAY_TAG);
  const message = `The deck has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join("\n")}`;
  if (Overlay) {
    const error = {
      message,
      stack: "",
      id: first.file,
      frame: "",
      plugin: "deck",
      loc: { file: first.file, line: first.line, column: first.column },
    };
    document.body.appendChild(new Overlay(error));
  } else {
    const fallback = document.createElement("pre");
    fallback.className = OVERLAY_TAG;
    fallback.textContent = message;
    document.body.appendChild(fallback);
  }
}

/** Removes the overlay shown by `showDiagnostics`. */
export function clearDiagnostics(): void {
  for (const element of document.querySelectorAll(OVERLAY_TAG)) element.remove();
  for (const element of document.querySelectorAll(`pre.${OVERLAY_TAG}`)) element.remove();
}
