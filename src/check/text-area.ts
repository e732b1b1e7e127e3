import type { TextRun } from "./slide-probe.ts";

/** A box in CSS pixels of the viewport. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The smallest box of whole CSS pixels around all of a slide's text, within the viewport, or
 * undefined when it shows no text: contrast is measured there and only there.
 */
export function textArea(
  texts: readonly Pick<TextRun, "rects">[],
  viewport: { width: number; height: number } | null,
): Area | undefined {
  if (!viewport) return undefined;
  let [left, top, right, bottom] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0, 0];
  for (const rect of texts.flatMap((text) => text.rects)) {
    left = Math.min(left, rect.x);
    top = Math.min(top, rect.y);
    right = Math.max(right, rect.x + rect.width);
    bottom = Math.max(bottom, rect.y + rect.height);
  }
  const x = Math.max(0, Math.floor(left));
  const y = Math.max(0, Math.floor(top));
  const width = Math.min(viewport.width, Math.ceil(right)) - x;
  const height = Math.min(viewport.height, Math.ceil(bottom)) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : undefined;
}
