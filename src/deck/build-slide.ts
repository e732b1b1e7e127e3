import { assetPlaceholder } from "./asset-placeholder.ts";
import { diagnosticAt } from "./diagnostics.ts";
import { isLocalPath } from "./local-path.ts";
import { type References, renderMarkdown } from "./markdown.ts";
import type {
  DeckSettings,
  Diagnostic,
  Result,
  Slide,
  SlideChunk,
  SourcePosition,
} from "./model.ts";
import { extractNotes } from "./notes.ts";
import { parseSlideOptions } from "./options.ts";
import type { LineIndex } from "./position.ts";
import { URL_ATTRIBUTES } from "./safe-attributes.ts";

// Attributes that show a whole page in a frame: a page with files of its own is not one asset.
const FRAMES = new Set(["data-background-iframe", "data-preview-link"]);

/** A slide as one chunk makes it, before the deck gives it its id, layout and time. */
export type BuiltSlide = Omit<Slide, "id" | "layout" | "estimatedSeconds" | "seconds" | "pacedBy">;

/**
 * The steps every slide goes through, however it was cut: notes, options, then its Markdown and
 * its notes' Markdown rendered; local files it uses are added to `references`.
 */
export function buildSlide(
  chunk: SlideChunk,
  lines: LineIndex,
  references: References,
  settings: Pick<DeckSettings, "notesSeparator" | "incremental">,
): Result<BuiltSlide> {
  const diagnostics: Diagnostic[] = [];
  const parts = extractNotes(chunk.text, chunk.offset, lines, settings.notesSeparator);
  const parsed = parseSlideOptions(parts.value.body, chunk.offset, lines);
  const { options } = parsed.value;
  const background = {
    size: options.attributes?.["data-background-size"] ?? "cover",
    position: options.attributes?.["data-background-position"] ?? "center",
  };
  const asset = (ref: string, position: SourcePosition) => {
    references.assets.push({ ref, position, background });
    return assetPlaceholder(references.assets.length - 1);
  };
  if (options.backgroundImage && isLocalPath(options.backgroundImage)) {
    const position = parsed.value.positions.backgroundImage ?? lines.positionAt(chunk.at);
    options.backgroundImage = asset(options.backgroundImage, position);
  }
  // reveal.js's background videos and frames from the slides folder are bundled too.
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (!URL_ATTRIBUTES.has(name) || !isLocalPath(value) || !options.attributes) continue;
    const position = parsed.value.attributePositions[name] ?? lines.positionAt(chunk.at);
    if (FRAMES.has(name)) {
      diagnostics.push(
        diagnosticAt(
          position,
          "warning",
          "frame-not-bundled",
          `the page ${value} shown in a frame is not bundled (it has files of its own): copy it next to the built deck, or the frame stays empty`,
        ),
      );
      continue;
    }
    options.attributes[name] = asset(value, position);
  }
  const body = renderMarkdown(parsed.value.body, chunk.offset, lines, references, {
    incremental: options.incremental ?? settings.incremental,
  });
  const notesOffset = chunk.offset + parts.value.notesOffset;
  const notes = renderMarkdown(parts.value.notes, notesOffset, lines, references);
  diagnostics.push(
    ...parts.diagnostics,
    ...parsed.diagnostics,
    ...body.diagnostics,
    ...notes.diagnostics,
  );
  return {
    value: {
      title: chunk.title,
      level: chunk.level,
      below: chunk.below,
      html: body.value,
      notesHtml: notes.value.trim(),
      notesWords: countWords(parts.value.notes),
      options,
      source: lines.positionAt(chunk.at),
    },
    diagnostics,
  };
}

/** Words a speaker would say: Markdown punctuation and code fences' markers do not count. */
export function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
