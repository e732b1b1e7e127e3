import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../../src/deck/markdown.ts";
import { hasMath } from "../../src/deck/math.ts";
import { createLineIndex } from "../../src/deck/position.ts";
import { classesIn, mathStylesheet } from "../../src/vite/math-styles.ts";

const render = (text: string) =>
  renderMarkdown(text, 0, createLineIndex("s.md", text), { assets: [], links: [], charts: 0 });

describe("math ($…$ and $$…$$), rendered at build time by KaTeX", () => {
  test("inline and displayed formulas become KaTeX's HTML, with MathML for screen readers", () => {
    const { value, diagnostics } = render("Euler: $e^{i\\pi} + 1 = 0$.\n\n$$\n\\frac{1}{3}\n$$\n");
    expect(diagnostics).toEqual([]);
    expect(value).toMatch(/<p>Euler: <span class="katex">.*<\/span>\.<\/p>/s);
    expect(value).toContain('<span class="katex-display">');
    expect(value).toContain('<annotation encoding="application/x-tex">\\frac{1}{3}</annotation>');
    expect(value).not.toContain("$");
    expect(hasMath(value)).toBe(true);
  });

  test("leaves prices, escaped dollars and code alone", () => {
    const { value } = render("It costs $5 and $10. A \\$ sign. `$x$` in code.\n");
    expect(hasMath(value)).toBe(false);
    expect(value).toContain("It costs $5 and $10. A $ sign. <code>$x$</code> in code.");
  });

  test("reports a TeX error at the formula's place, instead of a red box", () => {
    const { value, diagnostics } = render("Text\n\nBroken: $\\frac{1}{$ here.\n");
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 3, severity: "error", code: "invalid-math" }),
    ]);
    expect(diagnostics[0]?.column).toBeGreaterThanOrEqual(9);
    expect(value).toContain('<code class="math-error">');
    expect(value).not.toContain("katex-error");
  });

  test("names an unknown command plainly, without KaTeX's combining underlines", () => {
    const { diagnostics } = render("Broken: $\\notacommand$ here.\n");
    expect(diagnostics[0]?.message).toContain("Undefined control sequence: \\notacommand");
    expect(diagnostics[0]?.message).not.toMatch(/\u0332/);
  });

  test("bundles only the KaTeX fonts the formulas use, as woff2", () => {
    const css =
      '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff")}' +
      '@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2"),url(fonts/KaTeX_Main-Regular.ttf) format("truetype")}' +
      '@font-face{font-family:KaTeX_Math;src:url(fonts/KaTeX_Math-Italic.woff2) format("woff2")}' +
      ".katex{font:normal 1.21em KaTeX_Main}.katex .amsrm{font-family:KaTeX_AMS}.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}";
    const sheet = mathStylesheet(
      css,
      classesIn('<span class="katex"><span class="mord mathnormal">x</span></span>'),
    );
    expect(sheet).toContain('src:url("katex/dist/fonts/KaTeX_Main-Regular.woff2") format("woff2")');
    expect(sheet).toContain("KaTeX_Math-Italic.woff2");
    expect(sheet).not.toContain("KaTeX_AMS-Regular");
    expect(sheet).not.toMatch(/\.woff"|\.ttf/);
    expect(sheet).toContain(".katex .amsrm{font-family:KaTeX_AMS}");
  });
});
