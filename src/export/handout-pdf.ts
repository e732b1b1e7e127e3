import type { Browser } from "puppeteer-core";
import {
  closeWhenPrinted,
  failOnProblems,
  openDeckPage,
  type ReleaseBrowser,
} from "../browser/deck-page.ts";
import { escapeHtml } from "../deck/escape-html.ts";
import type { DeckSettings } from "../deck/model.ts";
import {
  contentBox,
  HANDOUT_MARGINS,
  type HandoutOptions,
  handoutQuery,
  PAPERS,
} from "../runtime/handout-layout.ts";
import { ExportError } from "./export-error.ts";
import { type ExportedPdf, finishPdf } from "./pdf-document.ts";
import type { FinishPdf } from "./pdf-finisher.ts";
import { openPrintView } from "./print-view.ts";
import { subjectOf } from "./subject.ts";

/** Options of `npm run handout`. */
export interface HandoutPdfOptions extends HandoutOptions {
  distDir: string;
  /** Print anyway when a file fails to load: each problem is a warning passed to this. */
  keepGoing?: ((line: string) => void) | undefined;
  progress: (line: string) => void;
  /** Adds the document information (default: `finishPdf`, on this thread). */
  finish?: FinishPdf | undefined;
  /** Called once the PDF is printed, instead of closing its page (see ReleaseBrowser). */
  release?: ReleaseBrowser | undefined;
}

const MM_TO_PX = 96 / 25.4;

/**
 * Prints handouts: the deck's `?handout` view (slides as vector copies with their notes as text),
 * on A4 or Letter, with the talk's title at the top and page numbers at the bottom of every page.
 */
export async function printHandout(
  browser: Browser,
  options: HandoutPdfOptions,
): Promise<ExportedPdf> {
  const box = contentBox(options.paper);
  const viewport = {
    width: Math.round(box.width * MM_TO_PX),
    height: Math.round(box.height * MM_TO_PX),
  };
  const deckPage = await openDeckPage(browser, options.distDir, viewport);
  let closing: Promise<void> | undefined;
  try {
    const deck = await openPrintView(deckPage, handoutQuery(options), "body[data-handout-ready]");
    const items = await deckPage.page.$$eval(".handout-item", (elements) =>
      elements.map((element) => (element as HTMLElement).dataset.slide ?? ""),
    );
    deck.slides.forEach((slide, index) => {
      options.progress(`slide ${index + 1}/${deck.slides.length}`);
      if (items[index] !== slide.id) {
        throw new ExportError(`the handout lost slide ${index + 1} "${slide.title}"`);
      }
    });
    failOnProblems(deckPage, options.keepGoing);

    options.progress("printing");
    const { settings } = deck;
    const printed = await deckPage.page.pdf({
      format: PAPERS[options.paper].name,
      margin: {
        top: `${HANDOUT_MARGINS.top}mm`,
        bottom: `${HANDOUT_MARGINS.bottom}mm`,
        left: `${HANDOUT_MARGINS.left}mm`,
        right: `${HANDOUT_MARGINS.right}mm`,
      },
      displayHeaderFooter: true,
      headerTemplate: header(settings),
      footerTemplate: footer(),
      printBackground: true,
      tagged: true,
    });
    failOnProblems(deckPage, options.keepGoing);
    // The page is done with: closed while the PDF is finished.
    closing = closeWhenPrinted(deckPage, options.release);
    const minimumPages = Math.ceil(deck.slides.length / options.perPage);
    const pdf = await (options.finish ?? finishPdf)(printed, {
      title: `${settings.title} (handout)`,
      author: settings.author,
      subject: subjectOf(settings),
      lang: settings.lang,
    });
    if (pdf.pages < minimumPages) {
      throw new ExportError(`the handout has ${pdf.pages} pages, fewer than ${minimumPages}`);
    }
    return { ...pdf, deckTitle: settings.title };
  } finally {
    await (closing ?? deckPage.context.close());
  }
}

// Chromium renders these in the page margins, with their own styles (they see no page CSS).
// No ligatures: a PDF reader copies and finds "fi" in the title only when it is two letters.
const BAND = `width:100%;margin:0 ${HANDOUT_MARGINS.left}mm;font-family:'Source Sans 3',Helvetica,Arial,sans-serif;font-size:8.5pt;color:#333;display:flex;font-variant-ligatures:none;justify-content:space-between;`;

function header(settings: DeckSettings): string {
  const right = [settings.author, settings.event, settings.date].filter(Boolean).join(" · ");
  return `<div style="${BAND}"><span>${escapeHtml(settings.title)}</span><span>${escapeHtml(right)}</span></div>`;
}

function footer(): string {
  return `<div style="${BAND}justify-content:center;">Page&nbsp;<span class="pageNumber"></span>&nbsp;of&nbsp;<span class="totalPages"></span></div>`;
}
