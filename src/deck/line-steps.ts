/**
 * Reads a fence's line steps, `{1|3-4|6}`: each step (separated by `|`) lists lines and ranges
 * (separated by `,`) to highlight together; the code walks through the steps as fragments. With
 * `allowEmpty` (reveal.js's `[|3-4]`), an empty step highlights no line: all are shown alike.
 * Returns the steps, or an error message naming what is wrong.
 */
export function parseLineSteps(
  spec: string,
  lineCount: number,
  { allowEmpty = false } = {},
): number[][] | string {
  const steps: number[][] = [];
  for (const step of spec.split("|")) {
    const lines: number[] = [];
    if (allowEmpty && step.trim() === "") {
      steps.push(lines);
      continue;
    }
    for (const part of step.split(",")) {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!match) return `\`${part.trim() || step}\` is not a line number or a range such as 3-4`;
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (from < 1 || to < from) return `\`${part.trim()}\` is not a range of lines from 1 up`;
      if (to > lineCount) return `line ${to} is past the end of the code (${lineCount} lines)`;
      for (let line = from; line <= to; line++) lines.push(line);
    }
    steps.push(lines);
  }
  return steps;
}

/**
 * Splits highlight.js HTML into lines, closing the spans still open at each line's end and
 * reopening them on the next line, so every line is well-formed HTML on its own.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  for (const line of html.split("\n")) {
    let rendered = open.join("");
    for (const tag of line.matchAll(/<span[^>]*>|<\/span>/g)) {
      if (tag[0] === "</span>") open.pop();
      else open.push(tag[0]);
    }
    rendered += line + "</span>".repeat(open.length);
    lines.push(rendered);
  }
  return lines;
}
