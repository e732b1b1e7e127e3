import type { RendererExtension, TokenizerExtension, Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { escapeHtml } from "./escape-html.ts";
import { blockStart } from "./extension-start.ts";
import type { Diagnostic, SourcePosition } from "./model.ts";
import type { LineIndex } from "./position.ts";

/** Attributes in Pandoc's braces, `{#id .class key=value key="a value"}`. */
export interface PandocAttributes {
  id?: string;
  classes: string[];
  values: Record<string, string>;
}

// `::: {.column width="40%"}`, `:::: columns`, `::: notes :::` (trailing colons allowed).
const OPENING = /^ {0,3}(:{3,})[ \t]*(?:\{([^}\n]*)\}|([A-Za-z][\w-]*))[ \t]*:*[ \t]*$/;
const CLOSING = /^ {0,3}:{3,}[ \t]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const PAIR = /([#.])([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(\S+)/g;

/** Reads Pandoc's attribute braces (without the braces); unknown pieces are returned as such. */
export function parsePandocAttributes(text: string): PandocAttributes & { rest: string[] } {
  const attributes: PandocAttributes & { rest: string[] } = { classes: [], values: {}, rest: [] };
  for (const match of text.matchAll(PAIR)) {
    const [, sigil, name, key, doubled, single, plain, rest] = match;
    if (sigil === "#" && name) attributes.id = name;
    else if (sigil === "." && name) attributes.classes.push(name);
    else if (key) attributes.values[key] = doubled ?? single ?? plain ?? "";
    else if (rest) attributes.rest.push(rest);
  }
  return attributes;
}

/** A fenced div as marked's lexer gives it: its attributes and the blocks inside it. */
export interface FencedDivToken extends Tokens.Generic {
  type: "fencedDiv";
  attributes: PandocAttributes;
  tokens: Tokens.Generic[];
}

// The line where a fence opened at the top of `text` closes, by nesting, outside code; -1: never.
function closingLine(lines: readonly string[]): number {
  let depth = 0;
  let code: string | undefined;
  for (const [index, line] of lines.entries()) {
    const fence = CODE_FENCE.exec(line)?.[1];
    if (code) {
      if (fence && fence[0] === code[0] && fence.length >= code.length) code = undefined;
      continue;
    }
    if (fence) code = fence;
    else if (OPENING.test(line)) depth++;
    else if (CLOSING.test(line) && --depth === 0) return index;
  }
  return -1;
}

/**
 * Pandoc's and Quarto's fenced divs: `::: {.class}` … `:::` around blocks, nested by their
 * fences, `:::: columns` holding `::: column` (with `width=40%`). A marked extension, so that the
 * splitter, the notes and the renderer all see the blocks inside as inside.
 */
export const fencedDivExtension: TokenizerExtension & RendererExtension = {
  name: "fencedDiv",
  level: "block",
  start: (src) => blockStart(src, /^ {0,3}:{3,}/m),
  tokenizer(src) {
    // Asked at every block with all the text left: a quick look before any real work.
    if (!/^ {0,3}:::/.test(src)) return undefined;
    const lines = src.split("\n");
    const opening = OPENING.exec(lines[0] ?? "");
    if (!opening) return undefined;
    const end = closingLine(lines);
    if (end < 0) return undefined;
    const raw = `${lines.slice(0, end + 1).join("\n")}${end + 1 < lines.length ? "\n" : ""}`;
    const inner = lines.slice(1, end).join("\n");
    const attributes = opening[3]
      ? { classes: [opening[3]], values: {} }
      : parsePandocAttributes(opening[2] ?? "");
    const token: FencedDivToken = {
      type: "fencedDiv",
      raw,
      attributes,
      tokens: this.lexer.blockTokens(inner, []),
    };
    return token;
  },
  renderer(token) {
    const { attributes } = token as FencedDivToken;
    return `${openingTag(attributes)}\n${this.parser.parse((token as FencedDivToken).tokens)}</div>\n`;
  },
};

function openingTag(attributes: PandocAttributes): string {
  const { width, ...others } = attributes.values;
  const parts: string[] = [];
  if (attributes.id) parts.push(`id="${escapeHtml(attributes.id)}"`);
  if (attributes.classes.length > 0)
    parts.push(`class="${escapeHtml(attributes.classes.join(" "))}"`);
  // Quarto's column width: `width=40%` (or any CSS length).
  if (width && /^\d+(?:\.\d+)?(?:%|px|em|rem)?$/.test(width)) {
    parts.push(`style="width: ${escapeHtml(/\d$/.test(width) ? `${width}px` : width)}"`);
  }
  for (const [key, value] of Object.entries(others)) {
    if (/^data-[\w-]+$/.test(key)) parts.push(`${key}="${escapeHtml(value)}"`);
  }
  return `<div${parts.length > 0 ? ` ${parts.join(" ")}` : ""}>`;
}

/**
 * The fences' own problems, found on the text's lines outside code: a fence opened and never
 * closed, a closing fence with nothing open, a `column` outside `columns`, attributes that mean
 * nothing. `offset` is where `text` is in its file.
 */
export function checkFencedDivs(text: string, offset: number, lines: LineIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const open: { classes: string[]; at: SourcePosition }[] = [];
  let code: string | undefined;
  let position = offset;
  for (const line of text.split("\n")) {
    const at = lines.positionAt(position + Math.max(0, line.search(/\S/)));
    position += line.length + 1;
    const fence = CODE_FENCE.exec(line)?.[1];
    if (code) {
      if (fence && fence[0] === code[0] && fence.length >= code.length) code = undefined;
      continue;
    }
    if (fence) {
      code = fence;
      continue;
    }
    const opening = OPENING.exec(line);
    if (opening) {
      const parsed = opening[3]
        ? { classes: [opening[3]], values: {}, rest: [] }
        : parsePandocAttributes(opening[2] ?? "");
      for (const piece of parsed.rest) {
        diagnostics.push(
          diagnosticAt(
            at,
            "error",
            "invalid-div",
            `\`${piece}\` is not an attribute: write {.class #id key=value}`,
          ),
        );
      }
      if (parsed.classes.includes("column") && !open.at(-1)?.classes.includes("columns")) {
        diagnostics.push(
          diagnosticAt(
            at,
            "warning",
            "column-outside-columns",
            "a `::: column` belongs inside `:::: columns`; here it is a block of its own",
          ),
        );
      }
      open.push({ classes: parsed.classes, at });
    } else if (CLOSING.test(line)) {
      if (!open.pop()) {
        diagnostics.push(
          diagnosticAt(
            at,
            "error",
            "stray-div-fence",
            "this `:::` closes nothing: no fenced div is open here, so it shows as text",
          ),
        );
      }
    }
  }
  for (const div of open) {
    diagnostics.push(
      diagnosticAt(
        div.at,
        "error",
        "unclosed-div",
        "this fenced div is never closed: end it with a line `:::`, as many colons or more",
      ),
    );
  }
  return diagnostics;
}
