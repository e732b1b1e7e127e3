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
  const rects = texts.flatMap((text) => text.rects);
  if (rects.length === 0 || !viewport) return undefined;
  const x = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.x))));
  const y = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.y))));
  const right = Math.min(viewport.width, Math.ceil(Math.max(...rects.map((r) => r.x + r.width))));
  const bottom = Math.min(
    viewport.height,
    Math.ceil(Math.max(...rects.map((r) => r.y + r.height))),
  );
  if (right <= x || bottom <= y) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}
