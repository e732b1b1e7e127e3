import { describe, expect, test } from "vitest";
import { decodeSource } from "../../src/deck/source.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("decodeSource", () => {
  test("drops a byte-order mark and turns CRLF into LF", () => {
    const { value, diagnostics } = decodeSource("a.md", bytes("\uFEFF# A\r\n\r\ntext\r\n"));
    expect(value?.text).toBe("# A\n\ntext\n");
    expect(diagnostics).toEqual([]);
  });

  test("warns about mixed line endings", () => {
    const { value, diagnostics } = decodeSource("a.md", bytes("# A\r\ntext\n"));
    expect(value?.text).toBe("# A\ntext\n");
    expect(diagnostics[0]).toMatchObject({ code: "mixed-line-endings", severity: "warning" });
  });

  test("reports invalid UTF-8 at the line and column of the bad byte", () => {
    const data = new Uint8Array([...bytes("# A\nab"), 0xff, ...bytes("c\n")]);
    expect(decodeSource("a.md", data)).toEqual({
      value: undefined,
      diagnostics: [
        expect.objectContaining({ file: "a.md", line: 2, column: 3, code: "invalid-utf8" }),
      ],
    });
  });
});
