import { describe, expect, test } from "vitest";
import { extractNotes } from "../../src/deck/notes.ts";
import { createLineIndex } from "../../src/deck/position.ts";

const extract = (text: string) => extractNotes(text, 0, createLineIndex("s.md", text));

describe("extractNotes", () => {
  test("cuts the slide at the Note: line; everything after it is notes", () => {
    const { value, diagnostics } = extract("## T\n\nBody\n\nNote:\nSay **this**.\n\n- and this\n");
    expect(value.body).toBe("## T\n\nBody\n\n");
    expect(value.notes).toBe("\nSay **this**.\n\n- and this\n");
    expect(diagnostics).toEqual([]);
  });

  test("accepts the reveal.js spellings: Notes:, note:, text on the same line", () => {
    expect(extract("## T\nnotes: inline words\n").value.notes).toBe("inline words\n");
    expect(extract("## T\n\nNOTE: x\n").value.notes).toBe("x\n");
  });

  test("finds a Note: line that continues a paragraph", () => {
    expect(extract("## T\nbody line\nNote: notes\n").value).toMatchObject({
      body: "## T\nbody line\n",
      notes: "notes\n",
    });
  });

  test("leaves Note: inside code, quotes and lists as slide content", () => {
    const text = "## T\n\n```\nNote: code\n```\n\n> Note: quoted\n\n- Note: listed\n";
    expect(extract(text).value).toEqual({ body: text, notes: "", notesOffset: text.length });
  });

  test("warns about a second Note: line and keeps it as notes text", () => {
    const { value, diagnostics } = extract("## T\n\nNote: one\n\nNote: two\n");
    expect(value.notes).toBe("one\n\nNote: two\n");
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 5, column: 1, code: "duplicate-notes-marker" }),
    ]);
  });
});
