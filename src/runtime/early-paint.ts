/**
 * The class the page's own head script gives `<html>` when it has shown the pre-rendered first
 * slide before reveal.js started (see src/vite/early-paint.ts).
 */
export const EARLY_PAINT_CLASS = "deck-early-paint";

/** Hands the first slide over to reveal.js, once it has laid it out. */
export function endEarlyPaint(root: HTMLElement = document.documentElement): void {
  root.classList.remove(EARLY_PAINT_CLASS);
}

/** Whether the page's head script has shown the first slide already. */
export function isEarlyPainted(root: HTMLElement = document.documentElement): boolean {
  return root.classList.contains(EARLY_PAINT_CLASS);
}
