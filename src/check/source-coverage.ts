import type { Token, Tokens } from "marked";
import { diagnosticAt } from "../deck/diagnostics.ts";
import { lexMarkdown } from "../deck/marked-deck.ts";
import type { Deck, Diagnostic, SourceFile, SourcePosition } from "../deck/model.ts";
import { htmlToText, plainText } from "../deck/plain-text.ts";
import { createLineIndex } from "../deck/position.ts";

/** One sentence of the text a talk was written from, and where it starts. */
export interface SourceSentence {
  text: string;
  position: SourcePosition;
}

/** A run of prose in the source: a paragraph, heading or list item, and its offset. */
interface Block {
  text: string;
  offset: number;
  /** The block as written, to find where each sentence starts in it. */
  raw: string;
}

// A sentence ends at . ! ? or …, after any closing quotes or brackets, before white space.
const SENTENCE_END = /[.!?…]+["'’”)\]]*(?=\s)/g;

/**
 * The sentences of a source text. Plain text is cut into paragraphs at blank lines; Markdown
 * into its paragraphs, headings, list items and table cells (code is not prose). A heading or a
 * line without final punctuation counts as one sentence.
 */
export function sourceSentences(file: SourceFile): SourceSentence[] {
  const lines = createLineIndex(file.path, file.text);
  const markdown = /\.(?:md|markdown)$/i.test(file.path);
  const sentences: SourceSentence[] = [];
  for (const block of markdown ? markdownBlocks(file.text) : textBlocks(file.text)) {
    let start = 0;
    const text = block.text.replace(/\s+/g, " ");
    const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
    for (const end of [...ends, text.length]) {
      const sentence = text.slice(start, end).trim();
      start = end;
      if (!/[\p{L}\p{N}]/u.test(sentence)) continue;
      const at = findStart(block.raw, sentence);
      sentences.push({ text: sentence, position: lines.positionAt(block.offset + at) });
    }
  }
  return sentences;
}

function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const match of text.matchAll(/[^\n]+(?:\n[ \t]*\S[^\n]*)*/g)) {
    if (match[0].trim() !== "") {
      blocks.push({ text: match[0], offset: match.index, raw: match[0] });
    }
  }
  return blocks;
}

function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let cursor = 0;
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      const found = text.indexOf(token.raw, cursor);
      const offset = found >= 0 ? found : cursor;
      if (token.type === "paragraph" || token.type === "heading" || token.type === "text") {
        blocks.push({
          text: plainText((token as Tokens.Paragraph).tokens),
          offset,
          raw: token.raw,
        });
        if (found >= 0) cursor = found + token.raw.length;
      } else if (token.type === "list") {
        for (const item of (token as Tokens.List).items) visit(item.tokens);
      } else if (token.type === "blockquote") {
        visit((token as Tokens.Blockquote).tokens);
      } else if (token.type === "table") {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) {
          blocks.push({ text: plainText(cell.tokens), offset, raw: token.raw });
        }
      }
    }
  };
  visit(lexMarkdown(text));
  return blocks;
}

// Where the sentence's first words are in the block as written (Markdown may interrupt them).
function findStart(raw: string, sentence: string): number {
  const words = sentence.split(" ").slice(0, 3).join(" ");
  const exact = raw.replace(/\s/g, " ").indexOf(words);
  if (exact >= 0) return exact;
  const first = raw.indexOf(sentence.split(" ")[0] ?? "");
  return Math.max(0, first);
}

/** Text compared as a reader would: curly and straight quotes alike, any run of space one space. */
export function normalizeProse(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\u00ad/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Everything the deck says: every slide's title and text, and its speaker notes. */
export function deckProse(deck: Deck): string {
  return normalizeProse(
    deck.slides
      .map((slide) => `${slide.title}\n${htmlToText(slide.html)}\n${htmlToText(slide.notesHtml)}`)
      .join("\n"),
  );
}

/**
 * The deck doctor's `lost-sentence` rule: each sentence of the source text that is on no slide
 * and in no notes, word for word, reported where the source has it.
 */
export function checkSourceCoverage(deck: Deck, source: SourceFile): Diagnostic[] {
  const prose = deckProse(deck);
  return sourceSentences(source)
    .filter((sentence) => !prose.includes(normalizeProse(sentence.text)))
    .map((sentence) =>
      diagnosticAt(
        sentence.position,
        "warning",
        "lost-sentence",
        `"${sentence.text}" is on no slide and in no notes`,
      ),
    );
}
