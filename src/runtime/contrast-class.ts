/** reveal.js's class for a slide's own background colour, which the themes give their ink by. */
export type ContrastClass = "has-dark-background" | "has-light-background";

/**
 * The class reveal.js gives a slide whose background is `computed` (a colour as the browser
 * computes it, `rgb(…)` or `rgba(…)`): dark below a brightness of 128 of 255, weighing the
 * channels 299, 587 and 114, as reveal.js's getContrastClass does; none for a transparent one.
 */
export function contrastClass(computed: string): ContrastClass | undefined {
  const channels = computed
    .match(/^rgba?\(([^)]*)\)$/)?.[1]
    ?.split(/[\s,/]+/)
    .map(Number);
  if (!channels || channels.length < 3 || channels.some(Number.isNaN)) return undefined;
  const [r = 0, g = 0, b = 0, alpha = 1] = channels;
  if (alpha === 0) return undefined;
  return (r * 299 + g * 587 + b * 114) / 1000 < 128
    ? "has-dark-background"
    : "has-light-background";
}
