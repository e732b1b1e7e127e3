import type { Token } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { lexMarkdown } from "./marked-deck.ts";
import type { Result, SourceFile } from "./model.ts";

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

/**
 * marked's tokens for a file's text, or the diagnostic that refuses it: nested deeper than
 * `MAX_NESTING`, or so deep that marked's recursion overflows the stack.
 */
export function lexWithinNesting(file: SourceFile, text = file.text): Result<Token[] | undefined> {
  const refuse = (line: number, message: string): Result<undefined> => ({
    value: undefined,
    diagnostics: [
      diagnosticAt({ file: file.path, line, column: 1 }, "error", "too-deeply-nested", message),
    ],
  });
  const deepLine = findTooDeepNesting(text);
  if (deepLine >= 0) {
    return refuse(
      deepLine + 1,
      `block quotes or lists nested more than ${MAX_NESTING} levels deep; the file is not read`,
    );
  }
  try {
    return { value: lexMarkdown(text), diagnostics: [] };
  } catch (error) {
    // marked recurses per nesting level; what the line check misses overflows the stack here.
    if (!(error instanceof RangeError)) throw error;
    return refuse(1, "the Markdown is nested too deeply to parse; the file is not read");
  }
}
