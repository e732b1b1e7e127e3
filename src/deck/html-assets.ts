import { isLocalPath } from "./local-path.ts";

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
