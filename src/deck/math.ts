import { createRequire } from "node:module";
import type { RendererExtension, TokenizerExtension, Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { escapeHtml } from "./escape-html.ts";
import { blockStart, inlineStart } from "./extension-start.ts";
import type { TokenContext } from "./token-context.ts";

/** A formula as marked's lexer gives it; the walk renders it (see `renderFormula`). */
export interface MathToken extends Tokens.Generic {
  type: "math";
  /** The TeX between the dollars. */
  tex: string;
  /** `$$…$$`: a formula on a line of its own. */
  display: boolean;
  /** The formula as HTML, or undefined until the walk has rendered it. */
  deckHtml?: string;
}

// `$$` on its own lines, or `$$…$$` alone on a line: a displayed formula.
const BLOCK = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
// Pandoc's rules keep prices as text: `$` is followed by a non-space, the closing `$` follows a
// non-space and is not followed by a digit ("$5 and $10" is not math). A formula holds no
// backtick, so that code spans (`$x$`) stay code.
const INLINE_DISPLAY = /^\$\$((?:\\[\s\S]|[^$\\`])+?)\$\$/;
const INLINE = /^\$(?!\s)((?:\\[\s\S]|[^$\\\n`])*?[^\s\\`])\$(?!\d)/;

const token = (raw: string, tex: string, display: boolean): MathToken => ({
  type: "math",
  raw,
  tex: tex.trim(),
  display,
});

/** Displayed math, `$$ … $$`, as a marked block extension. */
export const mathBlockExtension: TokenizerExtension & RendererExtension = {
  name: "math",
  level: "block",
  start: (src) => blockStart(src, /^ {0,3}\$\$/m),
  tokenizer(src) {
    const match = BLOCK.exec(src);
    return match ? token(match[0], match[1] ?? "", true) : undefined;
  },
  renderer: (math) => `${(math as MathToken).deckHtml ?? ""}\n`,
};

/** Math in a line, `$x^2$` (or `$$…$$` inside a paragraph), as a marked inline extension. */
export const mathInlineExtension: TokenizerExtension & RendererExtension = {
  name: "mathInline",
  level: "inline",
  start: (src) => inlineStart(src, "$"),
  tokenizer(src) {
    const display = INLINE_DISPLAY.exec(src);
    if (display) return { ...token(display[0], display[1] ?? "", true), type: "mathInline" };
    const inline = INLINE.exec(src);
    return inline ? { ...token(inline[0], inline[1] ?? "", false), type: "mathInline" } : undefined;
  },
  renderer: (math) => (math as MathToken).deckHtml ?? "",
};

/** What rendering a formula gave: its HTML, or the TeX error and where in the formula it is. */
export type RenderedFormula = { html: string } | { error: string; index: number };

/**
 * Renders a formula with KaTeX at build time: HTML and CSS for the eye, MathML for screen
 * readers, no script in the browser. A TeX error is returned, not drawn as a red box.
 */
export function renderFormula(tex: string, display: boolean): RenderedFormula {
  const katex = loadKatex();
  try {
    return {
      html: katex.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        output: "htmlAndMathml",
        // No \href or \url to scripts, no \includegraphics from elsewhere.
        trust: false,
        strict: "ignore",
        maxExpand: 1000,
      }),
    };
  } catch (error) {
    if (error instanceof katex.ParseError) {
      const index = (error as { position?: number }).position ?? 0;
      return { error: error.message.replace(/^KaTeX parse error: /, ""), index };
    }
    throw error;
  }
}

/** True when rendered HTML has KaTeX's formulas, so that the deck loads KaTeX's stylesheet. */
export function hasMath(html: string): boolean {
  return html.includes('class="katex');
}

// KaTeX is loaded by the first formula: most decks have none, and loading it takes a command 25 ms.
let katexModule: typeof import("katex").default | undefined;
function loadKatex(): typeof import("katex").default {
  katexModule ??= createRequire(import.meta.url)("katex") as typeof import("katex").default;
  return katexModule;
}

/** Renders a formula token at build time; a TeX error is an error at the formula's place. */
export function prepareMath(math: MathToken, context: TokenContext): void {
  const rendered = renderFormula(math.tex, math.display);
  if ("html" in rendered) {
    math.deckHtml = rendered.html;
    return;
  }
  // The error's place in the formula, counted from the formula's start in the source.
  const start = math.raw.indexOf(math.tex);
  context.report(
    diagnosticAt(
      context.positionIn(Math.max(0, start) + rendered.index),
      "error",
      "invalid-math",
      // KaTeX underlines the culprit with combining low lines, which terminals garble.
      `this formula is not valid TeX: ${rendered.error.replaceAll("\u0332", "")}`,
    ),
  );
  math.deckHtml = `<code class="math-error">${escapeHtml(math.raw)}</code>`;
}
