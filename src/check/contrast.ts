import { formatHex, wcagContrast } from "culori";

/** A decoded screenshot: RGBA bytes, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle in screenshot pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The colours text was drawn in and on, and their WCAG contrast ratio. */
export interface MeasuredContrast {
  ratio: number;
  foreground: string;
  background: string;
}

/** WCAG 2.x AA: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold). */
export function requiredContrast(fontSizePx: number, bold: boolean): number {
  return fontSizePx >= 24 || (bold && fontSizePx >= 18.66) ? 3 : 4.5;
}

/**
 * Measures text contrast on rendered pixels: the background is the most common colour inside the
 * text's boxes, the foreground the pixel that differs from it most (the core of the glyphs, where
 * anti-aliasing has not blended them with the background).
 */
export function measureContrast(
  pixels: Pixels,
  rects: readonly PixelRect[],
): MeasuredContrast | undefined {
  const counts = new Map<number, number>();
  const seen: number[] = [];
  for (const rect of rects) {
    const x0 = Math.max(0, Math.floor(rect.x));
    const y0 = Math.max(0, Math.floor(rect.y));
    const x1 = Math.min(pixels.width, Math.ceil(rect.x + rect.width));
    const y1 = Math.min(pixels.height, Math.ceil(rect.y + rect.height));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * pixels.width + x) * 4;
        const rgb =
          ((pixels.data[i] ?? 0) << 16) |
          ((pixels.data[i + 1] ?? 0) << 8) |
          (pixels.data[i + 2] ?? 0);
        const count = counts.get(rgb);
        if (count === undefined) seen.push(rgb);
        counts.set(rgb, (count ?? 0) + 1);
      }
    }
  }
  if (seen.length === 0) return undefined;
  let background = seen[0] as number;
  for (const rgb of seen)
    if ((counts.get(rgb) ?? 0) > (counts.get(background) ?? 0)) background = rgb;
  const backgroundHex = hex(background);
  let foregroundHex = backgroundHex;
  let ratio = 1;
  for (const rgb of seen) {
    const candidate = wcagContrast(hex(rgb), backgroundHex);
    if (candidate > ratio) {
      ratio = candidate;
      foregroundHex = hex(rgb);
    }
  }
  return { ratio, foreground: foregroundHex, background: backgroundHex };
}

function hex(rgb: number): string {
  return formatHex({
    mode: "rgb",
    r: (rgb >> 16) / 255,
    g: ((rgb >> 8) & 255) / 255,
    b: (rgb & 255) / 255,
  });
}
