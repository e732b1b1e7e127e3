import { buildSlide } from "./build-slide.ts";
import { collectSettings } from "./collect-settings.ts";
import { diagnosticAt } from "./diagnostics.ts";
import type { Deck, Diagnostic, Result, Slide, SourceFile } from "./model.ts";
import { formatDuration, planPacing, WORDS_PER_MINUTE } from "./pacing.ts";
import { createLineIndex } from "./position.ts";
import { applyRehearsal, parseRehearsal } from "./rehearsal.ts";
import { resolveSettings, settingLine } from "./settings.ts";
import { addShareCode } from "./share-code.ts";
import { slugify } from "./slug.ts";
import { sourcePath } from "./source.ts";
import { chooseSplitter } from "./splitter.ts";
import type { References, SlideLink } from "./token-context.ts";

/** Everything the pipeline needs, already read from disk by the edge. */
export interface DeckInput {
  /** The slides folder as shown in diagnostics, e.g. `slides`. */
  slidesDir: string;
  /** The deck's Markdown files, in any order. */
  files: readonly SourceFile[];
  /** `deck.yaml`, when the deck has one. */
  settingsFile?: SourceFile | undefined;
  /** Names of the themes that exist in `themes/`. */
  themes: readonly string[];
  /** Other files in the folder that are neither slides nor known assets (paths as shown). */
  otherFiles?: readonly string[] | undefined;
  /** The last rehearsal (`rehearsal.json`), when the deck has one. */
  rehearsalFile?: SourceFile | undefined;
}

// One collator for every comparison: `localeCompare` with options makes a new one each call,
// which made sorting 500 slide files take 18–23 ms against 6–7 ms (ICU's start included).
let fileNameOrder: Intl.Collator | undefined;

/** Orders file paths naturally, so `2-x.md` comes before `10-x.md`. */
export function compareFileNames(a: string, b: string): number {
  fileNameOrder ??= new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  return fileNameOrder.compare(a, b) || (a < b ? -1 : 1);
}

/** Runs the whole pipeline: split, notes, options, Markdown and ids, for every file in order. */
export function buildDeck(input: DeckInput): Result<Deck> {
  const diagnostics: Diagnostic[] = [];
  const references: References = { assets: [], links: [], charts: 0 };
  const { assets } = references;
  const slides: Slide[] = [];
  const sorted = input.files.slice().sort((a, b) => compareFileNames(a.path, b.path));
  const collected = collectSettings(input.settingsFile, sorted, input.themes);
  diagnostics.push(...collected.diagnostics);
  const { settings } = collected.value;

  // The text the talk was written from is not a slide, though it may be Markdown.
  const source = settings.source ? sourcePath(input.slidesDir, settings.source) : undefined;
  for (const other of input.otherFiles ?? []) {
    if (other === source) continue;
    diagnostics.push(
      diagnosticAt(
        { file: other, line: 1, column: 1 },
        "warning",
        "not-a-slide",
        "this file is neither a slide (.md) nor a known asset type, so the deck ignores it",
      ),
    );
  }
  const split = chooseSplitter({
    separator: settings.separator ?? "",
    verticalSeparator: settings.verticalSeparator ?? "",
  });
  for (const { file, bodyOffset } of collected.value.files) {
    if (file.path === source) continue;
    const lines = createLineIndex(file.path, file.text);
    const chunks = split(file, bodyOffset);
    diagnostics.push(...chunks.diagnostics);
    for (const chunk of chunks.value) {
      const built = buildSlide(chunk, lines, references, {
        notesSeparator: settings.notesSeparator ?? "",
        incremental: settings.incremental ?? false,
      });
      diagnostics.push(...built.diagnostics);
      const { options, level } = built.value;
      slides.push({
        ...built.value,
        // A vertical stack begins with its first slide: the one below another never starts one.
        below: built.value.below && slides.length > 0,
        title: built.value.title || `Slide ${slides.length + 1}`,
        id: options.id ?? "",
        layout: options.layout ?? defaultLayout(level, slides.length),
        estimatedSeconds: 0,
        seconds: 0,
        pacedBy: "notes",
      });
    }
  }

  if (slides.length === 0) {
    diagnostics.push(
      diagnosticAt(
        { file: input.slidesDir, line: 1, column: 1 },
        "error",
        "no-slides",
        "the deck has no slides: add a Markdown file with a `#` heading",
      ),
    );
  }
  // reveal.js slides have no ids, and their titles repeat as a build-up goes: only headings-cut
  // decks hear about a repeated title.
  const ids = assignIds(slides).filter((d) => !settings.separator || d.severity === "error");
  diagnostics.push(...ids, ...checkLinks(references.links, slides));
  const deckSettings = resolveSettings(settings, slides[0]?.title ?? "Untitled deck");
  // The address goes onto the slides before anything reads their content (rehearsals do).
  slides.splice(0, slides.length, ...addShareCode(slides, deckSettings.url));
  const rehearsed = readRehearsal(input.rehearsalFile, slides);
  diagnostics.push(...rehearsed.diagnostics);
  const plan = planPacing(
    slides.map((slide) => ({
      notesWords: slide.notesWords,
      timing: slide.options.timing,
      rehearsed: rehearsed.value.get(slide.id),
    })),
    deckSettings.talkMinutes,
  );
  slides.forEach((slide, index) => {
    slide.estimatedSeconds = plan.estimates[index] ?? 0;
    slide.seconds = plan.budgets[index] ?? 0;
    if (slide.options.timing !== undefined) slide.pacedBy = "timing";
    else if (rehearsed.value.has(slide.id)) slide.pacedBy = "rehearsal";
  });
  if (plan.fixedSeconds > plan.talkSeconds) {
    diagnostics.push(
      diagnosticAt(
        {
          file: input.settingsFile?.path ?? input.slidesDir,
          line: settingLine(input.settingsFile?.text ?? "", "talkMinutes"),
          column: 1,
        },
        "warning",
        "timings-exceed-talk",
        `the slides' own timings add up to ${formatDuration(plan.fixedSeconds)}, more than the talk's ${formatDuration(plan.talkSeconds)}`,
      ),
    );
  }
  const pacing = {
    wordsPerMinute: WORDS_PER_MINUTE,
    talkSeconds: plan.talkSeconds,
    estimatedSeconds: plan.estimatedSeconds,
  };
  return { value: { settings: deckSettings, pacing, slides, assets }, diagnostics };
}

