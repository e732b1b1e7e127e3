import { describe, expect, test } from "vitest";
import { parseDuration, parseSlideOptions } from "../../src/deck/options.ts";
import { createLineIndex } from "../../src/deck/position.ts";

const parse = (text: string) => parseSlideOptions(text, 0, createLineIndex("s.md", text));

describe("parseSlideOptions", () => {
  test("reads every documented option", () => {
    const { value, diagnostics } = parse(
      '## T\n<!-- .slide: timing=1m30s layout=center class="big quiet" transition=fade id=intro background=#102030 -->\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value.options).toEqual({
      timing: 90,
      layout: "center",
      classes: ["big", "quiet"],
      transition: "fade",
      id: "intro",
      backgroundColor: "#102030",
    });
  });

  test("takes an image path as a background image", () => {
    expect(parse("## T\n<!-- .slide: background=img/bg.png -->\n").value.options).toEqual({
      backgroundImage: "img/bg.png",
    });
  });

  test("blanks the comment out of the body without moving any other text", () => {
    const text = "## T\n<!-- .slide: timing=5 -->\nBody\n";
    const { body } = parse(text).value;
    expect(body).toHaveLength(text.length);
    expect(body).not.toContain(".slide");
    expect(body.indexOf("Body")).toBe(text.indexOf("Body"));
  });

  test("reports unknown keys and bad values at their line and column", () => {
    const { diagnostics } = parse("## T\n\n<!-- .slide: colour=red timing=soon layout=wide -->\n");
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([
      [3, 14, "error", "unknown-option"],
      [3, 25, "error", "invalid-option"],
      [3, 37, "error", "invalid-option"],
    ]);
    expect(diagnostics[0]?.message).toContain("known options: timing, layout");
  });

  test("reports an option that is not key=value", () => {
    expect(parse("## T\n<!-- .slide: center -->\n").diagnostics[0]).toMatchObject({
      code: "invalid-option-syntax",
      line: 2,
      column: 14,
    });
  });

  test("ignores other comments and comments inside code", () => {
    const text = "## T\n<!-- a comment -->\n\n```html\n<!-- .slide: timing=5 -->\n```\n";
    expect(parse(text).value).toEqual({
      options: {},
      positions: {},
      attributePositions: {},
      body: text,
    });
  });

  test("reads reveal.js's own slide attributes: those that are ours, and the others as they are", () => {
    const { value, diagnostics } = parse(
      '## T\n<!-- .slide: data-background-color="#000" data-transition="zoom" data-timing="30" data-auto-animate data-background-size="contain" id="Plan_2" class="dark wide" -->\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value.options).toEqual({
      backgroundColor: "#000",
      transition: "zoom",
      timing: 30,
      id: "Plan_2",
      classes: ["dark", "wide"],
      attributes: { "data-auto-animate": "", "data-background-size": "contain" },
    });
    expect(value.attributePositions["data-background-size"]).toMatchObject({
      line: 2,
      column: 101,
    });
    expect(parse('## T <!-- .slide: data-background="img/bg.png" -->\n').value.options).toEqual({
      backgroundImage: "img/bg.png",
    });
    expect(
      parse('## T\n<!-- .slide: data-transition="slide-in fade-out" -->\n').value.options,
    ).toEqual({ attributes: { "data-transition": "slide-in fade-out" } });
  });

  test("never lets a handler or a script URL through", () => {
    const { value, diagnostics } = parse(
      '## T\n<!-- .slide: onclick="alert(1)" data-background-iframe="javascript:alert(1)" data-state="ok" -->\n',
    );
    expect(diagnostics.map((d) => [d.column, d.code])).toEqual([
      [14, "unsafe-attribute"],
      [33, "unsafe-attribute"],
    ]);
    expect(value.options).toEqual({ attributes: { "data-state": "ok" } });
  });
});

describe("background and step options", () => {
  test("size, place and dim a background image, and make a slide's lists incremental", () => {
    const { value, diagnostics } = parse(
      '## T\n<!-- .slide: background=photo.jpg backgroundSize=contain backgroundPosition="top right" backgroundOpacity=0.3 incremental=true -->\n',
    );
    expect(diagnostics).toEqual([]);
    expect(value.options).toEqual({
      backgroundImage: "photo.jpg",
      incremental: true,
      attributes: {
        "data-background-size": "contain",
        "data-background-position": "top right",
        "data-background-opacity": "0.3",
      },
    });
  });

  test("say what is wrong with a bad size, position, opacity or switch", () => {
    const { diagnostics } = parse(
      "## T\n<!-- .slide: backgroundSize=huge backgroundPosition=middle backgroundOpacity=2 incremental=yes -->\n",
    );
    expect(diagnostics.map((d) => [d.column, d.code])).toEqual([
      [14, "invalid-option"],
      [34, "invalid-option"],
      [60, "invalid-option"],
      [80, "invalid-option"],
    ]);
  });
});

describe("parseDuration", () => {
  test.each([
    ["90", 90],
    ["90s", 90],
    ["2m", 120],
    ["1m30s", 90],
    ["0", undefined],
    ["soon", undefined],
    ["", undefined],
  ])("%s → %s", (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });
});
