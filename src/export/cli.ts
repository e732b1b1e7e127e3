import { statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DeckPageError } from "../browser/deck-page.ts";
import { BrowserNotFoundError } from "../browser/find-browser.ts";
import { launchBrowser } from "../browser/launch-browser.ts";
import { slugify } from "../deck/slug.ts";
import { parseCommand, USAGE } from "./command.ts";
import { ExportError } from "./export-error.ts";
import { printHandout } from "./handout-pdf.ts";
import { printSlides } from "./slides-pdf.ts";
import { writeFileAtomic } from "./write-file.ts";

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(0)} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  const progress = (line: string) => console.log(line);
  const started = Date.now();
  let browser: Browser | undefined;
  // Ctrl-C: close Chromium before leaving, so no browser is left running; no file was written
  // (files are written in one synchronous step, which a signal cannot interrupt).
  const stop = () => {
    interrupted = true;
    console.error("\ninterrupted: no file written");
    const closing = browser ? browser.close() : Promise.resolve();
    void closing.finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    browser = await launchBrowser({ handleSignals: false });
    const pdf =
      command.kind === "slides"
        ? await printSlides(browser, { ...command, progress })
        : await printHandout(browser, { ...command, progress });
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
    await browser?.close();
  }
}

let interrupted = false;

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Closing the browser on Ctrl-C makes the work under way fail; `stop` exits with 130.
    if (interrupted) return;
    if (
      error instanceof ExportError ||
      error instanceof BrowserNotFoundError ||
      error instanceof DeckPageError
    ) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
