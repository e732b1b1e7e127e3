import { PNG } from "pngjs";

/**
 * How many pixels of two same-sized PNG screenshots differ in colour (alpha ignored) by more than
 * `tolerance` levels (of 255) in some channel.
 */
export function differingPixels(a: Buffer, b: Buffer, tolerance = 0): number {
  const first = PNG.sync.read(a);
  const second = PNG.sync.read(b);
  if (first.width !== second.width || first.height !== second.height) {
    throw new Error(
      `screenshots differ in size: ${first.width}×${first.height}, ${second.width}×${second.height}`,
    );
  }
  let count = 0;
  for (let i = 0; i < first.data.length; i += 4) {
    let same = true;
    for (let channel = i; channel < i + 3; channel++) {
      if (Math.abs((first.data[channel] ?? 0) - (second.data[channel] ?? 0)) > tolerance) {
        same = false;
      }
    }
    if (!same) count++;
  }
  return count;
}

/** A stylesheet that hides reveal.js's controls, progress bar and slide number: the slide alone. */
export const SLIDE_ONLY_CSS =
  ".reveal .controls, .reveal .progress, .reveal .slide-number { display: none !important; }";
