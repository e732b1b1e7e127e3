import { type DefaultTreeAdapterMap, parseFragment, serialize } from "parse5";
import { applyElementAttributes, setAttribute } from "./element-attributes.ts";
import type { Result, SourcePosition } from "./model.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

/** What the passes over a slide's rendered HTML need to know. */
export interface HtmlPassOptions {
  /** Where the slide's `.element` comments are in its source, in order. */
  elementComments: readonly SourcePosition[];
  /** Reveal every list item in turn (the slide's or the deck's `incremental`). */
  incremental: boolean;
}

const classesOf = (element: Element) =>
  (element.attrs.find((a) => a.name === "class")?.value ?? "").split(/\s+/).filter(Boolean);
const isElement = (node: Node): node is Element => "tagName" in node;

/**
 * The passes that need the slide's HTML as a tree: reveal.js's `.element` attributes, lists
 * revealed item by item, and stretched images made direct children of the slide. The tree is
 * built only when one of them has something to do.
 */
export function finishSlideHtml(html: string, options: HtmlPassOptions): Result<string> {
  const needed =
    options.elementComments.length > 0 ||
    options.incremental ||
    /\bincremental\b|\br-stretch\b|\bstretch\b/.test(html);
  if (!needed) return { value: html, diagnostics: [] };
  const fragment = parseFragment(html);
  const diagnostics = applyElementAttributes(fragment, options.elementComments);
  revealListsInTurn(fragment, options.incremental);
  unwrapStretched(fragment);
  return { value: serialize(fragment), diagnostics };
}

/**
 * Incremental lists, as Quarto has them: the items of a list appear one by one (each a reveal.js
 * fragment; nested items come with their parent) when the slide or the deck is incremental, or
 * the list is in a `::: incremental` div; `::: nonincremental` keeps a list whole.
 */
export function revealListsInTurn(root: ParentNode, incremental: boolean): void {
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    const classes = classesOf(child);
    const here = classes.includes("nonincremental")
      ? false
      : classes.includes("incremental") || incremental;
    if ((child.tagName === "ul" || child.tagName === "ol") && here) {
      for (const item of child.childNodes) {
        if (!isElement(item) || item.tagName !== "li") continue;
        const itemClasses = classesOf(item);
        if (!itemClasses.includes("fragment")) {
          setAttribute(item, "class", [...itemClasses, "fragment"].join(" "));
        }
      }
      continue;
    }
    // A list inside a list item comes with its item; other elements pass it on.
    if (child.tagName !== "li") revealListsInTurn(child, here);
  }
}

// reveal.js stretches only a slide's direct children: a paragraph that holds nothing but a
// stretched image gives way to the image.
function unwrapStretched(root: ParentNode): void {
  root.childNodes = root.childNodes.map((child) => {
    if (!isElement(child) || child.tagName !== "p") return child;
    const elements = child.childNodes.filter(isElement);
    const text = child.childNodes.some(
      (n) => n.nodeName === "#text" && (n as { value: string }).value.trim() !== "",
    );
    const only = elements[0];
    if (elements.length !== 1 || text || !only || only.tagName !== "img") return child;
    const classes = classesOf(only);
    if (!classes.includes("r-stretch") && !classes.includes("stretch")) return child;
    only.parentNode = root;
    return only;
  });
}
