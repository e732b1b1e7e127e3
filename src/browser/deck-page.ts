import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, HTTPRequest, Page } from "puppeteer-core";
import { readDistFile } from "./dist-file.ts";

/** The built deck cannot be opened (not built, or broken). */
export class DeckPageError extends Error {
  override name = "DeckPageError";
}

const ECHOES = [/^Failed to load resource/, /violates the following Content Security Policy/];

/** The origin the built deck is served at inside the browser; no server, no network. */
export const DECK_ORIGIN = "http://deck.invalid";

/** Something that went wrong in the deck's page. */
export interface PageProblem {
  kind: "foreign-request" | "missing-file" | "console-error" | "csp-violation";
  message: string;
  /** The URL involved, when there is one (a failed request, a blocked resource). */
  url?: string | undefined;
  /** The id of the slide whose element caused it, when the browser says. */
  slideId?: string | undefined;
}

/** A page of the built deck, and everything that went wrong while it loaded. */
export interface DeckPage {
  page: Page;
  context: BrowserContext;
  /** Failed or foreign requests, console errors, uncaught exceptions and CSP violations. */
  problems: PageProblem[];
}

/**
 * What an export calls once its PDF is printed, in place of closing its page: the commands kill
 * their throwaway browser then, while the PDF is finished on another thread (the page's and the
 * browser's closing were 50 ms of the command, after the finishing; measured).
 */
export type ReleaseBrowser = () => Promise<void>;

/**
 * Starts closing an export's page once its PDF is printed (handing the browser back with
 * `release`, when given), without waiting: the export awaits the returned promise as it ends, and
 * a browser gone meanwhile is no unhandled rejection until then.
 */
export function closeWhenPrinted(deckPage: DeckPage, release?: ReleaseBrowser): Promise<void> {
  const closing = release?.() ?? deckPage.context.close();
  closing.catch(() => undefined);
  return closing;
}

/**
 * Opens the built deck (`dist/`) in a new browser context, for exports and checks. Its files are answered from disk by
 * request interception, so exporting needs no server; any request that leaves the deck's origin
 * is refused and counted as a problem, as are missing files and console errors.
 */
export async function openDeckPage(
  browser: Browser,
  distDir: string,
  viewport: { width: number; height: number },
  deviceScaleFactor = 1,
): Promise<DeckPage> {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, "index.html"))) {
    throw new DeckPageError(`no built deck in ${distDir}: run \`npm run build\` first`);
  }
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems: PageProblem[] = [];
  // One round trip to the browser for all of these instead of one each (each is independent).
  await Promise.all([
    page.setViewport({ ...viewport, deviceScaleFactor }),
    // Functions sent to the page with page.evaluate are source text; TypeScript runners (vitest,
    // esbuild's keepNames) wrap named functions in a `__name` helper that the page lacks.
    page.evaluateOnNewDocument("globalThis.__name ??= (target) => target;"),
    // A blocked script or style is a broken slide too; the page tells us through this function.
    page.exposeFunction(
      "reportCspViolation",
      (directive: string, blocked: string, slideId: string) => {
        const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(blocked) ? blocked : undefined;
        const foreign = url !== undefined && new URL(url).origin !== DECK_ORIGIN;
        problems.push({
          kind: foreign ? "foreign-request" : "csp-violation",
          message: foreign
            ? `request outside the deck: ${url} (blocked by the Content-Security-Policy, ${directive})`
            : `the Content-Security-Policy (${directive}) blocked ${url ?? "inline code"}`,
          url,
          slideId: slideId || undefined,
        });
      },
    ),
    // The violation is fired at the element that caused it (an inline handler's element).
    page.evaluateOnNewDocument(`document.addEventListener("securitypolicyviolation", (event) => {
      const section = event.target instanceof Element ? event.target.closest("section") : null;
      window.reportCspViolation(event.effectiveDirective, event.blockedURI, section ? section.id : "");
    });`),
    page.setRequestInterception(true),
  ]);
  // A request left unanswered would hang the page; one answered as the page closes fails harmlessly.
  page.on("request", (request) => {
    answerFromDisk(request, root, problems).catch(() => request.abort("failed").catch(() => {}));
  });
  page.on("console", (message) => {
    // Failed loads and CSP violations are recorded above, with their details; the console
    // only echoes them.
    const text = message.text();
    if (message.type() !== "error" || ECHOES.some((echo) => echo.test(text))) return;
    problems.push({ kind: "console-error", message: `console error: ${text}` });
  });
  page.on("pageerror", (error) =>
    problems.push({
      kind: "console-error",
      message: `page error: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
  return { page, context, problems };
}

// Every request of the page is answered here: a file of the deck from disk, a 404 for a missing
// one, and a refusal for any other origin.
async function answerFromDisk(request: HTTPRequest, root: string, problems: PageProblem[]) {
  const url = new URL(request.url());
  // Inline data is the page's own; Puppeteer asks about it too.
  if (url.protocol === "data:" || url.protocol === "blob:") return request.continue();
  if (url.origin !== DECK_ORIGIN) {
    problems.push({
      kind: "foreign-request",
      message: `request outside the deck: ${url.href}`,
      url: url.href,
    });
    return request.abort("blockedbyclient");
  }
  const found = readDistFile(root, url.pathname);
  if (!found) {
    problems.push({
      kind: "missing-file",
      message: `missing file: ${safeDecode(url.pathname)}`,
      url: url.href,
    });
    return request.respond({ status: 404, contentType: "text/plain", body: "not found" });
  }
  return request.respond({ status: 200, contentType: found.type, body: found.body });
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Throws when anything went wrong in the page: an export never hides a broken slide, unless the
 * speaker asked it to keep going (`keepGoing` then hears of each problem).
 */
export function failOnProblems(deckPage: DeckPage, keepGoing?: (line: string) => void): void {
  if (deckPage.problems.length === 0) return;
  if (keepGoing) {
    // The speaker asked for the file anyway: each problem is said once, and printing goes on.
    for (const problem of deckPage.problems.splice(0)) keepGoing(`warning: ${problem.message}`);
    return;
  }
  throw new DeckPageError(
    `the deck failed in the browser:\n${deckPage.problems.map((p) => `  ${p.message}`).join("\n")}`,
  );
}