// The last rehearsal's time for each slide (when the deck has one), and its warnings.
function readRehearsal(
  file: SourceFile | undefined,
  slides: readonly Slide[],
): Result<Map<string, number>> {
  if (!file) return { value: new Map(), diagnostics: [] };
  const parsed = parseRehearsal(file);
  if (!parsed.value) return { value: new Map(), diagnostics: parsed.diagnostics };
  return applyRehearsal(parsed.value, slides, file);
}

function defaultLayout(level: 1 | 2, index: number): Slide["layout"] {
  if (level === 2) return "content";
  return index === 0 ? "title" : "section";
}

// Explicit ids must be unique (error); ids derived from titles get a numeric suffix (warning).
function assignIds(slides: Slide[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const taken = new Map<string, Slide>();
  for (const slide of slides.filter((s) => s.id !== "")) {
    const first = taken.get(slide.id);
    if (first) {
      diagnostics.push(
        diagnosticAt(
          slide.source,
          "error",
          "duplicate-id",
          `slide id \`${slide.id}\` is already used by ${first.source.file}:${first.source.line}`,
        ),
      );
    }
    taken.set(slide.id, slide);
  }
  // Where each title's search for a free `-n` left off: taken only grows, so the suffixes below it
  // stay taken, and a deck of many slides with one title is not numbered in quadratic time.
  const nextSuffix = new Map<string, number>();
  slides.forEach((slide, index) => {
    if (slide.id !== "") return;
    const base = slugify(slide.title) || `slide-${index + 1}`;
    let id = base;
    if (taken.has(base)) {
      let n = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    const first = taken.get(base);
    if (id !== base && first) {
      diagnostics.push(
        diagnosticAt(
          slide.source,
          "warning",
          "duplicate-id",
          `slide id \`${base}\` is already used by ${first.source.file}:${first.source.line}; this slide is \`#/${id}\``,
        ),
      );
    }
    slide.id = id;
    taken.set(id, slide);
  });
  return diagnostics;
}

// `#/smaller-images` must name a slide; `#/3` (reveal.js's slide number, from 0) must exist.
function checkLinks(links: readonly SlideLink[], slides: readonly Slide[]): Diagnostic[] {
  const ids = new Set(slides.map((slide) => slide.id));
  return links
    .filter(({ target }) => {
      if (target === "") return false;
      if (/^\d+$/.test(target)) return Number(target) >= slides.length;
      return !ids.has(decodeURIComponent(target));
    })
    .map(({ target, position }) =>
      diagnosticAt(
        position,
        "error",
        "broken-link",
        `no slide has the id \`${target}\` (link #/${target})`,
      ),
    );
}
