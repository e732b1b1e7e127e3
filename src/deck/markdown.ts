import { Lexer, Marked, type Token, type Tokens } from "marked";
import { assetPlaceholder } from "./asset-placeholder.ts";
import { parseChart, renderChart } from "./chart.ts";
import { diagnosticAt } from "./diagnostics.ts";
import { highlightCode, isKnownLanguage } from "./highlight.ts";
import { parseLineSteps, splitHighlightedLines } from "./line-steps.ts";
import type { AssetReference, Diagnostic, Result, SourcePosition } from "./model.ts";
import type { LineIndex } from "./position.ts";

/** A code token with what the walk prepared for the renderer: a chart, or line steps. */
type PreparedCode = Tokens.Code & { deckHtml?: string; deckSteps?: number[][] };

const marked = new Marked({
  gfm: true,
  renderer: {
    code(token) {
      const prepared = token as PreparedCode;
      if (prepared.deckHtml !== undefined) return `${prepared.deckHtml}\n`;
      const { language } = parseFenceInfo(token.lang ?? "");
      const highlighted = language ? highlightCode(token.text, language) : undefined;
      const html = highlighted ?? escapeHtml(token.text);
      const classes = language ? `hljs language-${escapeHtml(language)}` : "hljs";
      const steps = prepared.deckSteps;
      if (!steps || steps.length === 0)
        return `<pre><code class="${classes}">${html}\n</code></pre>\n`;
      const lines = splitHighlightedLines(html)
        .map((line, index) => `<span class="code-line" data-line="${index + 1}">${line}</span>`)
        .join("\n");
      // One empty fragment per step after the first: reveal.js steps through them.
      const fragments = '<span class="fragment code-step" aria-hidden="true"></span>'.repeat(
        steps.length - 1,
      );
      return `<pre class="code-steps"><code class="${classes}" data-line-steps="${escapeHtml(JSON.stringify(steps))}">${lines}\n</code>${fragments}</pre>\n`;
    },
  },
});

/** A fence's info string: the language, then `{1|3-4}` line steps if any. */
export function parseFenceInfo(info: string): { language: string; steps: string | undefined } {
  const language = info.trim().split(/\s+/)[0] ?? "";
  const steps = /\{([^}]*)\}/.exec(info)?.[1];
  return { language: language.startsWith("{") ? "" : language, steps };
}

/** A link to another slide (`[see](#/smaller-images)`), checked once every slide has its id. */
export interface SlideLink {
  /** The slide id or number after `#/`. */
  target: string;
  position: SourcePosition;
}

/** What rendering found that the deck as a whole resolves: local files and links to slides. */
export interface References {
  assets: AssetReference[];
  links: SlideLink[];
  /** Charts rendered so far, to give each SVG unique ids. */
  charts: number;
}

/**
 * Renders Markdown to HTML at build time. Code is highlighted (unknown languages fall back to plain
 * text with a warning); relative image paths become asset placeholders appended to
 * `references.assets`; links to slides are collected; images without alt text are warned about.
 */
export function renderMarkdown(
  text: string,
  offset: number,
  lines: LineIndex,
  references: References,
): Result<string> {
  const diagnostics: Diagnostic[] = [];
  const tokens = Lexer.lex(text, { gfm: true });
  walkWithOffsets(tokens, text, 0, (token, at) => {
    const position = () => lines.positionAt(offset + at);
    if (token.type === "code") {
      const code = token as PreparedCode;
      const { language, steps } = parseFenceInfo(code.lang ?? "");
      if (language === "chart") {
        const first = lines.positionAt(offset + at);
        const chart = parseChart(code.text, { ...first, line: first.line + 1 });
        diagnostics.push(...chart.diagnostics);
        code.deckHtml = renderChart(chart.value, `chart-${first.line}-${references.charts++}`);
        return;
      }
      if (steps !== undefined) {
        const parsed = parseLineSteps(steps, code.text.split("\n").length);
        if (typeof parsed === "string") {
          diagnostics.push(diagnosticAt(position(), "error", "invalid-line-steps", parsed));
        } else {
          code.deckSteps = parsed;
        }
      }
      if (language && !isKnownLanguage(language)) {
        diagnostics.push(
          diagnosticAt(
            position(),
            "warning",
            "unknown-language",
            `no highlighting for fence language \`${language}\`; the code is shown as plain text`,
          ),
        );
      }
    } else if (token.type === "image") {
      const image = token as Tokens.Image;
      if (image.text.trim() === "") {
        diagnostics.push(
          diagnosticAt(
            position(),
            "warning",
            "missing-alt",
            `image ${image.href} has no alt text; describe it for people who cannot see it: ![what it shows](${image.href})`,
          ),
        );
      }
      if (isLocalPath(image.href)) {
        references.assets.push({ ref: image.href, position: position() });
        image.href = assetPlaceholder(references.assets.length - 1);
      }
    } else if (token.type === "html") {
      const html = (token as Tokens.HTML).raw;
      if (/<script\b/i.test(html)) {
        diagnostics.push(
          diagnosticAt(
            position(),
            "warning",
            "script-in-slide",
            "a <script> in a slide never runs: the deck's Content-Security-Policy blocks it",
          ),
        );
      }
      if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) {
        diagnostics.push(
          diagnosticAt(
            position(),
            "warning",
            "inline-handler",
            "an on…= event handler in a slide never runs: the deck's Content-Security-Policy blocks it",
          ),
        );
      }
    } else if (token.type === "link") {
      const link = token as Tokens.Link;
      const target = /^#\/([^/?#]*)/.exec(link.href)?.[1];
      if (target !== undefined) references.links.push({ target, position: position() });
    }
  });
  return { value: marked.parser(tokens), diagnostics };
}

/** True for a path inside the deck (`img/chart.png`), false for URLs, anchors and data URIs. */
export function isLocalPath(href: string): boolean {
  return href !== "" && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href);
}

// marked gives exact offsets only for top-level tokens; a child's offset is found by searching
// for its raw text inside its parent, moving forward so repeated text maps in order.
function walkWithOffsets(
  tokens: readonly Token[],
  source: string,
  start: number,
  visit: (token: Token, offset: number) => void,
): void {
  let cursor = start;
  for (const token of tokens) {
    const found = source.indexOf(token.raw, cursor);
    const at = found >= 0 ? found : cursor;
    visit(token, at);
    const children: Token[] = [];
    if ("tokens" in token && token.tokens) children.push(...token.tokens);
    if (token.type === "list") children.push(...(token as Tokens.List).items);
    if (token.type === "table") {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
    }
    if (children.length > 0) walkWithOffsets(children, source, at, visit);
    if (found >= 0) cursor = found + token.raw.length;
  }
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
