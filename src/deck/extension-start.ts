/**
 * Where a block extension's token may start in `src`, for marked to end a paragraph there.
 * Marked asks with all the text that is left, once a paragraph: searching all of it would make
 * lexing quadratic, so only the current paragraph (up to its blank line) is searched, the only
 * part a token there could interrupt.
 */
export function blockStart(src: string, pattern: RegExp): number | undefined {
  const blank = src.indexOf("\n\n");
  const paragraph = blank < 0 ? src : src.slice(0, blank + 1);
  return pattern.exec(paragraph)?.index;
}

/** How far marked's inline text runs before an inline extension is asked again. */
const INLINE_WINDOW = 2000;

/**
 * Where an inline extension's token may start in `src`: the first `marker` within a window. Past
 * the window, the window's end is given, which only cuts the text there, so that marked's asking
 * again and again (once for every inline token) stays linear on long paragraphs.
 */
export function inlineStart(src: string, marker: string): number | undefined {
  const index = src.slice(0, INLINE_WINDOW).indexOf(marker);
  if (index >= 0) return index;
  return src.length > INLINE_WINDOW ? INLINE_WINDOW : undefined;
}
