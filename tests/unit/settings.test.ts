import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, parseDeckSettings, resolveSettings } from "../../src/deck/settings.ts";

const parse = (text: string) => parseDeckSettings("slides/deck.yaml", text, ["default", "dark"]);

describe("parseDeckSettings", () => {
  test("reads every setting", () => {
    const { value, diagnostics } = parse(
      'title: My talk\nauthor: Ada\nevent: Meetup\ndate: 2026-04-19\ndescription: Why.\ntheme: dark\ntalkMinutes: 20\naspect: "4:3"\nlang: de-CH\nsource: essay.txt\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      title: "My talk",
      author: "Ada",
      event: "Meetup",
      date: "2026-04-19",
      description: "Why.",
      theme: "dark",
      talkMinutes: 20,
      aspect: "4:3",
      lang: "de-CH",
      source: "essay.txt",
    });
  });

  test("reports an unknown key at its line and column", () => {
    expect(parse("title: T\n  \nspeaker: Ada\n").diagnostics).toEqual([
      expect.objectContaining({
        file: "slides/deck.yaml",
        line: 3,
        column: 1,
        severity: "error",
        code: "unknown-setting",
      }),
    ]);
  });

  test("reports bad values at the value", () => {
    const { diagnostics } = parse("theme: neon\ntalkMinutes: soon\naspect: 21:9\n");
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
      [1, 8, "invalid-setting"],
      [2, 14, "invalid-setting"],
      [3, 9, "invalid-setting"],
    ]);
    expect(diagnostics[0]?.message).toContain("default, dark");
  });

  test("reports YAML it cannot parse, with a position", () => {
    const { diagnostics } = parse("title: [unclosed\n");
    expect(diagnostics[0]).toMatchObject({ code: "invalid-yaml", severity: "error", line: 2 });
  });

  test("accepts an empty file", () => {
    expect(parse("# nothing yet\n")).toEqual({ value: {}, diagnostics: [] });
  });
});

describe("resolveSettings", () => {
  test("fills in documented defaults, with the first slide's title, and freezes the result", () => {
    const settings = resolveSettings({ author: "Ada" }, "First slide");
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, title: "First slide", author: "Ada" });
    expect(settings.theme).toBe("default");
    expect(Object.isFrozen(settings)).toBe(true);
  });
});
