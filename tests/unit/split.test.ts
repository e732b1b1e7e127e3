import { describe, expect, test } from "vitest";
import { splitSlides } from "../../src/deck/split.ts";

const split = (text: string) => splitSlides({ path: "slides/01-x.md", text });

describe("splitSlides", () => {
  test("starts a slide at every # and ## heading, keeping ### inside the slide", () => {
    const { value, diagnostics } = split(
      "# Title\n\nlede\n\n## One\n\n### Detail\n\ntext\n\n## Two\n",
    );
    expect(value.map((s) => [s.level, s.title])).toEqual([
      [1, "Title"],
      [2, "One"],
      [2, "Two"],
    ]);
    expect(value[1]?.text).toBe("## One\n\n### Detail\n\ntext\n\n");
    expect(diagnostics).toEqual([]);
  });

  test("covers the file exactly: the slides' texts put together are the file", () => {
    const text = "# A\n\nx\n## B\n```\n# not\n```\n# C\n\n- item\n";
    const { value } = split(text);
    expect(value.map((s) => s.text).join("")).toBe(text);
    expect(value.map((s) => s.text.slice(0, s.text.indexOf("\n")))).toEqual(["# A", "## B", "# C"]);
  });

  test("does not split at headings inside fenced code, block quotes, lists or HTML blocks", () => {
    const text = [
      "## Real",
      "",
      "```md",
      "# fenced",
      "```",
      "",
      "~~~",
      "## tilde fenced",
      "~~~",
      "",
      "> # quoted",
      "",
      "- # in a list",
      "",
      "<div>",
      "# html line",
      "</div>",
      "",
    ].join("\n");
    expect(split(text).value.map((s) => s.title)).toEqual(["Real"]);
  });

  test("splits at setext headings too, since Markdown says they are headings", () => {
    expect(split("Title\n=====\n\nSub\n---\n").value.map((s) => [s.level, s.title])).toEqual([
      [1, "Title"],
      [2, "Sub"],
    ]);
  });

  test("takes the title's text without Markdown", () => {
    expect(split("## **Bold** and `code` & [link](#/x)\n").value[0]?.title).toBe(
      "Bold and code & link",
    );
    expect(split("# That's why.\n").value[0]?.title).toBe("That's why.");
  });

  test("records where each slide starts", () => {
    expect(split("# A\n\ntext\n\n## B\n").value.map((s) => s.offset)).toEqual([0, 11]);
  });

  test("reports text before the first heading as an error at its line", () => {
    const { diagnostics } = split("\n\nstray words\n\n# A\n");
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 3,
        column: 1,
        severity: "error",
        code: "content-before-heading",
      }),
    ]);
  });

  test("reports a file without any heading, and warns about an empty file", () => {
    expect(split("just text\n").diagnostics[0]).toMatchObject({ code: "no-heading", line: 1 });
    expect(split("   \n").diagnostics[0]).toMatchObject({
      code: "empty-file",
      severity: "warning",
    });
    expect(split("#\n").diagnostics[0]).toMatchObject({ code: "empty-title", severity: "error" });
  });
});
