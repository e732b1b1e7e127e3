import type { Page } from "puppeteer-core";
import { installMeasureSlide } from "../check/measure-slide.ts";

/** What measuring one printed page found. */
export interface PageFit {
  /** The id of the slide on the page. */
  slideId: string;
  /** How much the code blocks were shrunk to fit (1 = not at all). */
  codeScale: number;
  /** Pixels the slide's content sticks out below or to the right of the page (0 = fits). */
  overflowY: number;
  overflowX: number;
  /** A short description of the element that sticks out the most. */
  culprit: string;
}

/** The smallest size code is shrunk to before an export gives up on it. */
export const MIN_CODE_SCALE = 0.5;

/**
 * Runs in the print page (reveal.js's `?print-pdf` layout): shrinks code blocks that are too wide
 * or too tall, down to `minScale`, re-centres each slide, and measures what still sticks out of
 * its page. Self-contained but for `measureSlide`, because Playwright sends it to the page as
 * source text: call it through `fitPages`.
 */
export function fitPrintedPages(minScale: number): PageFit[] {
  const overflowOf = (element: Element, page: DOMRect) => {
    const box = element.getBoundingClientRect();
    return { y: box.bottom - page.bottom, x: box.right - page.right };
  };
  return Array.from(document.querySelectorAll<HTMLElement>(".pdf-page")).map((page) => {
    const section = page.querySelector<HTMLElement>(":scope > section");
    if (!section) return { slideId: "", codeScale: 1, overflowY: 0, overflowX: 0, culprit: "" };
    let codeScale = 1;
    const codes = Array.from(section.querySelectorAll<HTMLElement>("pre code"));
    const pageBox = () => page.getBoundingClientRect();
    const tooBig = () =>
      codes.some(
        (code) =>
          code.scrollWidth > code.clientWidth + 1 ||
          code.scrollHeight > code.clientHeight + 1 ||
          overflowOf(code, pageBox()).y > 1,
      );
    while (codes.length > 0 && tooBig() && codeScale > minScale + 1e-9) {
      codeScale = Math.max(minScale, codeScale - 0.05);
      for (const code of codes) code.style.fontSize = `${codeScale}em`;
      // reveal.js centred the slide for its old height; centre it again.
      section.style.top = `${Math.max(0, (page.clientHeight - section.scrollHeight) / 2)}px`;
    }
    const measure = globalThis.deckMeasureSlide;
    if (!measure) throw new Error("installMeasureSlide(page) first");
    const { overflowX, overflowY, culprit } = measure(section, pageBox(), 1, {
      stepsScroll: false,
    });
    return {
      slideId: section.id,
      codeScale,
      overflowY: Math.round(Math.max(0, overflowY)),
      overflowX: Math.round(Math.max(0, overflowX)),
      culprit,
    };
  });
}

/** Fits and measures the printed pages of the print view open in `page`. */
export async function fitPages(page: Page): Promise<PageFit[]> {
  await installMeasureSlide(page);
  return page.evaluate(fitPrintedPages, MIN_CODE_SCALE);
}
