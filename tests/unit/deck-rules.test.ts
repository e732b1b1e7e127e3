import { describe, expect, test } from "vitest";
import { checkDeckModel, promote } from "../../src/check/deck-rules.ts";
import { buildDeck } from "../../src/deck/build-deck.ts";

const build = (text: string, settings?: string) => {
  const settingsFile = settings === undefined ? undefined : { path: "s/deck.yaml", text: settings };
  const deck = buildDeck({
    slidesDir: "s",
    files: [{ path: "s/a.md", text }],
    settingsFile,
    themes: ["default"],
  }).value;
  return { deck, settingsFile };
};

describe("checkDeckModel", () => {
  test("warns about content slides without notes, not about title or section slides", () => {
    const { deck } = build("# Title\n\n# Part\n\n## Bare\n\ntext\n\n## Noted\n\nNote:\nsay it\n");
    expect(checkDeckModel(deck, undefined, "s").map((d) => [d.line, d.code])).toEqual([
      [5, "missing-notes"],
    ]);
  });

  test("warns when the notes' estimate is more than 15% away from the talk length, at its line", () => {
    const notes = (words: number) => `Note:\n${"word ".repeat(words)}\n`;
    const long = build(`## A\n\n${notes(260)}`, "title: T\ntalkMinutes: 1\n");
    expect(checkDeckModel(long.deck, long.settingsFile, "s")).toEqual([
      expect.objectContaining({
        file: "s/deck.yaml",
        line: 2,
        code: "talk-length",
        severity: "warning",
      }),
    ]);
    const close = build(`## A\n\n${notes(140)}`, "talkMinutes: 1\n");
    expect(checkDeckModel(close.deck, close.settingsFile, "s")).toEqual([]);
  });
});

describe("promote", () => {
  test("makes missing alt text and blocked code errors", () => {
    const warning = { file: "a", line: 1, column: 1, severity: "warning" as const, message: "m" };
    expect(
      promote([
        { ...warning, code: "missing-alt" },
        { ...warning, code: "unknown-language" },
      ]).map((d) => d.severity),
    ).toEqual(["error", "warning"]);
  });
});
