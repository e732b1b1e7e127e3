import { statSync } from "node:fs";
import path from "node:path";
import { DeckPageError } from "../browser/deck-page.ts";
import { BrowserNotFoundError } from "../browser/find-browser.ts";
import { launchBrowser } from "../browser/launch-browser.ts";
import { slugify } from "../deck/slug.ts";
import { buildFromEnvironment } from "../vite/build-command.ts";
import { removeUnfinishedBuilds } from "../vite/unfinished-builds.ts";
import { parseCommand, USAGE } from "./command.ts";
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

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  const progress = (line: string) => console.log(line);
  const started = Date.now();
  // Chromium starts while the deck builds.
  const launching = launchBrowser({ handleSignals: false });
  // Its failure (no browser) is reported when the browser is needed, after the build's errors.
  launching.catch(() => undefined);
  // The PDF library loads on another thread meanwhile.
  const finish = startPdfFinisher();
  const closeBrowser = () => launching.then((browser) => browser.close()).catch(() => undefined);
  // Ctrl-C: close Chromium before leaving, so no browser is left running; no file was written
  // (files are written in one synchronous step, which a signal cannot interrupt).
  const stop = () => {
    interrupted = true;
    removeUnfinishedBuilds();
    console.error("\ninterrupted: no file written");
    void closeBrowser().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    // Built as `npm run build` builds it, so dist/ keeps its single file too.
    const distDir = command.distDir ?? (await buildFromEnvironment())?.outDir;
    if (distDir === undefined) return 1;
    const browser = await launching;
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
