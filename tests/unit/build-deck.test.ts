import { describe, expect, test } from "vitest";
import { assetPlaceholder } from "../../src/deck/asset-placeholder.ts";
import { buildDeck, compareFileNames } from "../../src/deck/build-deck.ts";
import { countWords } from "../../src/deck/build-slide.ts";
import type { SourceFile } from "../../src/deck/model.ts";

const build = (files: Record<string, string>, settings?: string, otherFiles?: string[]) =>
  buildDeck({
    slidesDir: "slides",
    files: Object.entries(files).map(
      ([name, text]): SourceFile => ({ path: `slides/${name}`, text }),
    ),
    settingsFile: settings === undefined ? undefined : { path: "slides/deck.yaml", text: settings },
    themes: ["default"],
    otherFiles,
  });

describe("buildDeck", () => {
  test("reads files in natural order: 2- before 10-", () => {
    const { value } = build({ "10-b.md": "## Ten\n", "2-a.md": "## Two\n", "1-t.md": "# One\n" });
    expect(value.slides.map((s) => s.title)).toEqual(["One", "Two", "Ten"]);
    expect(["10-x.md", "9-x.md", "a.md"].sort(compareFileNames)).toEqual([
      "9-x.md",
      "10-x.md",
      "a.md",
    ]);
  });

  test("builds plain Markdown with no settings: defaults, title from the first slide", () => {
    const { value, diagnostics } = build({ "a.md": "# My talk\n\n## Point\n\ntext\n" });
    expect(diagnostics).toEqual([]);
    expect(value.settings).toMatchObject({ title: "My talk", theme: "default", aspect: "16:9" });
  });

  test("gives each slide an id from its title, a layout, HTML, notes and its source line", () => {
    const { value } = build({
      "a.md": "# Talk\n\n# Part one\n\n## Smaller images\n\nBody\n\nNote:\nSay *why*.\n",
    });
    expect(value.slides.map((s) => [s.id, s.layout, s.level])).toEqual([
      ["talk", "title", 1],
      ["part-one", "section", 1],
      ["smaller-images", "content", 2],
    ]);
    const slide = value.slides[2];
    expect(slide?.html).toBe("<h2>Smaller images</h2>\n<p>Body</p>\n");
    expect(slide?.notesHtml).toBe("<p>Say <em>why</em>.</p>");
    expect(slide?.notesWords).toBe(2);
    expect(slide?.source).toEqual({ file: "slides/a.md", line: 5, column: 1 });
  });

  test("applies slide options, and an explicit id wins over the title", () => {
    const { value } = build({
      "a.md": "## A\n<!-- .slide: id=start layout=center timing=30 -->\n",
    });
    expect(value.slides[0]).toMatchObject({
      id: "start",
      layout: "center",
      options: { timing: 30 },
    });
    expect(value.slides[0]?.html).not.toContain(".slide");
  });

  test("makes repeated titles unique, with a warning naming the first one", () => {
    const { value, diagnostics } = build({ "a.md": "## Demo\n\n## Demo\n" });
    expect(value.slides.map((s) => s.id)).toEqual(["demo", "demo-2"]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 3,
        severity: "warning",
        code: "duplicate-id",
        message: expect.stringContaining("slides/a.md:1"),
      }),
    ]);
  });

  test("numbers many slides of one title in order, past the ids other slides took", () => {
    const { value } = build({
      "a.md": "## Demo\n\n## Demo\n\n## Other\n<!-- .slide: id=demo-3 -->\n\n## Demo\n\n## Demo\n",
    });
    expect(value.slides.map((s) => s.id)).toEqual(["demo", "demo-2", "demo-3", "demo-4", "demo-5"]);
  });

  test("rejects two explicit ids that are the same", () => {
    const { diagnostics } = build({
      "a.md": "## A\n<!-- .slide: id=x -->\n\n## B\n<!-- .slide: id=x -->\n",
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 4, severity: "error", code: "duplicate-id" }),
    ]);
  });

  test("collects images and background images as assets, in order", () => {
    const { value } = build({
      "a.md": "## A\n<!-- .slide: background=bg.jpg -->\n\n![Chart](img/c.png)\n",
    });
    expect(value.assets.map((a) => a.ref)).toEqual(["bg.jpg", "img/c.png"]);
    expect(value.slides[0]?.options.backgroundImage).toBe(assetPlaceholder(0));
    expect(value.slides[0]?.html).toContain(assetPlaceholder(1));
  });

  test("passes on every step's diagnostics and settings errors", () => {
    const { diagnostics } = build(
      { "a.md": "stray\n\n## A\n<!-- .slide: nope=1 -->\n" },
      "theme: neon\n",
    );
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`).sort()).toEqual([
      "slides/a.md:1 content-before-heading",
      "slides/a.md:4 unknown-option",
      "slides/deck.yaml:1 invalid-setting",
    ]);
  });

  test("reports links to slides that do not exist", () => {
    const { diagnostics } = build({
      "a.md": "## A\n\n[ok](#/b) [first](#/0) [gone](#/nowhere) [far](#/5)\n\n## B\n",
    });
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([
      [3, 24, "error", "broken-link"],
      [3, 42, "error", "broken-link"],
    ]);
  });

  test("reports a deck without slides", () => {
    expect(build({}).diagnostics).toEqual([
      expect.objectContaining({ file: "slides", code: "no-slides", severity: "error" }),
    ]);
  });
});

describe("buildDeck pacing", () => {
  test("gives each slide a budget from its notes, scaled to the talk length", () => {
    const notes = (words: number) => `Note:\n${"word ".repeat(words)}\n`;
    const { value, diagnostics } = build(
      { "a.md": `# T\n\n${notes(130)}\n## B\n\n${notes(260)}\n## C\n<!-- .slide: timing=30 -->\n` },
      "talkMinutes: 5\n",
    );
    expect(diagnostics).toEqual([]);
    expect(value.slides.map((s) => [s.estimatedSeconds, s.seconds])).toEqual([
      [60, 90],
      [120, 180],
      [30, 30],
    ]);
    expect(value.pacing).toEqual({ wordsPerMinute: 130, talkSeconds: 300, estimatedSeconds: 210 });
  });

  test("warns when the slides' own timings are longer than the talk", () => {
    const { diagnostics } = build(
      { "a.md": "# T\n<!-- .slide: timing=2m -->\n" },
      "talkMinutes: 1\n",
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "slides/deck.yaml",
        code: "timings-exceed-talk",
        severity: "warning",
      }),
    ]);
  });
});

describe("countWords", () => {
  test("counts spoken words, not Markdown punctuation", () => {
    expect(countWords("Say **this**, then - that.\n\n---\n\n```\n```")).toBe(4);
  });

  test("reads the text the talk was written from as its source, never as slides", () => {
    const markdown = build(
      { "01.md": "# Talk\n", "post.md": "# A blog post\n\nIts text.\n" },
      "source: post.md\n",
    );
    expect(markdown.diagnostics).toEqual([]);
    expect(markdown.value.slides.map((s) => s.title)).toEqual(["Talk"]);
    expect(markdown.value.settings.source).toBe("post.md");
    // A .txt source is no stray file; other unknown files still are.
    const text = build({ "01.md": "# Talk\n" }, "source: ./essay.txt\n", [
      "slides/essay.txt",
      "slides/todo.txt",
    ]);
    expect(text.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      "slides/todo.txt not-a-slide",
    ]);
  });
});
