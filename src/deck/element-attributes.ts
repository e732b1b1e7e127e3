import { type DefaultTreeAdapterMap, parseFragment, serialize } from "parse5";
import { diagnosticAt } from "./diagnostics.ts";
import type { Diagnostic, Result, SourcePosition } from "./model.ts";
import { attributeProblem } from "./safe-attributes.ts";

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];
type Element = DefaultTreeAdapterMap["element"];
type CommentNode = DefaultTreeAdapterMap["commentNode"];

// reveal.js's default `data-element-attributes`: `.element` (colon optional), then attributes.
const ELEMENT_COMMENT = /\.element\s*?(.+?)$/m;
// reveal.js reads `name="value"` and bare `data-name`; single quotes are read here too.
const ATTRIBUTE = /([^"'= ]+?)=(?:"([^"]*)"|'([^']*)')|(data-[^"'= ]+?)(?=["' ]|$)/g;

/** True when rendered HTML has `.element` comments for `applyElementAttributes` to apply. */
export function hasElementAttributes(html: string): boolean {
  return html.includes(".element");
}

/**
 * Applies reveal.js's element attribute comments, `<!-- .element: class="fragment" -->`, as its
 * markdown plugin does: to the element just before the comment (a line break skipped), to the last
 * item of a list right before it (unless a blank line comes between), or else to the element the
 * comment is in. Attributes are allow-listed; the comments are removed. `positions` are where the
 * comments are in the source, in order, for the diagnostics.
 */
export function applyElementAttributes(
  html: string,
  positions: readonly SourcePosition[],
): Result<string> {
  const diagnostics: Diagnostic[] = [];
  const fragment = parseFragment(html);
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
  return { value: serialize(fragment), diagnostics };
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

function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((attribute) => attribute.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

function remove(node: ChildNode): void {
  const siblings = node.parentNode?.childNodes;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
}
