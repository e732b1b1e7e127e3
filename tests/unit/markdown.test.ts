import { describe, expect, test } from "vitest";
import { assetPlaceholder } from "../../src/deck/asset-placeholder.ts";
import { isLocalPath } from "../../src/deck/local-path.ts";
import { renderMarkdown } from "../../src/deck/markdown.ts";
import { createLineIndex } from "../../src/deck/position.ts";
import type { References } from "../../src/deck/token-context.ts";

function render(text: string, references: References = { assets: [], links: [], charts: 0 }) {
  return renderMarkdown(text, 0, createLineIndex("s.md", text), references);
}

describe("renderMarkdown", () => {
  test("renders Markdown to HTML", () => {
    expect(render("## Title\n\n- **one**\n- two\n").value).toBe(
      "<h2>Title</h2>\n<ul>\n<li><strong>one</strong></li>\n<li>two</li>\n</ul>\n",
    );
  });

  test("highlights code at build time with highlight.js classes", () => {
    const { value, diagnostics } = render(
      "```rust\nfn main() { let x: Option<u8> = None; }\n```\n",
    );
    expect(value).toContain('<code class="hljs language-rust">');
    expect(value).toContain('<span class="hljs-keyword">fn</span>');
    expect(value).toContain(
      '<span class="hljs-type">Option</span>&lt;<span class="hljs-type">u8</span>&gt;',
    );
    expect(diagnostics).toEqual([]);
  });

  test("highlights Go, YAML and shell fences, and aliases such as rs and sh", () => {
    for (const language of ["go", "yaml", "bash", "rs", "sh", "toml", "dockerfile"]) {
      expect(render(`\`\`\`${language}\nx: "y"\n\`\`\`\n`).diagnostics).toEqual([]);
    }
  });

  test("falls back to escaped plain text with a warning for an unknown language", () => {
    const { value, diagnostics } = render("## T\n\ntext\n\n```klingon\n<b>qapla'</b>\n```\n");
    expect(value).toContain("&lt;b&gt;qapla&#39;&lt;/b&gt;");
    expect(value).not.toContain("<b>");
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 5,
        column: 1,
        severity: "warning",
        code: "unknown-language",
      }),
    ]);
  });

  test("finds the line of a code fence nested in a list", () => {
    const text = "- item\n\n  ```nope\n  x\n  ```\n";
    expect(render(text).diagnostics[0]).toMatchObject({ code: "unknown-language", line: 3 });
  });

  test("turns local image paths into asset placeholders and records where they are", () => {
    const references: References = { assets: [], links: [], charts: 0 };
    const { value } = render(
      "text\n\n![A chart](img/chart.png) ![Logo](https://x.test/l.png)\n",
      references,
    );
    const { assets } = references;
    expect(value).toContain(`<img src="${assetPlaceholder(0)}" alt="A chart">`);
    expect(value).toContain('src="https://x.test/l.png"');
    expect(assets).toEqual([
      { ref: "img/chart.png", position: { file: "s.md", line: 3, column: 1 } },
    ]);
  });

  test("warns about an image without alt text, at its position", () => {
    expect(render("## T\n\nSee ![](img/x.png)\n").diagnostics).toEqual([
      expect.objectContaining({ line: 3, column: 5, severity: "warning", code: "missing-alt" }),
    ]);
  });

  test("collects links to slides with their positions", () => {
    const references: References = { assets: [], links: [], charts: 0 };
    render("## T\n\n[a](#/smaller-images) [b](https://x.test) [c](#/3)\n", references);
    expect(references.links).toEqual([
      { target: "smaller-images", position: { file: "s.md", line: 3, column: 1 } },
      { target: "3", position: { file: "s.md", line: 3, column: 43 } },
    ]);
  });

  test("keeps raw HTML the author wrote (the built deck's CSP stops scripts in it)", () => {
    expect(render('<div class="two">x</div>\n').value).toContain('<div class="two">x</div>');
  });
});

describe("isLocalPath", () => {
  test.each([
    ["img/a.png", true],
    ["./a.svg", true],
    ["https://example.com/a.png", false],
    ["data:image/png;base64,AA", false],
    ["//cdn.test/a.png", false],
    ["#/smaller-images", false],
  ])("%s → %s", (href, local) => {
    expect(isLocalPath(href)).toBe(local);
  });
});
