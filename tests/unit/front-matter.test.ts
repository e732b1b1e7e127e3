import { describe, expect, test } from "vitest";
import { splitFrontMatter } from "../../src/deck/front-matter.ts";

const split = (text: string) => splitFrontMatter({ path: "slides/talk.md", text });

describe("splitFrontMatter", () => {
  test("finds reveal-md's YAML block at the top, keeping the file's lines and columns", () => {
    const text = "---\ntitle: Foobar\nseparator: <!--s-->\n---\n\nFoo\n";
    const { yaml, bodyOffset } = split(text);
    expect(text.slice(bodyOffset)).toBe("\n\nFoo\n");
    expect(yaml?.split("\n")).toEqual(["   ", "title: Foobar", "separator: <!--s-->"]);
  });

  test("leaves a rule or a setext heading at the top alone: front matter starts with a key", () => {
    expect(split("---\nA heading\n---\n").bodyOffset).toBe(0);
    expect(split("# Title\n---\ntitle: x\n---\n").bodyOffset).toBe(0);
    expect(split("---\n\n## Slide\n").yaml).toBeUndefined();
  });
});
