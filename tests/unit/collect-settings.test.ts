import { describe, expect, test } from "vitest";
import { collectSettings, REVEAL_MD_SEPARATORS } from "../../src/deck/collect-settings.ts";

const file = (name: string, text: string) => ({ path: `slides/${name}`, text });
const collect = (files: { path: string; text: string }[], yaml?: string) =>
  collectSettings(
    yaml === undefined ? undefined : { path: "slides/deck.yaml", text: yaml },
    files,
    ["default", "dark"],
  );

describe("collectSettings", () => {
  test("reads reveal-md's front matter: what maps is used, the rest is warned about by name", () => {
    const { value, diagnostics } = collect([
      file(
        "talk.md",
        "---\ntitle: Foobar\nseparator: <!--s-->\nverticalSeparator: <!--v-->\ntheme: solarized\nhighlightTheme: github\nrevealOptions:\n  transition: 'fade'\n  controls: false\n---\nFoo\n",
      ),
    ]);
    expect(value.settings).toEqual({
      title: "Foobar",
      separator: "<!--s-->",
      verticalSeparator: "<!--v-->",
      // reveal.js's solarized is light: the light theme here.
      theme: "default",
      transition: "fade",
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([
      [5, 8, "warning", "front-matter-ignored"],
      [6, 1, "warning", "front-matter-ignored"],
      [9, 3, "warning", "front-matter-ignored"],
    ]);
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(
      /`solarized`[\s\S]*`highlightTheme`[\s\S]*`controls`/,
    );
    expect(value.files[0]?.file.text).toMatch(/^\s+\nFoo\n$/);
  });

  test("reads a deck with front matter as reveal-md does: its separators, its dark theme", () => {
    const withFrontMatter = collect([file("a.md", "---\ntitle: T\n---\nA\n---\nB\n")]);
    expect(withFrontMatter.value.settings).toMatchObject({
      ...REVEAL_MD_SEPARATORS,
      theme: "dark",
    });
    expect(collect([file("a.md", "# A\n")]).value.settings.separator).toBeUndefined();
  });

  test("deck.yaml wins, then the first file; a later file that differs is warned about", () => {
    const { value, diagnostics } = collect(
      [file("1.md", "---\ntitle: One\ntheme: dark\n---\n"), file("2.md", "---\ntitle: Two\n---\n")],
      "title: From yaml\n",
    );
    expect(value.settings).toMatchObject({ title: "From yaml", theme: "dark" });
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([
      ["slides/1.md", "front-matter-ignored"],
      ["slides/2.md", "front-matter-ignored"],
    ]);
  });

  test("a bad value in front matter is an error at its line; a bad separator too", () => {
    const { diagnostics } = collect([
      file("a.md", "---\ntalkMinutes: soon\nseparator: '(['\n---\n"),
    ]);
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
      [2, 14, "invalid-setting"],
      [3, 12, "invalid-setting"],
    ]);
  });
});
