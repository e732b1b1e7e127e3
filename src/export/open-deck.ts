import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { PublishedDeck } from "../runtime/deck-model.ts";
import { ExportError } from "./export-error.ts";

/** The origin the built deck is served at inside the browser; no server, no network. */
export const DECK_ORIGIN = "http://deck.invalid";

/** A page of the built deck, and everything that went wrong while it loaded. */
export interface DeckPage {
  page: Page;
  context: BrowserContext;
  /** Failed or foreign requests, console errors and uncaught exceptions, in order. */
  problems: string[];
}

/**
 * Opens the built deck (`dist/`) in a new browser context. Its files are answered from disk by
 * request interception, so exporting needs no server; any request that leaves the deck's origin
 * is refused and counted as a problem, as are missing files and console errors.
 */
export async function openDeckPage(
  browser: Browser,
  distDir: string,
  viewport: { width: number; height: number },
): Promise<DeckPage> {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, "index.html"))) {
    throw new ExportError(`no built deck in ${distDir}: run \`npm run build\` first`);
  }
  const context = await browser.newContext({ viewport });
  // Functions sent to the page with page.evaluate are source text; TypeScript runners (tsx,
  // esbuild's keepNames) wrap named functions in a `__name` helper that the page lacks.
  await context.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== DECK_ORIGIN) {
      problems.push(`request outside the deck: ${url.href}`);
      return route.abort("blockedbyclient");
    }
    const relative = decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname);
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      problems.push(`missing file: ${relative}`);
      return route.fulfill({ status: 404, body: "not found" });
    }
    return route.fulfill({ path: file });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { page, context, problems };
}

/** Loads a URL of the deck and waits until `readySelector` appears. */
export async function loadDeck(
  deckPage: DeckPage,
  query: string,
  readySelector: string,
): Promise<PublishedDeck> {
  await deckPage.page.goto(`${DECK_ORIGIN}/index.html${query}`);
  try {
    await deckPage.page.waitForSelector(readySelector, { state: "attached", timeout: 30_000 });
  } catch {
    failOnProblems(deckPage);
    throw new ExportError(`the deck did not get ready for printing (waited for ${readySelector})`);
  }
  await deckPage.page.evaluate(() => document.fonts.ready);
  const model = await deckPage.page.evaluate(
    () => (window as unknown as { deckModel?: PublishedDeck }).deckModel,
  );
  if (!model) throw new ExportError("the built deck does not publish its slides; rebuild it");
  return model;
}

/** Throws when anything went wrong in the page: an export never hides a broken slide. */
export function failOnProblems(deckPage: DeckPage): void {
  if (deckPage.problems.length === 0) return;
  throw new ExportError(
    `the deck failed in the browser:\n${deckPage.problems.map((p) => `  ${p}`).join("\n")}`,
  );
}
