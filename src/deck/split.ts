import { Lexer, type Token, type Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import type { Diagnostic, Result, SourceFile } from "./model.ts";
import { findTooDeepNesting, MAX_NESTING } from "./nesting.ts";
import { plainText } from "./plain-text.ts";
import { createLineIndex } from "./position.ts";

/** The source of one slide: its heading and everything after it up to the next slide. */
export interface SlideChunk {
  file: string;
  level: 1 | 2;
  /** The heading's text without Markdown. */
  title: string;
  /** Offset of the heading in the file. */
  offset: number;
  /** The slide's Markdown, from its heading to the next slide (exclusive). */
  text: string;
}

/**
 * Splits a file into slides at every top-level `#` and `##` heading. It works on marked's block
 * tokens, so headings inside fenced code, HTML blocks, lists or quotes never split.
 */
export function splitSlides(file: SourceFile): Result<SlideChunk[]> {
  const diagnostics: Diagnostic[] = [];
  const lines = createLineIndex(file.path, file.text);
  const refuse = (line: number, message: string): Result<SlideChunk[]> => ({
    value: [],
    diagnostics: [
      diagnosticAt(
        { file: file.path, line: line + 1, column: 1 },
        "error",
        "too-deeply-nested",
        message,
      ),
    ],
  });
  const deepLine = findTooDeepNesting(file.text);
  if (deepLine >= 0) {
    return refuse(
      deepLine,
      `block quotes or lists nested more than ${MAX_NESTING} levels deep; the file is not read`,
    );
  }
  let tokens: Token[];
  try {
    tokens = Lexer.lex(file.text, { gfm: true });
  } catch (error) {
    // marked recurses per nesting level; what the line check misses overflows the stack here.
    if (!(error instanceof RangeError)) throw error;
    return refuse(0, "the Markdown is nested too deeply to parse; the file is not read");
  }
  const chunks: SlideChunk[] = [];
  let offset = 0;
  let preambleEnd = -1;

  for (const token of tokens) {
    if (token.type === "code" && isUnclosedFence(token.raw)) {
      diagnostics.push(
        diagnosticAt(
          lines.positionAt(offset),
          "error",
          "unclosed-fence",
          "this code fence is never closed, so everything after it, headings too, is code; close it with the same fence",
        ),
      );
    }
    if (isSplittingHeading(token)) {
      const title = plainText(token.tokens).trim();
      if (title === "") {
        diagnostics.push(
          diagnosticAt(
            lines.positionAt(offset),
            "error",
            "empty-title",
            "a slide heading has no text",
          ),
        );
      }
      chunks.push({ file: file.path, level: token.depth, title, offset, text: "" });
    } else if (chunks.length === 0 && token.type !== "space") {
      preambleEnd = offset + token.raw.length;
    }
    offset += token.raw.length;
  }

  // Each slide runs to the next heading; slicing the text keeps the author's bytes exact.
  chunks.forEach((chunk, i) => {
    chunk.text = file.text.slice(chunk.offset, chunks[i + 1]?.offset ?? file.text.length);
  });

  if (file.text.trim() === "") {
    diagnostics.push(
      diagnosticAt(
        lines.positionAt(0),
        "warning",
        "empty-file",
        "the file is empty; it adds no slide",
      ),
    );
  } else if (chunks.length === 0) {
    diagnostics.push(
      diagnosticAt(
        lines.positionAt(firstNonSpace(file.text)),
        "error",
        "no-heading",
        "the file has no `#` or `##` heading, so its text belongs to no slide; start it with a heading",
      ),
    );
  } else if (preambleEnd >= 0) {
    diagnostics.push(
      diagnosticAt(
        lines.positionAt(firstNonSpace(file.text)),
        "error",
        "content-before-heading",
        "text before the file's first heading belongs to no slide; move it under a heading",
      ),
    );
  }
  return { value: chunks, diagnostics };
}

function isUnclosedFence(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!opening) return false;
  const lines = raw.replace(/\n+$/, "").split("\n");
  if (lines.length < 2) return true;
  const closing = new RegExp(`^ {0,3}${opening[0] === "`" ? "`" : "~"}{${opening.length},}\\s*$`);
  return !closing.test(lines.at(-1) ?? "");
}

function isSplittingHeading(token: Token): token is Tokens.Heading & { depth: 1 | 2 } {
  return token.type === "heading" && (token.depth === 1 || token.depth === 2);
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : 0;
}
