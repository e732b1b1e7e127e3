import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { earlyPaintScript, paintsWithoutScript } from "../../src/vite/early-paint.ts";

const deckOf = (text: string) =>
  buildDeck({ slidesDir: "s", files: [{ path: "s/a.md", text }], themes: ["default"] }).value;

describe("paintsWithoutScript", () => {
  test("a first slide of text, lists, code and math needs no script to look right", () => {
    const plain = [
      "# Talk\n\nBy me\n\n## Next\n",
      "# Talk\n\n- one\n- two\n\n```rust\nfn main() {}\n```\n",
      "# Talk\n\n$$e^{i\\pi} = -1$$\n",
      "# Talk\n\nNote:\nThe `<video>` tag, in a sentence of the notes.\n",
    ];
    for (const text of plain) expect(paintsWithoutScript(deckOf(text)), text).toBe(true);
  });

  test("a first slide that a script finishes waits for reveal.js", () => {
    const scripted = [
      '# Talk\n<!-- .slide: data-background-color="#123456" -->\n',
      "# Talk\n<!-- .slide: background=bg.png -->\n",
      "# Talk\n\n![Logo](logo.png)\n",
      "# Talk\n\n```rust {1|2}\nlet a = 1;\nlet b = 2;\n```\n",
      '# Talk\n\n<p class="r-fit-text">Big</p>\n',
      '# Talk\n\n<img class="r-stretch" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">\n',
      '# Talk\n\n<iframe src="other.html"></iframe>\n',
      '# Talk\n<!-- .slide: data-state="intro" -->\n',
    ];
    for (const text of scripted) expect(paintsWithoutScript(deckOf(text)), text).toBe(false);
    // The first slide on top of a vertical stack.
    const stacked = buildDeck({
      slidesDir: "s",
      files: [{ path: "s/a.md", text: "# Talk\n\n--\n\n## Below\n" }],
      settingsFile: {
        path: "s/deck.yaml",
        text: "separator: '^---$'\nverticalSeparator: '^--$'\n",
      },
      themes: ["default"],
    }).value;
    expect(stacked.slides[1]?.below).toBe(true);
    expect(paintsWithoutScript(stacked)).toBe(false);
  });
});

describe("earlyPaintScript", () => {
  test("is a script the browser can run, laid out for the deck's slide size", () => {
    const script = earlyPaintScript({ width: 1024, height: 768 });
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('style.width = "1024px"');
    expect(script).toContain("(768 - first.scrollHeight) / 2");
  });
});
