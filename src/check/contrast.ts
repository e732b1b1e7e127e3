import { converter, formatHex, parse } from "culori";

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
 * The share of the background under a text that may be darker or lighter than the contrast
 * reported: a photo has highlights and shadows, and text must read over nearly all of it.
 */
export const BACKGROUND_PERCENTILE = 0.1;

/**
 * Measures text contrast on rendered pixels, from two screenshots of the same slide: `shown`, and
 * `hidden` with its text made transparent. The background is what is under the text (`hidden`
 * inside the text's boxes), the foreground the pixel that the text changed most (the core of a
 * glyph, where anti-aliasing has not blended it with the background), or `fallback` (the text's
 * CSS colour) when the text changed nothing, being drawn in its background's colour. Over a
 * photo the background is many colours: the ratio is the one that 90% of them reach.
 */
export function measureContrast(
  shown: Pixels,
  hidden: Pixels,
  rects: readonly PixelRect[],
  fallback: string,
): MeasuredContrast | undefined {
  // The background colours under the text, each with its number of pixels: a slide's background
  // is a few colours, a photo's many, and either is ranked once per colour, not once per pixel.
  const under = new Map<number, number>();
  let pixels = 0;
  let foreground: number | undefined;
  let changedMost = 0;
  for (const rect of rects) {
    const x0 = Math.max(0, Math.floor(rect.x));
    const y0 = Math.max(0, Math.floor(rect.y));
    const x1 = Math.min(shown.width, hidden.width, Math.ceil(rect.x + rect.width));
    const y1 = Math.min(shown.height, hidden.height, Math.ceil(rect.y + rect.height));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const text = rgbAt(shown, x, y);
        const background = rgbAt(hidden, x, y);
        under.set(background, (under.get(background) ?? 0) + 1);
        pixels++;
        const change = distance(text, background);
        if (change > changedMost) {
          changedMost = change;
          foreground = text;
        }
      }
    }
  }
  if (pixels === 0) return undefined;
  const ink = foreground ?? cssColour(fallback);
  if (ink === undefined) return undefined;
  const inkLuminance = luminance(ink);
  const ranked = Array.from(under, ([rgb, count]) => ({
    rgb,
    count,
    ratio: ratio(inkLuminance, luminance(rgb)),
  })).sort((a, b) => a.ratio - b.ratio);
  let below = Math.floor((pixels - 1) * BACKGROUND_PERCENTILE);
  for (const colour of ranked) {
    if (below < colour.count) {
      return { ratio: colour.ratio, foreground: hex(ink), background: hex(colour.rgb) };
    }
    below -= colour.count;
  }
  return undefined;
}

function rgbAt(pixels: Pixels, x: number, y: number): number {
  const i = (y * pixels.width + x) * 4;
  return (
    ((pixels.data[i] ?? 0) << 16) | ((pixels.data[i + 1] ?? 0) << 8) | (pixels.data[i + 2] ?? 0)
  );
}

function distance(a: number, b: number): number {
  return (
    Math.abs((a >> 16) - (b >> 16)) +
    Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)) +
    Math.abs((a & 255) - (b & 255))
  );
}

const toLinear = converter("lrgb");
// WCAG's relative luminance, from each channel's linear value: one lookup per channel.
const LINEAR = Array.from(
  { length: 256 },
  (_, v) => toLinear({ mode: "rgb", r: v / 255, g: 0, b: 0 }).r,
);

function luminance(rgb: number): number {
  return (
    0.2126 * (LINEAR[rgb >> 16] ?? 0) +
    0.7152 * (LINEAR[(rgb >> 8) & 255] ?? 0) +
    0.0722 * (LINEAR[rgb & 255] ?? 0)
  );
}

function ratio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

function cssColour(text: string): number | undefined {
  const colour = parse(text);
  if (!colour) return undefined;
  const rgb = converter("rgb")(colour);
  const byte = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
  return (byte(rgb.r) << 16) | (byte(rgb.g) << 8) | byte(rgb.b);
}

function hex(rgb: number): string {
  return formatHex({
    mode: "rgb",
    r: (rgb >> 16) / 255,
    g: ((rgb >> 8) & 255) / 255,
    b: (rgb & 255) / 255,
  });
}
