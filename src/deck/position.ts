import type { SourcePosition } from "./model.ts";

/** Maps character offsets in a text to 1-based line and column. */
export interface LineIndex {
  positionAt(offset: number): SourcePosition;
}

/** Indexes the line starts of `text`, which belongs to `file`. */
export function createLineIndex(file: string, text: string): LineIndex {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  return {
    positionAt(offset) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= offset) low = mid;
        else high = mid - 1;
      }
      return { file, line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
    },
  };
}
