import type { PublishedDeck } from "../runtime/deck-model.ts";

/** One bookmark of the PDF outline. */
export interface OutlineEntry {
  title: string;
  /** 0-based page the bookmark opens. */
  pageIndex: number;
  children: OutlineEntry[];
}

/**
 * The PDF outline of a deck: every slide's title, with the slides that follow a section slide
 * (`#` with the section layout) nested under it until the next `#` slide.
 */
export function buildOutline(
  slides: PublishedDeck["slides"],
  firstPageOf: ReadonlyMap<string, number>,
): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  let section: OutlineEntry | undefined;
  for (const slide of slides) {
    const pageIndex = firstPageOf.get(slide.id);
    if (pageIndex === undefined) continue;
    const entry: OutlineEntry = { title: slide.title, pageIndex, children: [] };
    if (slide.level === 1) {
      outline.push(entry);
      section = slide.layout === "section" ? entry : undefined;
    } else if (section) {
      section.children.push(entry);
    } else {
      outline.push(entry);
    }
  }
  return outline;
}
