import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { planPacing } from "../../src/deck/pacing.ts";
import {
  asRecording,
  parseRehearsal,
  rehearsalOf,
  slideFingerprint,
} from "../../src/deck/rehearsal.ts";

const files = [
  {
    path: "s/01.md",
    text: "# Talk\n\n## Timed\n<!-- .slide: timing=40 -->\n\nA.\n\n## Rehearsed\n\nB.\n\n## New\n\nC.\n",
  },
];
const deckOf = (rehearsal?: string) =>
  buildDeck({
    slidesDir: "s",
    files,
    themes: ["default"],
    rehearsalFile:
      rehearsal === undefined ? undefined : { path: "s/rehearsal.json", text: rehearsal },
  });

describe("rehearsals", () => {
  test("pace a slide by its timing first, then its rehearsed time, then its notes", () => {
    expect(
      planPacing([
        { notesWords: 130, timing: 40, rehearsed: 90 },
        { notesWords: 130, rehearsed: 90 },
        { notesWords: 130 },
      ]).estimates,
    ).toEqual([40, 90, 60]);
  });

  test("are read by the build: each slide says where its time comes from", () => {
    const plain = deckOf().value;
    const recording = asRecording({
      rehearsed: "2026-12-02T10:00:00.000Z",
      slides: [
        { id: "timed", seconds: 55, steps: [55] },
        { id: "rehearsed", seconds: 72.4, steps: [72.4] },
      ],
    });
    const rehearsal = recording && rehearsalOf(recording, plain.slides);
    const built = deckOf(JSON.stringify(rehearsal));
    expect(built.diagnostics).toEqual([]);
    expect(
      built.value.slides.map((slide) => [slide.id, slide.pacedBy, slide.estimatedSeconds]),
    ).toEqual([
      ["talk", "notes", 15],
      ["timed", "timing", 40],
      ["rehearsed", "rehearsal", 72],
      ["new", "notes", 15],
    ]);
  });

  test("warn at a slide whose text changed since, and keep its rehearsed time till the next one", () => {
    const plain = deckOf().value;
    const rehearsed = plain.slides.find((slide) => slide.id === "rehearsed");
    if (!rehearsed) throw new Error("no slide");
    const stale = {
      rehearsed: "2026-12-02T10:00:00.000Z",
      slides: [{ id: "rehearsed", seconds: 30, steps: [30], fingerprint: "00000000" }],
    };
    expect(slideFingerprint(rehearsed)).not.toBe("00000000");
    const built = deckOf(JSON.stringify(stale));
    expect(built.diagnostics).toMatchObject([
      { file: "s/01.md", line: 8, severity: "warning", code: "stale-rehearsal" },
    ]);
    expect(built.value.slides[2]?.estimatedSeconds).toBe(30);
  });

  test("warn at the file about rehearsed slides the deck no longer has, and ignore slides passed through", () => {
    const rehearsal = {
      rehearsed: "2026-12-02T10:00:00.000Z",
      slides: [
        { id: "a-renamed-slide", seconds: 30, steps: [30], fingerprint: "00000000" },
        { id: "rehearsed", seconds: 0.4, steps: [0.4], fingerprint: "00000000" },
      ],
    };
    const built = deckOf(JSON.stringify(rehearsal));
    expect(built.diagnostics).toMatchObject([
      {
        file: "s/rehearsal.json",
        line: 1,
        code: "stale-rehearsal",
        message: expect.stringContaining("a-renamed-slide"),
      },
    ]);
    expect(built.value.slides.every((slide) => slide.pacedBy !== "rehearsal")).toBe(true);
  });

  test("a file that is not a rehearsal is an error at its first line; a recording names known slides", () => {
    expect(parseRehearsal({ path: "s/rehearsal.json", text: "{" }).diagnostics).toMatchObject([
      { line: 1, column: 1, severity: "error", code: "invalid-rehearsal" },
    ]);
    expect(asRecording({ rehearsed: "yesterday", slides: [] })).toBeUndefined();
    expect(
      asRecording({ rehearsed: "2026-12-02", slides: [{ id: "x", seconds: -1, steps: [] }] }),
    ).toBeUndefined();
    const unknown = asRecording({
      rehearsed: "2026-12-02",
      slides: [{ id: "x", seconds: 1, steps: [1] }],
    });
    expect(unknown && rehearsalOf(unknown, deckOf().value.slides)).toBeUndefined();
    // A slide renamed while rehearsing is left out; the others are kept, each once.
    const mixed = asRecording({
      rehearsed: "2026-12-02",
      slides: [
        { id: "x", seconds: 1, steps: [1] },
        { id: "new", seconds: 5, steps: [5] },
        { id: "new", seconds: 6, steps: [6] },
      ],
    });
    const kept = mixed && rehearsalOf(mixed, deckOf().value.slides);
    expect(kept?.slides.map((slide) => [slide.id, slide.seconds])).toEqual([["new", 5]]);
  });
});
