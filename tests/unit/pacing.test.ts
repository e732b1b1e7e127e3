import { describe, expect, test } from "vitest";
import {
  estimateSeconds,
  formatDuration,
  MINIMUM_SLIDE_SECONDS,
  pacingStatus,
  planPacing,
  WORDS_PER_MINUTE,
} from "../../src/deck/pacing.ts";

describe("estimateSeconds", () => {
  test("reads notes at 130 words a minute, with a floor for short or missing notes", () => {
    expect(WORDS_PER_MINUTE).toBe(130);
    expect(estimateSeconds(130)).toBe(60);
    expect(estimateSeconds(195)).toBe(90);
    expect(estimateSeconds(0)).toBe(MINIMUM_SLIDE_SECONDS);
    expect(estimateSeconds(10)).toBe(MINIMUM_SLIDE_SECONDS);
  });
});

describe("planPacing", () => {
  test("without a talk length, the talk is the sum of the estimates", () => {
    const plan = planPacing([
      { notesWords: 130 },
      { notesWords: 0 },
      { notesWords: 65, timing: 45 },
    ]);
    expect(plan.estimates).toEqual([60, 15, 45]);
    expect(plan.budgets).toEqual([60, 15, 45]);
    expect(plan.estimatedSeconds).toBe(120);
    expect(plan.talkSeconds).toBe(120);
  });

  test("with a talk length, keeps own timings and shares the rest by the estimates", () => {
    const plan = planPacing(
      [{ notesWords: 130 }, { notesWords: 260 }, { notesWords: 0, timing: 60 }],
      5,
    );
    // 300 s minus the fixed 60 s leaves 240 s, shared 1:2 between 60 s and 120 s estimates.
    expect(plan.budgets).toEqual([80, 160, 60]);
    expect(plan.talkSeconds).toBe(300);
    expect(plan.estimatedSeconds).toBe(240);
  });

  test("budgets are whole seconds that add up to the talk length exactly", () => {
    const slides = Array.from({ length: 21 }, (_, i) => ({ notesWords: 17 + i * 7 }));
    const plan = planPacing(slides, 20);
    expect(plan.budgets.every(Number.isInteger)).toBe(true);
    expect(plan.budgets.reduce((a, b) => a + b, 0)).toBe(1200);
  });

  test("reports own timings that exceed the talk, and never gives a slide less than 1 s", () => {
    const plan = planPacing([{ notesWords: 0, timing: 120 }, { notesWords: 50 }], 1);
    expect(plan.fixedSeconds).toBeGreaterThan(plan.talkSeconds);
    expect(plan.budgets).toEqual([120, 1]);
  });
});

describe("pacingStatus", () => {
  const budgets = [60, 120, 60];
  test("is ahead before the current slide's planned start", () => {
    expect(pacingStatus(budgets, 1, 40)).toEqual({ state: "ahead", seconds: 20, plannedEnd: 180 });
  });
  test("is on track within the current slide's window", () => {
    expect(pacingStatus(budgets, 1, 100).state).toBe("on-track");
  });
  test("is behind once the current slide's planned end has passed", () => {
    expect(pacingStatus(budgets, 1, 200)).toEqual({
      state: "behind",
      seconds: 20,
      plannedEnd: 180,
    });
  });
});

describe("formatDuration", () => {
  test.each([
    [0, "0:00"],
    [65, "1:05"],
    [1200, "20:00"],
    [3725, "1:02:05"],
  ])("%s s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
