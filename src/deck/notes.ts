import { diagnosticAt } from "./diagnostics.ts";
import { lexMarkdown } from "./marked-deck.ts";
import type { Diagnostic, Result } from "./model.ts";
import type { LineIndex } from "./position.ts";

/** A slide's source cut in two at its `Note:` line. */
export interface SlideParts {
  /** The visible part of the slide. */
  body: string;
  /** The speaker notes' Markdown; empty when there are none. */
  notes: string;
  /** Offset of `notes` within the slide's text. */
  notesOffset: number;
}

// The reveal.js markdown plugin's separator (`^\s*notes?:`, case-insensitive), so decks port over.
const NOTES_MARKER = "^[ \\t]*notes?:[ \\t]*";
// Where a marker is content, not a marker: code, quotes, lists and tables.
const NOT_MARKED = new Set(["code", "blockquote", "list", "table"]);

/**
 * Cuts a slide at its notes marker: a line `Note:` (or the deck's `notesSeparator`, a regular
 * expression) at the top level of the slide; one in code, quotes or lists stays content.
 * Everything after the marker is the notes.
 */
export function extractNotes(
  text: string,
  offset: number,
  lines: LineIndex,
  notesSeparator = "",
): Result<SlideParts> {
  const diagnostics: Diagnostic[] = [];
  const markers: { start: number; end: number }[] = [];
  const pattern = new RegExp(notesSeparator || NOTES_MARKER, "gim");
  let position = 0;
  for (const token of lexMarkdown(text)) {
    if (!NOT_MARKED.has(token.type)) {
      for (const match of token.raw.matchAll(pattern)) {
        if (match[0] === "") continue;
        markers.push({
          start: position + match.index,
          end: position + match.index + match[0].length,
        });
      }
    }
    position += token.raw.length;
  }
  const [first, ...extra] = markers;
  for (const marker of extra) {
    diagnostics.push(
      diagnosticAt(
        lines.positionAt(offset + marker.start),
        "warning",
        "duplicate-notes-marker",
        "this slide's notes have begun already; this marker is kept as text of the notes",
      ),
    );
  }
  if (!first) return { value: { body: text, notes: "", notesOffset: text.length }, diagnostics };
  return {
    value: {
      body: text.slice(0, first.start),
      notes: text.slice(first.end),
      notesOffset: first.end,
    },
    diagnostics,
  };
}
