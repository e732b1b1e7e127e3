import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { highlightCode } from "../../src/deck/highlight.ts";

/**
 * Hostile input stays bounded: each case builds, or fails with a diagnostic, instead of hanging or
 * crashing. The bound is the test's timeout (README: about 3 s on the 2-core CI machine for the
 * largest, 10 MB; the others take milliseconds).
 */
const BOUND_MS = 30_000;

const build = (text: string) =>
  buildDeck({ slidesDir: "s", files: [{ path: "s/a.md", text }], themes: ["default"] });

describe("hostile Markdown", () => {
  test("5,000 nested block quotes fail with a diagnostic at their line", () => {
    const { value, diagnostics } = build(`# A\n\n${"> ".repeat(5000)}x\n`);
    expect(value.slides).toEqual([]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ line: 3, severity: "error", code: "too-deeply-nested" }),
    );
  });

  test("5,000 nested lists fail with a diagnostic at the first line too deep", () => {
    const lists = Array.from({ length: 5000 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n");
    const { diagnostics } = build(`# A\n\n${lists}\n`);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ line: 104, severity: "error", code: "too-deeply-nested" }),
    );
  });

  test("nesting up to the limit still builds", () => {
    const { value, diagnostics } = build(`# A\n\n${"> ".repeat(100)}x\n`);
    expect(diagnostics).toEqual([]);
    expect(value.slides[0]?.html.match(/<blockquote>/g)).toHaveLength(100);
  });

  test(
    "a 10 MB slide file builds",
    () => {
      const slide = `## Slide\n\n${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20)}\n\nNote:\nSay it.\n\n`;
      const text = slide.repeat(9000);
      expect(text.length).toBeGreaterThan(10_000_000);
      const { value } = build(text);
      expect(value.slides).toHaveLength(9000);
    },
    BOUND_MS,
  );

  test("a deck of 2,000 slide files builds", () => {
    const files = Array.from({ length: 2000 }, (_, i) => ({
      path: `s/${i + 1}.md`,
      text: `## Slide ${i + 1}\n\nText.\n\nNote:\nSay ${i + 1}.\n`,
    }));
    const { value, diagnostics } = buildDeck({ slidesDir: "s", files, themes: ["default"] });
    expect(diagnostics).toEqual([]);
    expect(value.slides.map((s) => s.id).slice(0, 2)).toEqual(["slide-1", "slide-2"]);
    expect(value.slides.at(-1)?.id).toBe("slide-2000");
  });

  // Inputs of the shapes of marked's ReDoS advisories (link definitions, reference links,
  // emphasis, autolinks, tables), 50,000 characters each.
  const n = 50_000;
  test.each([
    ["link definition with spaces (CVE-2022-21680)", `[x]:${" ".repeat(n)}x ${" ".repeat(n)} x`],
    ["reference links (CVE-2022-21681)", `[x]: x\n\n${"\\[\\](\\[\\](".repeat(n / 10)}`],
    ["emphasis runs", `${"*a".repeat(n / 2)}`],
    ["underscores", `${"_".repeat(n)}a`],
    ["autolink backtracking", `www.${"a.".repeat(n / 2)}`],
    ["angle brackets", `${"<".repeat(n)}a`],
    ["table pipes", `| a |\n| - |\n| ${"| ".repeat(n / 2)}`],
    ["backticks", `${"`".repeat(n)}a`],
  ])(
    "%s stays bounded",
    (_name, markdown) => {
      const { value } = build(`## Probe\n\n${markdown}\n`);
      expect(value.slides).toHaveLength(1);
    },
    BOUND_MS,
  );
});

describe("hostile code for highlight.js", () => {
  const n = 20_000;
  test.each([
    ["rust", `r#"${"#".repeat(n)}`],
    ["rust", `'${"\\'".repeat(n)}`],
    ["go", `/*${"*".repeat(n)}`],
    ["yaml", `${"- ".repeat(n)}a: "${"\\\\".repeat(n)}`],
    ["bash", `$(${"$(".repeat(n)}`],
    ["json", `${"[".repeat(n)}`],
    ["dockerfile", `RUN ${"\\\n".repeat(n)}`],
    ["typescript", `${"<".repeat(n)}a`],
  ])(
    "%s stays bounded",
    (language, code) => {
      expect(typeof highlightCode(code, language)).toBe("string");
    },
    BOUND_MS,
  );
});
