import type { Token, Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { escapeHtml } from "./escape-html.ts";
import { parsePandocAttributes } from "./fenced-divs.ts";
import { isLocalPath } from "./local-path.ts";
import { attributeProblem } from "./safe-attributes.ts";
import type { TokenContext } from "./token-context.ts";

/** What Pandoc's braces after an image ask of it: `![A pier](pier.jpg){width=40% .r-stretch}`. */
export interface ImageAttributes {
  /** A CSS length for `width`/`height`: `40%`, `300px`, `12em` (a bare number is pixels). */
  width?: string;
  height?: string;
  id?: string;
  classes: string[];
  /** Other attributes, allow-listed (`data-*`, `title`, `loading`, ...). */
  others: Record<string, string>;
  /** What could not be used, each said in a diagnostic at the image. */
  problems: string[];
}

/** An image token with the attributes written after it. */
export type PreparedImage = Tokens.Image & { deckAttributes?: ImageAttributes };

const BRACES = /^\{([^{}\n]*)\}/;
const LENGTH = /^\d+(?:\.\d+)?(?:%|px|em|rem|vw|vh)?$/;

/**
 * Finds Pandoc's attribute braces right after images, in every inline run of `tokens`, takes
 * them out of the text, and gives them to the image they follow.
 */
export function attachImageAttributes(tokens: readonly Token[]): void {
  for (const token of tokens) {
    const inline = "tokens" in token ? (token.tokens as Token[] | undefined) : undefined;
    if (inline) {
      inline.forEach((child, index) => {
        const next = inline[index + 1];
        if (child.type !== "image" || next?.type !== "text") return;
        const match = BRACES.exec((next as Tokens.Text).text);
        if (!match) return;
        (child as PreparedImage).deckAttributes = readImageAttributes(match[1] ?? "");
        (next as Tokens.Text).text = (next as Tokens.Text).text.slice(match[0].length);
      });
      attachImageAttributes(inline);
    }
    if (token.type === "list") attachImageAttributes((token as Tokens.List).items);
    if (token.type === "table") {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) {
        attachImageAttributes([{ type: "text", raw: "", text: "", tokens: cell.tokens }]);
      }
    }
  }
}

function readImageAttributes(text: string): ImageAttributes {
  const parsed = parsePandocAttributes(text);
  const attributes: ImageAttributes = { classes: parsed.classes, others: {}, problems: [] };
  if (parsed.id) attributes.id = parsed.id;
  for (const piece of parsed.rest) {
    attributes.problems.push(`\`${piece}\` is not an attribute: write {width=40% .class #id}`);
  }
  for (const [key, value] of Object.entries(parsed.values)) {
    if (key === "width" || key === "height") {
      if (LENGTH.test(value)) attributes[key] = /\d$/.test(value) ? `${value}px` : value;
      else
        attributes.problems.push(`\`${key}=${value}\` is not a length such as 40%, 300px or 300`);
      continue;
    }
    const problem = attributeProblem(key, value);
    if (problem) attributes.problems.push(problem);
    else attributes.others[key] = value;
  }
  return attributes;
}

/** The attributes an image's braces add to its `<img>`, as HTML (with a leading space). */
export function imageAttributesHtml(image: PreparedImage): string {
  const attributes = image.deckAttributes;
  if (!attributes) return "";
  const parts: string[] = [];
  if (attributes.id) parts.push(`id="${escapeHtml(attributes.id)}"`);
  if (attributes.classes.length > 0) {
    parts.push(`class="${escapeHtml(attributes.classes.join(" "))}"`);
  }
  const style = [
    attributes.width && `width: ${attributes.width}`,
    attributes.height && `height: ${attributes.height}`,
  ].filter(Boolean);
  if (style.length > 0) parts.push(`style="${escapeHtml(style.join("; "))}"`);
  for (const [key, value] of Object.entries(attributes.others)) {
    parts.push(`${key}="${escapeHtml(value)}"`);
  }
  return parts.map((part) => ` ${part}`).join("");
}

/**
 * The share of the slide's width an image is shown at, when its braces say so (`width=40%`), for
 * resizing it at build time; undefined when the layout decides.
 */
export function displayedWidthShare(image: PreparedImage): number | undefined {
  const width = image.deckAttributes?.width;
  return width?.endsWith("%") ? Number.parseFloat(width) / 100 : undefined;
}

/**
 * Prepares a Markdown image: alt text is asked for, the braces' problems are said, and a local
 * file becomes an asset (with the share of the slide it is shown at, for resizing).
 */
export function prepareImage(image: PreparedImage, context: TokenContext): void {
  if (image.text.trim() === "") {
    context.report(
      diagnosticAt(
        context.at,
        "warning",
        "missing-alt",
        `image ${image.href} has no alt text; describe it for people who cannot see it: ![what it shows](${image.href})`,
      ),
    );
  }
  // The braces follow the image right away.
  const braces = context.positionIn(image.raw.length);
  for (const problem of image.deckAttributes?.problems ?? []) {
    context.report(diagnosticAt(braces, "error", "invalid-image-attribute", problem));
  }
  if (isLocalPath(image.href)) {
    image.href = context.addAsset(image.href, context.at, displayedWidthShare(image));
  }
}
