import { diagnosticAt } from "../deck/diagnostics.ts";
import type { Deck, Diagnostic, SourceFile } from "../deck/model.ts";
import { formatDuration } from "../deck/pacing.ts";
import { settingLine } from "../deck/settings.ts";

/** How far the notes' estimate may stray from the planned talk length. */
export const TALK_LENGTH_TOLERANCE = 0.15;

/** Most words a slide body should carry to be read from the back of a room. */
export const MAX_BODY_WORDS = 40;

/** Pipeline findings that the deck doctor counts as errors, though a build only warns. */
export const PROMOTED_TO_ERROR = new Set(["missing-alt", "script-in-slide", "inline-handler"]);

/**
 * The deck doctor's checks on the deck model, without a browser: content slides without notes,
 * and a talk whose notes take much longer or shorter than its planned length.
 */
export function checkDeckModel(
  deck: Deck,
  settingsFile: SourceFile | undefined,
  slidesDir: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const slide of deck.slides) {
    if (slide.layout === "content" && slide.notesWords === 0) {
      diagnostics.push(
        diagnosticAt(
          slide.source,
          "warning",
          "missing-notes",
          `slide "${slide.title}" has no speaker notes`,
        ),
      );
    }
  }
  const { talkMinutes } = deck.settings;
  if (talkMinutes !== undefined) {
    const planned = talkMinutes * 60;
    const estimated = deck.pacing.estimatedSeconds;
    if (Math.abs(estimated - planned) / planned > TALK_LENGTH_TOLERANCE) {
      const line = settingLine(settingsFile?.text ?? "", "talkMinutes");
      diagnostics.push(
        diagnosticAt(
          { file: settingsFile?.path ?? slidesDir, line, column: 1 },
          "warning",
          "talk-length",
          `the notes take about ${formatDuration(estimated)} at ${deck.pacing.wordsPerMinute} words a minute, ${Math.round((Math.abs(estimated - planned) / planned) * 100)}% away from the planned ${formatDuration(planned)}`,
        ),
      );
    }
  }
  return diagnostics;
}

/** Raises the severity of findings a speaker must fix before the talk. */
export function promote(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (PROMOTED_TO_ERROR.has(d.code) ? { ...d, severity: "error" } : d));
}
