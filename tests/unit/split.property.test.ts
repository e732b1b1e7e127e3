import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { splitSlides } from "../../src/deck/split.ts";

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));

/** A Markdown block and whether it starts a slide (a top-level # or ## heading). */
interface Block {
  text: string;
  splits: boolean;
  title?: string;
}

const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), words).map(
  ([level, title]): Block => ({
    text: `${"#".repeat(level)} ${title}`,
    splits: level <= 2,
    title,
  }),
);
const paragraph = words.map((text): Block => ({ text, splits: false }));
const fenced = fc
  .tuple(fc.constantFrom("```", "~~~", "````"), fc.array(words, { maxLength: 3 }))
  .map(
    ([fence, lines]): Block => ({
      text: [fence, "# not a slide", ...lines, "## nor this", fence].join("\n"),
      splits: false,
    }),
  );
const quote = words.map((text): Block => ({ text: `> # quoted\n> ${text}`, splits: false }));
const list = words.map(
  (text): Block => ({ text: `- ${text}\n\n  ## in a list item\n- more`, splits: false }),
);
const notes = words.map((text): Block => ({ text: `Note:\n${text}`, splits: false }));
const block = fc.oneof(heading, heading, paragraph, fenced, quote, list, notes);

const document = fc
  .tuple(
    fc
      .constantFrom(1, 2)
      .chain((level) =>
        words.map(
          (title): Block => ({ text: `${"#".repeat(level)} ${title}`, splits: true, title }),
        ),
      ),
    fc.array(block, { maxLength: 25 }),
    fc.constantFrom("\n\n", "\n\n\n"),
  )
  .map(([first, rest, gap]) => ({
    blocks: [first, ...rest],
    text: `${[first, ...rest].map((b) => b.text).join(gap)}\n`,
  }));

describe("splitSlides (property-based)", () => {
  test("covers the input exactly: nothing lost, nothing duplicated", () => {
    fc.assert(
      fc.property(document, ({ text }) => {
        const { value } = splitSlides({ path: "p.md", text });
        expect(value.map((slide) => slide.text).join("")).toBe(text);
        for (const slide of value) expect(slide.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  test("makes one slide per top-level # or ## heading, titled by it, in order", () => {
    fc.assert(
      fc.property(document, ({ blocks, text }) => {
        const { value, diagnostics } = splitSlides({ path: "p.md", text });
        const expected = blocks.filter((b) => b.splits).map((b) => b.title);
        expect(value.map((slide) => slide.title)).toEqual(expected);
        expect(diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
