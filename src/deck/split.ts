import type { Token, Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { isUnclosedFence } from "./fences.ts";
import type { Diagnostic, Result, SlideChunk, SourceFile } from "./model.ts";
import { lexWithinNesting } from "./nesting.ts";
import { plainText } from "./plain-text.ts";
import { createLineIndex } from "./position.ts";

/**
 * Splits a file into slides at every top-level `#` and `##` heading. It works on marked's block
 * tokens, so headings inside fenced code, HTML blocks, lists or quotes never split.
 */
export function splitSlides(file: SourceFile): Result<SlideChunk[]> {
  const diagnostics: Diagnostic[] = [];
  const lines = createLineIndex(file.path, file.text);
  const lexed = lexWithinNesting(file);
  if (!lexed.value) return { value: [], diagnostics: lexed.diagnostics };
  const tokens = lexed.value;
  const chunks: SlideChunk[] = [];
  let offset = 0;
  let preambleEnd = -1;

  let ruleAt = -1;
  let hinted = false;
  for (const token of tokens) {
    // A rule right before a heading is how reveal.js and reveal-md decks cut slides.
    if (isSplittingHeading(token) && ruleAt >= 0 && !hinted) {
      hinted = true;
      diagnostics.push(
        diagnosticAt(
          lines.positionAt(ruleAt),
          "warning",
          "rule-before-heading",
          "this `---` rule shows on the slide before the heading: if the deck was written for reveal.js or reveal-md, which cut slides there, set `separator` in deck.yaml (README: Coming from reveal.js or reveal-md)",
        ),
      );
    }
    if (token.type === "hr") ruleAt = offset;
    else if (token.type !== "space") ruleAt = -1;
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
      chunks.push({
        file: file.path,
        level: token.depth,
        title,
        offset,
        at: offset,
        text: "",
        below: false,
      });
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
    diagnostics.push(emptyFileWarning(file.path));
  } else if (chunks.length === 0) {
    diagnostics.push(
      diagnosticAt(
        lines.positionAt(firstNonSpace(file.text)),
        "error",
        "no-heading",
        `the file has no \`#\` or \`##\` heading, so its text belongs to no slide; start it with a heading${separatorHint(file.text)}`,
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

function isSplittingHeading(token: Token): token is Tokens.Heading & { depth: 1 | 2 } {
  return token.type === "heading" && (token.depth === 1 || token.depth === 2);
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : 0;
}

// A file cut with `---` lines is a reveal.js or reveal-md deck: say how to read it as one.
function separatorHint(text: string): string {
  return /^(?:---|----|--)\s*$/m.test(text)
    ? ", or, for a reveal.js or reveal-md deck cut with `---` lines, set `separator` in deck.yaml (README: Coming from reveal.js or reveal-md)"
    : "";
}

/** The warning for a file that adds no slide because it has nothing in it. */
export function emptyFileWarning(path: string): Diagnostic {
  return diagnosticAt(
    { file: path, line: 1, column: 1 },
    "warning",
    "empty-file",
    "the file is empty; it adds no slide",
  );
}
