/** How deep block quotes and lists may nest before a file is refused. */
export const MAX_NESTING = 100;

/** Leading columns of indentation that count as that many levels of list nesting (2 each). */
const MAX_INDENT = MAX_NESTING * 2;

/**
 * Finds the first line nested deeper than `MAX_NESTING` (block quotes, or list indentation),
 * outside fenced code. marked's parsing time grows steeply with list depth and its recursion
 * overflows the stack on deep quotes, so such input is refused before it is parsed.
 * Returns the 0-based line index, or -1.
 */
export function findTooDeepNesting(text: string): number {
  const lines = text.split("\n");
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    const quotes = /^[\s>]*/.exec(line)?.[0].split(">").length ?? 1;
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, "    ").length ?? 0;
    if (quotes - 1 > MAX_NESTING || indent > MAX_INDENT) return index;
  }
  return -1;
}
