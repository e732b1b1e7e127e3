import { diagnosticAt } from "./diagnostics.ts";
import type { Diagnostic, Result, Slide, SourceFile } from "./model.ts";

/** The file in the slides folder a rehearsal is saved to, and read from by the next build. */
export const REHEARSAL_FILE = "rehearsal.json";

/** How long one slide took in a rehearsal. */
export interface RehearsedSlide {
  id: string;
  /** Seconds on the slide, all its steps together. */
  seconds: number;
  /** Seconds on each step (fragment) of the slide, in order; one entry for a slide without steps. */
  steps: number[];
  /** What the slide said when it was rehearsed (see slideFingerprint). */
  fingerprint: string;
}

/** A rehearsal: when, and each slide the speaker went through. */
export interface Rehearsal {
  rehearsed: string;
  slides: RehearsedSlide[];
}

/**
 * A short digest of what a slide says (title, content, notes): a rehearsal of a slide whose text
 * changed since is out of date. FNV-1a, 32 bits: this tells edits apart, it guards nothing.
 */
export function slideFingerprint(slide: Pick<Slide, "title" | "html" | "notesHtml">): string {
  let hash = 0x811c9dc5;
  for (const char of `${slide.title}\u0000${slide.html}\u0000${slide.notesHtml}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

const isSeconds = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value < 86_400;

/** A rehearsal as the browser records it: the times, without the fingerprints. */
export interface RehearsalRecording {
  rehearsed: string;
  slides: Omit<RehearsedSlide, "fingerprint">[];
}

/** Checks a recording's shape, as a browser sends it; undefined when it is wrong. */
export function asRecording(data: unknown): RehearsalRecording | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const { rehearsed, slides } = data as Record<string, unknown>;
  if (typeof rehearsed !== "string" || Number.isNaN(Date.parse(rehearsed))) return undefined;
  if (!Array.isArray(slides) || slides.length > 10_000) return undefined;
  const checked: RehearsalRecording["slides"] = [];
  for (const entry of slides) {
    if (typeof entry !== "object" || entry === null) return undefined;
    const { id, seconds, steps } = entry as Record<string, unknown>;
    if (typeof id !== "string" || id.length > 200 || !isSeconds(seconds)) return undefined;
    if (!Array.isArray(steps) || steps.length > 1000 || !steps.every(isSeconds)) return undefined;
    checked.push({ id, seconds, steps: [...steps] });
  }
  return { rehearsed, slides: checked };
}

/** Checks a rehearsal's shape, as its file holds it; undefined when it is wrong. */
export function asRehearsal(data: unknown): Rehearsal | undefined {
  const recording = asRecording(data);
  if (!recording) return undefined;
  const fingerprints = ((data as { slides: { fingerprint?: unknown }[] }).slides ?? []).map(
    (slide) => slide.fingerprint,
  );
  if (!fingerprints.every((print) => typeof print === "string" && /^[0-9a-f]{8}$/.test(print))) {
    return undefined;
  }
  return {
    rehearsed: recording.rehearsed,
    slides: recording.slides.map((slide, index) => ({
      ...slide,
      fingerprint: fingerprints[index] as string,
    })),
  };
}

/**
 * The rehearsal to save from a recording: the slides the deck has now, each with its fingerprint
 * now (a slide renamed while rehearsing is left out, by id); undefined when none is left.
 */
export function rehearsalOf(
  recording: RehearsalRecording,
  slides: readonly Slide[],
): Rehearsal | undefined {
  const byId = new Map(slides.map((slide) => [slide.id, slide]));
  const known = recording.slides.filter(
    (slide, index, all) => byId.has(slide.id) && all.findIndex((s) => s.id === slide.id) === index,
  );
  if (known.length === 0) return undefined;
  return {
    rehearsed: recording.rehearsed,
    slides: known.map((slide) => ({
      ...slide,
      fingerprint: slideFingerprint(byId.get(slide.id) as Slide),
    })),
  };
}

/** Reads the rehearsal file; a file that is not one is an error at its first line. */
export function parseRehearsal(file: SourceFile): Result<Rehearsal | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    data = undefined;
  }
  const rehearsal = asRehearsal(data);
  if (rehearsal) return { value: rehearsal, diagnostics: [] };
  return {
    value: undefined,
    diagnostics: [
      diagnosticAt(
        { file: file.path, line: 1, column: 1 },
        "error",
        "invalid-rehearsal",
        `${REHEARSAL_FILE} is not a rehearsal saved by ?rehearse; rehearse again, or delete the file`,
      ),
    ],
  };
}

/**
 * The rehearsed seconds of each slide that has them, by id, and a warning at each slide whose text
 * changed since it was rehearsed (its rehearsed time still counts until the next rehearsal), and
 * one at the file for rehearsed slides the deck no longer has (a renamed slide has a new id).
 */
export function applyRehearsal(
  rehearsal: Rehearsal,
  slides: readonly Slide[],
  file: Pick<SourceFile, "path">,
): Result<Map<string, number>> {
  const byId = new Map(rehearsal.slides.map((slide) => [slide.id, slide]));
  const seconds = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const slide of slides) {
    const rehearsed = byId.get(slide.id);
    // A slide only passed through on the way elsewhere was not rehearsed.
    if (!rehearsed || rehearsed.seconds < 1) continue;
    seconds.set(slide.id, Math.max(1, Math.round(rehearsed.seconds)));
    if (rehearsed.fingerprint !== slideFingerprint(slide)) {
      diagnostics.push(
        diagnosticAt(
          slide.source,
          "warning",
          "stale-rehearsal",
          `slide "${slide.title}" changed since it was rehearsed on ${rehearsal.rehearsed.slice(0, 10)}; its pacing uses the old time until you rehearse again (?rehearse)`,
        ),
      );
    }
  }
  const ids = new Set(slides.map((slide) => slide.id));
  const gone = rehearsal.slides.filter((slide) => !ids.has(slide.id)).map((slide) => slide.id);
  if (gone.length > 0) {
    diagnostics.push(
      diagnosticAt(
        { file: file.path, line: 1, column: 1 },
        "warning",
        "stale-rehearsal",
        `${REHEARSAL_FILE} times slides the deck no longer has (renamed or removed): ${gone.join(", ")}; their slides are paced by their notes until you rehearse again (?rehearse)`,
      ),
    );
  }
  return { value: seconds, diagnostics };
}
