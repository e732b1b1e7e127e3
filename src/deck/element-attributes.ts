import type { Token, Tokens } from "marked";
import type { DefaultTreeAdapterMap } from "parse5";
import { diagnosticAt } from "./diagnostics.ts";
import type { Diagnostic, SourcePosition } from "./model.ts";
import { attributeProblem } from "./safe-attributes.ts";

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];
type Element = DefaultTreeAdapterMap["element"];
type DocumentFragment = DefaultTreeAdapterMap["documentFragment"];
type CommentNode = DefaultTreeAdapterMap["commentNode"];

// reveal.js's default `data-element-attributes`: `.element` (colon optional), then attributes.
const ELEMENT_COMMENT = /\.element\s*?(.+?)$/m;
// reveal.js reads `name="value"` and bare `data-name`; single quotes are read here too.
const ATTRIBUTE = /([^"'= ]+?)=(?:"([^"]*)"|'([^']*)')|(data-[^"'= ]+?)(?=["' ]|$)/g;

// A comment that holds `.element`; one comment each, so each is found where it starts.
const ELEMENT_COMMENT_SOURCE = /<!--(?:(?!-->)[\s\S])*?\.element(?:(?!-->)[\s\S])*?-->/g;

/** Where the `.element` comments of a piece of raw HTML start: offsets in it. */
export function elementCommentOffsets(raw: string): number[] {
  return [...raw.matchAll(ELEMENT_COMMENT_SOURCE)].map((match) => match.index);
}

/**
 * reveal.js's marked keeps blank lines in its HTML, and an `.element` comment after a list goes
 * to the list's last item unless a blank line comes between: ours keeps them where that matters.
 */
export function markBlankLinesBeforeComments(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const before = tokens[index - 1];
    if (token.type === "html" && before?.type === "space" && /\.element/.test(token.raw)) {
      (token as Tokens.HTML).text = `${before.raw}${(token as Tokens.HTML).text}`;
    }
  });
}

/**
 * Applies reveal.js's element attribute comments, `<!-- .element: class="fragment" -->`, as its
 * markdown plugin does: to the element just before the comment (a line break skipped), to the last
 * item of a list right before it (unless a blank line comes between), or else to the element the
 * comment is in. Attributes are allow-listed; the comments are removed. `positions` are where the
 * comments are in the source, in order, for the diagnostics.
 */
export function applyElementAttributes(
  fragment: DocumentFragment,
  positions: readonly SourcePosition[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let seen = 0;
  const apply = (comment: CommentNode, target: Element | undefined) => {
    const match = ELEMENT_COMMENT.exec(comment.data);
    if (!match) return;
    const at = positions[seen++] ?? positions.at(-1) ?? { file: "", line: 1, column: 1 };
    if (!target) {
      diagnostics.push(
        diagnosticAt(
          at,
          "warning",
          "element-attributes-unused",
          "no element is before this `.element` comment; it sets nothing",
        ),
      );
    }
    for (const attribute of (match[1] ?? "").matchAll(ATTRIBUTE)) {
      const [, name = "", doubled, single, bare] = attribute;
      const key = (bare ?? name).trim();
      const value = bare ? "" : (doubled ?? single ?? "");
      const problem = attributeProblem(key, value);
      if (problem) diagnostics.push(diagnosticAt(at, "error", "unsafe-attribute", problem));
      else if (target) setAttribute(target, key, value);
    }
    remove(comment);
  };
  visit(fragment, undefined, apply);
  return diagnostics;
}

// reveal.js's walk: a comment's target is the element before it among its siblings, or its parent.
function visit(
  node: ParentNode,
  parent: Element | undefined,
  apply: (comment: CommentNode, target: Element | undefined) => void,
): void {
  const children = [...node.childNodes];
  children.forEach((child, index) => {
    if (child.nodeName === "#comment") {
      apply(child as CommentNode, targetOf(children, index, parent));
    } else if ("childNodes" in child && child.nodeName !== "template") {
      visit(child as ParentNode, child as Element, apply);
    }
  });
}

function targetOf(siblings: readonly ChildNode[], index: number, parent: Element | undefined) {
  let target: Element | undefined = parent;
  for (let i = index - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (sibling && "tagName" in sibling && sibling.tagName !== "br") {
      target = sibling;
      break;
    }
  }
  const before = siblings[index - 1];
  const blankLineBefore =
    before?.nodeName === "#text" && /\n[ \t]*\n/.test((before as { value: string }).value);
  if (target && (target.tagName === "ul" || target.tagName === "ol") && !blankLineBefore) {
    const items = target.childNodes.filter((n): n is Element => "tagName" in n);
    return items.at(-1) ?? target;
  }
  return target;
}

/** Sets an attribute on a parse5 element, replacing one of that name. */
export function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((attribute) => attribute.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

function remove(node: ChildNode): void {
  const siblings = node.parentNode?.childNodes;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
}
