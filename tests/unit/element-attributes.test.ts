import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../../src/deck/markdown.ts";
import { createLineIndex } from "../../src/deck/position.ts";

const render = (text: string) =>
  renderMarkdown(text, 0, createLineIndex("s.md", text), { assets: [], links: [], charts: 0 });

describe("<!-- .element: --> comments (reveal.js's element attributes)", () => {
  test("go on the element before them, in a list item, a paragraph or an image", () => {
    const { value, diagnostics } = render(
      [
        '- one <!-- .element: class="fragment" data-fragment-index="2" -->',
        "- two",
        "",
        'A paragraph <!-- .element class="fragment fade-up" -->',
        "",
        '![A square](sq.svg) <!-- .element: class="r-stretch" -->',
        "",
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(value).toContain('<li class="fragment" data-fragment-index="2">one </li>');
    expect(value).toContain('<p class="fragment fade-up">A paragraph </p>');
    expect(value).toMatch(/<img src="[^"]+" alt="A square" class="r-stretch">/);
    expect(value).not.toContain(".element");
  });

  test("after a list go to its last item, unless a blank line comes between", () => {
    const last = render('- a\n- b\n<!-- .element: class="fragment" -->\n').value;
    expect(last).toContain('<li class="fragment">b</li>');
    const whole = render('Text\n\n- a\n- b\n\n\n<!-- .element: class="fragment" -->\n').value;
    expect(whole).toContain('<ul class="fragment">');
  });

  test("skip a line break to the element before it, and set data- attributes without a value", () => {
    const { value } = render('**bold**<br><!-- .element: data-id="x" data-autoplay -->\n');
    expect(value).toContain('<strong data-id="x" data-autoplay="">bold</strong>');
  });

  test("never set a handler or a script URL, and say so where the comment is", () => {
    const { value, diagnostics } = render(
      'Line one\n\n[a link](x.html) <!-- .element: onclick="steal()" href="javascript:alert(1)" class="ok" -->\n',
    );
    expect(value).toContain('class="ok"');
    expect(value).not.toMatch(/onclick|javascript:/);
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
      [3, 18, "unsafe-attribute"],
      [3, 18, "unsafe-attribute"],
    ]);
  });

  test("inside code are code", () => {
    const { value } = render('```html\n<p>x</p> <!-- .element: class="fragment" -->\n```\n');
    expect(value).toContain("&lt;!-- .element: class=&quot;fragment&quot; --&gt;");
  });
});
