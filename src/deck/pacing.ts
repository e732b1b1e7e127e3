/** Speaking rate for estimates from notes, in words per minute (a relaxed conference pace). */
export const WORDS_PER_MINUTE = 130;

/** Seconds for a slide whose notes would take less: a title or a picture still takes a moment. */
export const MINIMUM_SLIDE_SECONDS = 15;

/** What pacing needs to know of one slide. */
export interface PacedSlide {
  /** Words in the slide's speaker notes. */
  notesWords: number;
  /** Seconds the author set with `timing=`, which is kept as it is. */
  timing?: number | undefined;
  /** Seconds the slide took in the last rehearsal; used when it has no `timing`. */
  rehearsed?: number | undefined;
}

/** How long each slide and the whole talk should take. */
export interface PacingPlan {
  /** Seconds each slide takes by its notes (or its own `timing`). */
  estimates: number[];
  /** Seconds each slide gets in the talk: the estimates scaled to the talk length. */
  budgets: number[];
  /** The sum of the estimates: how long the notes say the talk takes. */
  estimatedSeconds: number;
  /** The talk length: the deck setting, or else the estimate. */
  talkSeconds: number;
  /** Seconds the authors' own `timing=` values add up to. */
  fixedSeconds: number;
}

/** Seconds to speak `words` words at `WORDS_PER_MINUTE`, at least `MINIMUM_SLIDE_SECONDS`. */
export function estimateSeconds(words: number): number {
  return Math.max(MINIMUM_SLIDE_SECONDS, Math.round((words / WORDS_PER_MINUTE) * 60));
}

/**
 * Plans the talk: each slide's estimate is its own `timing`, else its rehearsed time, else what its
 * notes take to say; when the
 * talk has a length, the estimated slides share what the fixed ones leave, in proportion to their
 * estimates, in whole seconds that add up to the talk length exactly.
 */
export function planPacing(slides: readonly PacedSlide[], talkMinutes?: number): PacingPlan {
  const estimates = slides.map(
    (slide) => slide.timing ?? slide.rehearsed ?? estimateSeconds(slide.notesWords),
  );
  const estimatedSeconds = sum(estimates);
  const talkSeconds = talkMinutes === undefined ? estimatedSeconds : Math.round(talkMinutes * 60);
  const fixedSeconds = sum(slides.map((slide) => slide.timing ?? 0));
  const flexible = slides.flatMap((slide, index) => (slide.timing === undefined ? [index] : []));
  const budgets = [...estimates];
  const available = talkSeconds - fixedSeconds;
  const flexibleEstimate = sum(flexible.map((index) => estimates[index] ?? 0));
  if (flexible.length > 0 && flexibleEstimate > 0) {
    const shares = flexible.map(
      (index) => ((estimates[index] ?? 0) * available) / flexibleEstimate,
    );
    const rounded = roundPreservingSum(shares);
    flexible.forEach((index, i) => {
      budgets[index] = Math.max(1, rounded[i] ?? 1);
    });
  }
  return { estimates, budgets, estimatedSeconds, talkSeconds, fixedSeconds };
}

/** Where the speaker stands against the plan. */
export interface PacingStatus {
  state: "ahead" | "on-track" | "behind";
  /** How far ahead or behind, in seconds (0 when on track). */
  seconds: number;
  /** Seconds the plan gives from the start of the talk to the end of the current slide. */
  plannedEnd: number;
}

/**
 * Compares elapsed time with the plan: ahead when the current slide's planned start is still to
 * come, behind when its planned end has passed, on track in between.
 */
export function pacingStatus(
  budgets: readonly number[],
  slideIndex: number,
  elapsedSeconds: number,
): PacingStatus {
  const plannedStart = sum(budgets.slice(0, slideIndex));
  const plannedEnd = plannedStart + (budgets[slideIndex] ?? 0);
  if (elapsedSeconds < plannedStart) {
    return { state: "ahead", seconds: plannedStart - elapsedSeconds, plannedEnd };
  }
  if (elapsedSeconds > plannedEnd) {
    return { state: "behind", seconds: elapsedSeconds - plannedEnd, plannedEnd };
  }
  return { state: "on-track", seconds: 0, plannedEnd };
}

/** Where a slide's time comes from (its `pacedBy`), as the speaker views say it. */
export const PACED_BY_LABEL = {
  timing: "its timing",
  rehearsal: "rehearsed",
  notes: "by its notes",
} as const;

/** The pacing as the speaker views say it: "On track", "Ahead by 0:30", "Behind by 1:05". */
export function describePacing(status: PacingStatus): string {
  if (status.state === "on-track") return "On track";
  return `${status.state === "ahead" ? "Ahead" : "Behind"} by ${formatDuration(status.seconds)}`;
}

/** Formats seconds as `m:ss`, or `h:mm:ss` from an hour on. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// Largest-remainder rounding: whole numbers whose total equals the rounded total of the inputs.
function roundPreservingSum(values: readonly number[]): number[] {
  const floors = values.map(Math.floor);
  let missing = Math.round(sum(values)) - sum(floors);
  const byRemainder = values
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing--;
  }
  return floors;
}
