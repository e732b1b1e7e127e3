import type { Browser } from "puppeteer-core";
import {
  closeWhenPrinted,
  failOnProblems,
  openDeckPage,
  type ReleaseBrowser,
} from "../browser/deck-page.ts";
import { formatDiagnostic } from "../deck/diagnostics.ts";
import { ExportError } from "./export-error.ts";
import { fitPages } from "./fit-pages.ts";
import { buildOutline } from "./outline.ts";
import { type ExportedPdf, finishPdf } from "./pdf-document.ts";
import type { FinishPdf } from "./pdf-finisher.ts";
import { openPrintView } from "./print-view.ts";
import { subjectOf } from "./subject.ts";

/** Options of `npm run pdf`. */
export interface SlidesPdfOptions {
  distDir: string;
  /** One page per fragment step instead of one per slide. */
  fragments: boolean;
  /**
   * Print anyway what would stop the export (a slide that does not fit its page, a file that
   * failed to load): each is a warning passed to this.
   */
  keepGoing?: ((line: string) => void) | undefined;
  /** Called with a line of progress, e.g. `slide 7/21`. */
  progress: (line: string) => void;
  /** Adds the document information and bookmarks (default: `finishPdf`, on this thread). */
  finish?: FinishPdf | undefined;
  /** Called once the PDF is printed, instead of closing its page (see ReleaseBrowser). */
  release?: ReleaseBrowser | undefined;
}

/**
 * Prints the built deck as a PDF: reveal.js's print layout, one 16:9 page per slide (or per
 * fragment step), code shrunk to fit or else an error naming the slide, then bookmarks and
 * document information from the deck settings.
 */
export async function printSlides(
  browser: Browser,
  options: SlidesPdfOptions,
): Promise<ExportedPdf> {
  const deckPage = await openDeckPage(browser, options.distDir, { width: 1280, height: 720 });
  let closing: Promise<void> | undefined;
  try {
    const query = `?print-pdf${options.fragments ? "&pdfSeparateFragments=true" : ""}`;
    const deck = await openPrintView(deckPage, query, ".reveal[data-pdf-ready]");
    const fits = await fitPages(deckPage.page);
    const errors: string[] = [];
    const slideNumber = new Map(deck.slides.map((slide, index) => [slide.id, index + 1]));
    fits.forEach((fit, index) => {
      const slide = deck.slides.find((s) => s.id === fit.slideId);
      options.progress(
        `slide ${slideNumber.get(fit.slideId) ?? "?"}/${deck.slides.length} (page ${index + 1}/${fits.length})`,
      );
      if (!slide || (fit.overflowX === 0 && fit.overflowY === 0)) return;
      const by = [
        fit.overflowY && `${fit.overflowY}px too tall`,
        fit.overflowX && `${fit.overflowX}px too wide`,
      ]
        .filter(Boolean)
        .join(" and ");
      const shrunk =
        fit.codeScale < 1
          ? ` even with its code shrunk to ${Math.round(fit.codeScale * 100)}%`
          : "";
      const message = `slide "${slide.title}" does not fit its page${shrunk}: ${by}, at ${fit.culprit}`;
      if (options.keepGoing) {
        options.keepGoing(
          formatDiagnostic({
            ...slide.source,
            severity: "warning",
            code: "overflow",
            message: `${message}; printed cut at the page's edge`,
          }),
        );
      } else {
        errors.push(
          formatDiagnostic({ ...slide.source, severity: "error", code: "overflow", message }),
        );
      }
    });
    if (errors.length > 0) {
      throw new ExportError(
        `slides do not fit their pages:\n${errors.join("\n")}\nFix them (npm run check shows them), or print them cut at the page's edge: npm run pdf -- --keep-going`,
      );
    }
    failOnProblems(deckPage, options.keepGoing);
    const expected = options.fragments ? fits.length : deck.slides.length;
    if (fits.length !== expected) {
      throw new ExportError(`the print layout has ${fits.length} pages for ${expected} slides`);
    }

    options.progress("printing");
    const printed = await deckPage.page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
    });
    failOnProblems(deckPage, options.keepGoing);
    // The page is done with: closed while the PDF is finished.
    closing = closeWhenPrinted(deckPage, options.release);
    const firstPageOf = new Map<string, number>();
    fits.forEach((fit, index) => {
      if (!firstPageOf.has(fit.slideId)) firstPageOf.set(fit.slideId, index);
    });
    const { settings } = deck;
    const pdf = await (options.finish ?? finishPdf)(
      printed,
      {
        title: settings.title,
        author: settings.author,
        subject: subjectOf(settings),
        lang: settings.lang,
      },
      buildOutline(deck.slides, firstPageOf),
    );
    if (pdf.pages !== expected) {
      throw new ExportError(`the PDF has ${pdf.pages} pages, but the deck has ${expected}`);
    }
    return { ...pdf, deckTitle: settings.title };
  } finally {
    await (closing ?? deckPage.context.close());
  }
}
