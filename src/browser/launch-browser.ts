import { createRequire } from "node:module";
import type { Browser } from "puppeteer-core";
import { findBrowser } from "./find-browser.ts";

/**
 * Flags for a headless Chromium on a closed network. `--no-sandbox` because CI and containers run
 * as root; the background-networking flags stop Chromium from calling home (the network here
 * refuses it, and a deck must work offline). We never pass `--disable-web-security`: the deck's
 * origin and CSP checks would mean nothing.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--no-first-run",
  "--no-default-browser-check",
];

/** How a tool launches the browser. */
export interface LaunchOptions {
  /**
   * Let Puppeteer close the browser on SIGINT, SIGTERM and SIGHUP (default). Command-line tools
   * that clean up after themselves on Ctrl-C turn this off and close the browser themselves.
   */
  handleSignals?: boolean;
}

/**
 * Launches headless Chromium found by `findBrowser`, with `CHROMIUM_FLAGS`, driven by
 * puppeteer-core over a pipe. Puppeteer rather than Playwright because a command waits for its
 * driver to load: Playwright's is 7 MB of JavaScript, a fifth of a second before Chromium starts,
 * Puppeteer's a twelfth (measured, `node -e 'require(…)'`).
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath } = await findBrowser();
  const handleSignals = options.handleSignals ?? true;
  // Required, not imported: Node parses a CommonJS package imported from ESM for its export
  // names first, which costs a command hundredths of a second.
  const puppeteer = createRequire(import.meta.url)(
    "puppeteer-core",
  ) as typeof import("puppeteer-core");
  return puppeteer.launch({
    executablePath,
    // `--headless`, as Playwright passes it: the headless shell, or new headless in a full Chrome.
    headless: "shell",
    pipe: true,
    defaultViewport: null,
    args: [...CHROMIUM_FLAGS],
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
  });
}
