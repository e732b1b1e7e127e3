import type { Tokens } from "marked";
import { parseChart, renderChart } from "./chart.ts";
import { diagnosticAt } from "./diagnostics.ts";
import { escapeHtml } from "./escape-html.ts";
import { highlightCode, isKnownLanguage } from "./highlight.ts";
import { parseLineSteps, splitHighlightedLines } from "./line-steps.ts";
import type { TokenContext } from "./token-context.ts";

/** What a fence's info string asks for. */
export interface FenceInfo {
  language: string;
  /** The line steps as written: `1|3-4` from `{1|3-4}` or from reveal.js's `[1|3-4]`. */
  steps: string | undefined;
  /** reveal.js's `[…]` form shows line numbers, starting at `startFrom`. */
  lineNumbers: boolean;
  startFrom: number;
}

// reveal.js's markdown plugin: `[2-3|4]`, `[712: 1-2|3]`, `[|10-27]`, `[]`.
const REVEAL_LINES = /\[\s*(?:(\d*):)?\s*([\s\d,|-]*)\]/;

/** Reads a fence's info string: the language, then `{1|3-4}` or reveal.js's `[1|3-4]` steps. */
export function parseFenceInfo(info: string): FenceInfo {
  const reveal = REVEAL_LINES.exec(info);
  const rest = reveal ? info.replace(REVEAL_LINES, " ") : info;
  const first = rest.trim().split(/\s+/)[0] ?? "";
  const language = first.startsWith("{") ? "" : first;
  if (reveal) {
    const steps = (reveal[2] ?? "").replace(/\s/g, "");
    return {
      language,
      steps: steps === "" ? undefined : steps,
      lineNumbers: true,
      startFrom: Number(reveal[1]) || 1,
    };
  }
  return { language, steps: /\{([^}]*)\}/.exec(info)?.[1], lineNumbers: false, startFrom: 1 };
}

/** A fence's line steps, and what is wrong with them: an error, or (reveal.js's form) a warning. */
export interface FenceSteps {
  steps: number[][];
  error?: string;
  warning?: string;
}

/**
 * Reads a fence's steps. reveal.js's form lets a step be empty (no line highlighted) and, as
 * reveal.js does, ignores lines past the end of the code, with a warning here; ours is strict.
 */
export function readFenceSteps(info: FenceInfo, lineCount: number): FenceSteps {
  if (info.steps === undefined) return { steps: [] };
  let spec = info.steps;
  let warning: string | undefined;
  if (info.lineNumbers) {
    const past = [...spec.matchAll(/\d+/g)].map(Number).filter((line) => line > lineCount);
    if (past.length > 0) {
      warning = `line ${past[0]} is past the end of the code (${lineCount} lines); it highlights nothing`;
      spec = clampSteps(spec, lineCount);
    }
  }
  const parsed = parseLineSteps(spec, lineCount, { allowEmpty: info.lineNumbers });
  return typeof parsed === "string" ? { steps: [], error: parsed } : { steps: parsed, warning };
}

// Ranges cut at the last line, single lines past it dropped: what reveal.js highlights.
function clampSteps(spec: string, lineCount: number): string {
  return spec
    .split("|")
    .map((step) =>
      step
        .split(",")
        .flatMap((part) => {
          const [from = 0, to = from] = part.split("-").map(Number);
          if (part.trim() === "" || from > lineCount) return [];
          return [to > lineCount ? `${from}-${lineCount}` : part];
        })
        .join(","),
    )
    .join("|");
}

/** A code token with what the walk prepared for the renderer: a chart, or line steps. */
export type PreparedCode = Tokens.Code & { deckHtml?: string; deckSteps?: number[][] };

/**
 * A fenced code block as HTML, highlighted at build time. With line steps, each line is its own
 * span and each step after the first an empty fragment that reveal.js steps through (see
 * src/runtime/code-steps.ts); reveal.js's `[…]` form also numbers the lines.
 */
export function renderCodeFence(token: PreparedCode): string {
  if (token.deckHtml !== undefined) return `${token.deckHtml}\n`;
  const info = parseFenceInfo(token.lang ?? "");
  const { language } = info;
  const highlighted = language ? highlightCode(token.text, language) : undefined;
  const html = highlighted ?? escapeHtml(token.text);
  const classes = language ? `hljs language-${escapeHtml(language)}` : "hljs";
  const steps = token.deckSteps ?? [];
  if (steps.length === 0 && !info.lineNumbers) {
    return `<pre><code class="${classes}">${html}\n</code></pre>\n`;
  }
  const lines = splitHighlightedLines(html)
    .map((line, index) => {
      const number = info.lineNumbers ? ` data-number="${index + info.startFrom}"` : "";
      return `<span class="code-line" data-line="${index + 1}"${number}>${line}</span>`;
    })
    .join("\n");
  // One empty fragment per step after the first: reveal.js steps through them.
  const fragments = '<span class="fragment code-step" aria-hidden="true"></span>'.repeat(
    Math.max(0, steps.length - 1),
  );
  const lastNumber = info.startFrom + token.text.split("\n").length - 1;
  const pre = info.lineNumbers
    ? `<pre class="code-steps line-numbers" style="--line-number-width: ${String(lastNumber).length}ch">`
    : '<pre class="code-steps">';
  const stepData =
    steps.length > 0 ? ` data-line-steps="${escapeHtml(JSON.stringify(steps))}"` : "";
  return `${pre}<code class="${classes}"${stepData}>${lines}\n</code>${fragments}</pre>\n`;
}

/**
 * Prepares a code fence for rendering: a `chart` fence becomes its chart, line steps are read,
 * and an unknown language is a warning (the code is shown as plain text).
 */
export function prepareCodeFence(code: PreparedCode, context: TokenContext): void {
  const info = parseFenceInfo(code.lang ?? "");
  const { language } = info;
  if (language === "chart") {
    const first = context.at;
    const chart = parseChart(code.text, { ...first, line: first.line + 1 });
    for (const diagnostic of chart.diagnostics) context.report(diagnostic);
    code.deckHtml = renderChart(chart.value, `chart-${first.line}-${context.references.charts++}`);
    return;
  }
  const steps = readFenceSteps(info, code.text.split("\n").length);
  if (steps.error) {
    context.report(diagnosticAt(context.at, "error", "invalid-line-steps", steps.error));
  }
  if (steps.warning) {
    context.report(diagnosticAt(context.at, "warning", "invalid-line-steps", steps.warning));
  }
  code.deckSteps = steps.steps;
  if (language && !isKnownLanguage(language)) {
    context.report(
      diagnosticAt(
        context.at,
        "warning",
        "unknown-language",
        `no highlighting for fence language \`${language}\`; the code is shown as plain text`,
      ),
    );
  }
}
