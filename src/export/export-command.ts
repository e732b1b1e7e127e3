import { statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { DeckPageError } from "../browser/deck-page.ts";
import { BrowserNotFoundError } from "../browser/find-browser.ts";
import { slugify } from "../deck/slug.ts";
import { buildFromEnvironment } from "../vite/build-command.ts";
import type { ExportCommand } from "./command.ts";
import { ExportError } from "./export-error.ts";
import { printHandout } from "./handout-pdf.ts";
import { startPdfFinisher } from "./pdf-finisher.ts";
import { printSlides } from "./slides-pdf.ts";
import { writeFileAtomic } from "./write-file.ts";

// kB and MB of 1,000 and 1,000,000 bytes, as the build and the README count them.
function formatSize(bytes: number): string {
  return bytes < 1_000_000
    ? `${(bytes / 1000).toFixed(0)} kB`
    : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The browser an export prints with, as the command started it (cli.ts). */
export interface ExportBrowser {
  launching: Promise<Browser>;
  /** Closes it, once launched; never fails. */
  close: () => Promise<void>;
  /** True once Ctrl-C stopped the command, which then closes the browser and exits. */
  interrupted: () => boolean;
}

async function exportPdf(command: ExportCommand, browsing: ExportBrowser): Promise<number> {
  const progress = (line: string) => console.log(line);
  const started = Date.now();
  // The PDF library loads on another thread meanwhile.
  const finish = startPdfFinisher();
  const closeBrowser = browsing.close;
  try {
    // Built as `npm run build` builds it, so dist/ keeps its single file too.
    const distDir = command.distDir ?? (await buildFromEnvironment())?.outDir;
    if (distDir === undefined) return 1;
    const browser = await browsing.launching;
    const warn = (line: string) => console.error(line);
    const options = {
      ...command,
      distDir,
      progress,
      finish,
      release: closeBrowser,
      keepGoing: command.keepGoing ? warn : undefined,
    };
    const pdf =
      command.kind === "slides"
        ? await printSlides(browser, options)
        : await printHandout(browser, options);
    const suffix = command.kind === "slides" ? "" : "-handout";
    const out =
      command.out ?? path.join("exports", `${slugify(pdf.deckTitle) || "deck"}${suffix}.pdf`);
    writeFileAtomic(out, pdf.bytes);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `wrote ${out} (${pdf.pages} pages, ${formatSize(statSync(out).size)}) in ${seconds} s`,
    );
    return 0;
  } finally {
    await closeBrowser();
  }
}

/**
 * The rest of `npm run pdf` and `npm run handout` once the command line is read and Chromium is
 * starting (cli.ts): builds the deck unless `--dist` names one, prints it, writes the PDF.
 * Returns the exit code; an error is printed as one line, or as a stack when it is ours.
 */
export async function runExport(command: ExportCommand, browsing: ExportBrowser): Promise<number> {
  try {
    return await exportPdf(command, browsing);
  } catch (error) {
    // Closing the browser on Ctrl-C makes the work under way fail: that is not an error.
    if (browsing.interrupted()) return 130;
    if (
      error instanceof ExportError ||
      error instanceof BrowserNotFoundError ||
      error instanceof DeckPageError
    ) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(error);
    }
    return 1;
  }
}
