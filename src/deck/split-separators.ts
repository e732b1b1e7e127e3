import type { Token, Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { isUnclosedFence } from "./fences.ts";
import type { Diagnostic, Result, SlideChunk, SourceFile } from "./model.ts";
import { lexWithinNesting } from "./nesting.ts";
import { plainText } from "./plain-text.ts";
import { createLineIndex } from "./position.ts";
import { emptyFileWarning } from "./split.ts";

/** reveal.js's separators: regular expressions, as `data-separator` and `data-separator-vertical`. */
export interface Separators {
  separator: string;
  /** Empty: no vertical slides. */
  verticalSeparator: string;
}

/** The longest title taken from a slide's first words, when it has no heading. */
const TITLE_LENGTH = 60;

/**
 * Cuts a file into slides where reveal.js's markdown plugin cuts it: at every match of the
 * separator in the text (from `from`, after any front matter), and into vertical stacks at the
 * vertical separator, by the plugin's own rules, so that a deck written for reveal.js or reveal-md
 * has the same slides here. Headings do not cut; a slide's title is its first heading of any
 * level, or else its first words.
 */
export function splitAtSeparators(
  file: SourceFile,
  from: number,
  separators: Separators,
): Result<SlideChunk[]> {
  const diagnostics: Diagnostic[] = [];
  const lines = createLineIndex(file.path, file.text);
  const nesting = lexWithinNesting(file);
  if (!nesting.value) return { value: [], diagnostics: nesting.diagnostics };
  const pieces = cutPieces(file.text, from, separators);
  if (file.text.slice(from).trim() === "") {
    return { value: [], diagnostics: [emptyFileWarning(file.path)] };
  }
  const chunks = pieces.map(({ start, end, below }): SlideChunk => {
    const text = file.text.slice(start, end);
    const tokens = lexWithinNesting(file, text).value ?? [];
    for (const token of tokens) {
      if (token.type === "code" && isUnclosedFence(token.raw)) {
        diagnostics.push(
          diagnosticAt(
            lines.positionAt(start + text.indexOf(token.raw)),
            "error",
            "unclosed-fence",
            "this code fence is never closed, so the rest of the slide is code; close it with the same fence",
          ),
        );
      }
    }
    const heading = tokens.find((t): t is Tokens.Heading => t.type === "heading");
    const firstText = start + Math.max(0, text.search(/\S/));
    if (text.trim() === "") {
      diagnostics.push(
        diagnosticAt(
          lines.positionAt(start),
          "warning",
          "empty-slide",
          "this slide is empty: two separators follow each other (reveal.js shows an empty slide too)",
        ),
      );
    }
    return {
      file: file.path,
      level: heading?.depth === 1 ? 1 : 2,
      title: heading ? plainText(heading.tokens).trim() : firstWords(tokens),
      offset: start,
      at: heading ? start + text.indexOf(heading.raw) : firstText,
      text,
      below,
    };
  });
  return { value: chunks, diagnostics };
}

interface Piece {
  start: number;
  end: number;
  below: boolean;
}

// reveal.js's slidify(): the matches of either separator cut the text. A piece belongs to a
// vertical stack unless both separators around it are horizontal; it starts the stack when the
// one before it is horizontal and the one after it vertical. The end of the text counts as a
// horizontal separator (https://github.com/hakimel/reveal.js/blob/master/plugin/markdown/plugin.js).
function cutPieces(text: string, from: number, separators: Separators): Piece[] {
  const vertical = separators.verticalSeparator;
  const any = new RegExp(`${separators.separator}${vertical ? `|${vertical}` : ""}`, "mg");
  const horizontal = new RegExp(separators.separator);
  const pieces: Piece[] = [];
  let start = from;
  let before = true;
  const cut = (end: number, after: boolean) => {
    const inStack = !(before && after);
    const startsStack = before && !after;
    pieces.push({ start, end, below: inStack && !startsStack });
    before = after;
  };
  any.lastIndex = from;
  for (let match = any.exec(text); match; match = any.exec(text)) {
    if (match[0] === "") {
      // A pattern that matches nothing would cut forever; it cuts nothing here.
      any.lastIndex++;
      continue;
    }
    cut(match.index, horizontal.test(match[0]));
    start = any.lastIndex;
  }
  cut(text.length, true);
  return pieces;
}

// A title for a slide without a heading: its first words, for the outline and the bookmarks.
function firstWords(tokens: readonly Token[]): string {
  for (const token of tokens) {
    const text = tokenText(token).replace(/\s+/g, " ").trim();
    if (text === "") continue;
    if (text.length <= TITLE_LENGTH) return text;
    const cut = text.slice(0, TITLE_LENGTH);
    return `${cut.slice(0, cut.lastIndexOf(" ") > 20 ? cut.lastIndexOf(" ") : TITLE_LENGTH)}…`;
  }
  return "";
}

function tokenText(token: Token): string {
  if (token.type === "paragraph" || token.type === "text") {
    return plainText((token as Tokens.Paragraph).tokens);
  }
  if (token.type === "list") return tokenText((token as Tokens.List).items[0] ?? token);
  if (token.type === "list_item" || token.type === "blockquote") {
    return ((token as Tokens.ListItem).tokens ?? []).map(tokenText).join(" ");
  }
  if (token.type === "html") return (token as Tokens.HTML).text.replace(/<[^>]*>/g, " ");
  // A slide of code alone is known by its first line.
  if (token.type === "code") return ((token as Tokens.Code).text.split("\n")[0] ?? "").trim();
  return "";
}
