import type { Tokens } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import { isLocalPath } from "./local-path.ts";
import type { TokenContext } from "./token-context.ts";

/** A file that raw HTML in a slide refers to, and where its path is in that HTML. */
export interface HtmlReference {
  ref: string;
  /** Offset of the path in the HTML. */
  index: number;
  /** The element's tag name, lower case: `iframe` pages are not bundled (see `isFramedPage`). */
  tag: string;
}

/** True for a page shown in a frame: it has files of its own, so it cannot be one asset. */
export function isFramedPage(reference: HtmlReference): boolean {
  return reference.tag === "iframe" || reference.tag === "frame";
}

const TAG = /<[a-z][^>]*>/gi;
// The attributes through which HTML loads a file: images, media, their posters, reveal.js's lazy
// `data-src` and backgrounds. Quoted values only, as authors write them.
const FILE_ATTRIBUTE =
  /\s(?:src|poster|data-src|data-background-image|data-background-video)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** The local files (`<img src="./imgs/qr.png">`) that a piece of raw HTML uses, in order. */
export function htmlReferences(html: string): HtmlReference[] {
  const found: HtmlReference[] = [];
  for (const tag of html.matchAll(TAG)) {
    for (const attribute of tag[0].matchAll(FILE_ATTRIBUTE)) {
      const ref = attribute[1] ?? attribute[2] ?? "";
      if (!isLocalPath(ref)) continue;
      const valueStart = attribute[0].length - ref.length - 1;
      const name = /^<([a-z][\w-]*)/i.exec(tag[0])?.[1]?.toLowerCase() ?? "";
      found.push({ ref, index: tag.index + attribute.index + valueStart, tag: name });
    }
  }
  return found;
}

/**
 * Prepares raw HTML in a slide: its local files become assets (pages in frames are only warned
 * about), and a `<script>` or an `on…=` handler is a warning, since the deck's
 * Content-Security-Policy keeps them from running.
 */
export function prepareHtml(token: Tokens.HTML, context: TokenContext): void {
  const found = htmlReferences(token.raw).map((reference) => {
    const where = context.positionIn(reference.index);
    if (!isFramedPage(reference)) {
      return { ...reference, placeholder: context.addAsset(reference.ref, where) };
    }
    context.report(
      diagnosticAt(
        where,
        "warning",
        "frame-not-bundled",
        `the page ${reference.ref} shown in a frame is not bundled (it has files of its own): copy it next to the built deck, or the frame stays empty`,
      ),
    );
    return { ...reference, placeholder: undefined };
  });
  if (found.some((reference) => reference.placeholder)) {
    let text = token.raw;
    for (const { ref, index, placeholder } of found.reverse()) {
      if (placeholder)
        text = `${text.slice(0, index)}${placeholder}${text.slice(index + ref.length)}`;
    }
    token.text = text;
  }
  if (/<script\b/i.test(token.raw)) {
    context.report(
      diagnosticAt(
        context.at,
        "warning",
        "script-in-slide",
        "a <script> in a slide never runs: the deck's Content-Security-Policy blocks it",
      ),
    );
  }
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(token.raw)) {
    context.report(
      diagnosticAt(
        context.at,
        "warning",
        "inline-handler",
        "an on…= event handler in a slide never runs: the deck's Content-Security-Policy blocks it",
      ),
    );
  }
}
