import type { DeckSettings, Result, SlideChunk, SourceFile } from "./model.ts";
import { splitSlides } from "./split.ts";
import { splitAtSeparators } from "./split-separators.ts";

/** Cuts one file into slides; `from` is where its slides begin (after any front matter). */
export type Splitter = (file: SourceFile, from: number) => Result<SlideChunk[]>;

/**
 * The one place the deck's way of cutting slides is chosen: at `#` and `##` headings (the
 * default), or, when the deck sets `separator`, where reveal.js's markdown plugin cuts. Everything
 * after the cut is the same for both.
 */
export function chooseSplitter(
  settings: Pick<DeckSettings, "separator" | "verticalSeparator">,
): Splitter {
  if (!settings.separator) return (file) => splitSlides(file);
  const separators = {
    separator: settings.separator,
    verticalSeparator: settings.verticalSeparator,
  };
  return (file, from) => splitAtSeparators(file, from, separators);
}
