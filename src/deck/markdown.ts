import { Lexer, Marked, type Token, type Tokens } from "marked";
import { assetPlaceholder } from "./asset-placeholder.ts";
import { parseChart, renderChart } from "./chart.ts";
import {
  type PreparedCode,
  parseFenceInfo,
  readFenceSteps,
  renderCodeFence,
} from "./code-fence.ts";
import { diagnosticAt } from "./diagnostics.ts";
import { applyElementAttributes } from "./element-attributes.ts";
import { isKnownLanguage } from "./highlight.ts";
import { type HtmlReference, htmlReferences, isFramedPage } from "./html-assets.ts";
import { isLocalPath } from "./local-path.ts";
import type { AssetReference, Diagnostic, Result, SourcePosition } from "./model.ts";
import type { LineIndex } from "./position.ts";

const marked = new Marked({
  gfm: true,
  renderer: {
    code: (token) => renderCodeFence(token as PreparedCode),
  },
});

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
  const elementComments: SourcePosition[] = [];
  const tokens = Lexer.lex(text, { gfm: true });
  walkWithOffsets(tokens, text, 0, (token, at) => {
    const position = () => lines.positionAt(offset + at);
    if (token.type === "code") {
      const code = token as PreparedCode;
      const info = parseFenceInfo(code.lang ?? "");
      const { language } = info;
      if (language === "chart") {
        const first = lines.positionAt(offset + at);
        const chart = parseChart(code.text, { ...first, line: first.line + 1 });
        diagnostics.push(...chart.diagnostics);
        code.deckHtml = renderChart(chart.value, `chart-${first.line}-${references.charts++}`);
        return;
      }
      const steps = readFenceSteps(info, code.text.split("\n").length);
      if (steps.error) {
        diagnostics.push(diagnosticAt(position(), "error", "invalid-line-steps", steps.error));
      }
      if (steps.warning) {
        diagnostics.push(diagnosticAt(position(), "warning", "invalid-line-steps", steps.warning));
      }
      code.deckSteps = steps.steps;
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
      for (const comment of html.matchAll(ELEMENT_COMMENT)) {
        elementComments.push(lines.positionAt(offset + at + comment.index));
      }
      bundleHtmlFiles(token as Tokens.HTML, (reference) => {
        const where = lines.positionAt(offset + at + reference.index);
        if (isFramedPage(reference)) {
          diagnostics.push(
            diagnosticAt(
              where,
              "warning",
              "frame-not-bundled",
              `the page ${reference.ref} shown in a frame is not bundled (it has files of its own): copy it next to the built deck, or the frame stays empty`,
            ),
          );
          return undefined;
        }
        references.assets.push({ ref: reference.ref, position: where });
        return assetPlaceholder(references.assets.length - 1);
      });
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
  markBlankLinesBeforeComments(tokens);
  const html = marked.parser(tokens);
  if (elementComments.length === 0) return { value: html, diagnostics };
  const applied = applyElementAttributes(html, elementComments);
  return { value: applied.value, diagnostics: [...diagnostics, ...applied.diagnostics] };
}

// A comment that holds `.element`; one comment each, so each is found where it starts.
const ELEMENT_COMMENT = /<!--(?:(?!-->)[\s\S])*?\.element(?:(?!-->)[\s\S])*?-->/g;

// reveal.js's marked keeps blank lines in its HTML, and an `.element` comment after a list goes
// to the list's last item unless a blank line comes between; ours keeps them where that matters.
function markBlankLinesBeforeComments(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const before = tokens[index - 1];
    if (token.type === "html" && before?.type === "space" && /\.element/.test(token.raw)) {
      (token as Tokens.HTML).text = `${before.raw}${(token as Tokens.HTML).text}`;
    }
  });
}

// Local files in raw HTML become asset placeholders, like Markdown images.
function bundleHtmlFiles(
  token: Tokens.HTML,
  asset: (reference: HtmlReference) => string | undefined,
): void {
  const found = htmlReferences(token.raw).map((reference) => ({
    ...reference,
    placeholder: asset(reference),
  }));
  if (!found.some((reference) => reference.placeholder)) return;
  let text = token.raw;
  for (const { ref, index, placeholder } of found.reverse()) {
    if (placeholder)
      text = `${text.slice(0, index)}${placeholder}${text.slice(index + ref.length)}`;
  }
  token.text = text;
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
