import { escapeHtml } from "../deck/escape-html.ts";
import type { Deck } from "../deck/model.ts";
import { prerenderSlides } from "../runtime/render-slides.ts";
import { SLIDES_START } from "./csp.ts";
import { deckDataScript } from "./deck-module.ts";

/** What a built page shows of its deck, each as the exact text written into the page. */
export interface PageParts {
  /** `<html lang="…" data-theme="…"`: the start of the root element. */
  root: string;
  /** `<title>…</title>`. */
  title: string;
  /** The slides, pre-rendered, in their `.slides` element. */
  slides: string;
  /** The deck's data block (deck-module.ts), before `</body>`. */
  data: string;
}

/** The parts a built page has of this deck. */
export function pageParts(deck: Deck): PageParts {
  const { settings } = deck;
  return {
    root: `<html lang="${escapeHtml(settings.lang)}" data-theme="${escapeHtml(settings.theme)}"`,
    title: `<title>${escapeHtml(settings.title)}</title>`,
    slides: `${SLIDES_START}\n${prerenderSlides(deck)}\n</div>`,
    data: `${deckDataScript(deck)}\n`,
  };
}

/**
 * index.html with the deck's parts: its language, theme and title; in a build also its slides
 * and data (the dev server renders the slides in the browser, so that hot updates can replace
 * them, and serves the data as a module).
 */
export function withPageParts(html: string, parts: PageParts, built: boolean): string {
  // Replaced by functions: a replacement string would read `$&` or `$'` in a slide's code.
  const page = html
    .replace(/<html lang="[^"]*"/, () => parts.root)
    .replace(/<title>[^<]*<\/title>/, () => parts.title);
  if (!built) return page;
  // The data first, at the page's own end: a slide may say `</body>` in its HTML.
  const end = page.lastIndexOf("</body>");
  const withData = end < 0 ? page : `${page.slice(0, end)}${parts.data}${page.slice(end)}`;
  return withData.replace(/<div class="slides"><\/div>/, () => parts.slides);
}

/**
 * A built page with another version of the deck: each part the page has of `from` replaced by
 * the one of `to`, where it is, once. Undefined when a part is not found exactly once: the page
 * is then not one written with `from`, and must be built.
 */
export function replacePageParts(html: string, from: PageParts, to: PageParts): string | undefined {
  let page = html;
  for (const key of ["root", "title", "slides", "data"] as const) {
    const at = page.indexOf(from[key]);
    if (at < 0 || page.indexOf(from[key], at + 1) >= 0) return undefined;
    page = page.slice(0, at) + to[key] + page.slice(at + from[key].length);
  }
  return page;
}
