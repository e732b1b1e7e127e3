import { createRequire } from "node:module";
import type { Browser } from "puppeteer-core";
import { startChromium } from "./chromium-process.ts";
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
 * Puppeteer's a twelfth (measured, `node -e 'require(…)'`). Chromium is started first
 * (chromium-process.ts) and puppeteer connects to it: the two starts overlap.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath } = await findBrowser();
  const chromium = startChromium(executablePath, CHROMIUM_FLAGS);
  const stopOnSignal = () => {
    chromium.kill();
    process.exit(130);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  if (options.handleSignals ?? true)
    for (const signal of signals) process.once(signal, stopOnSignal);
  void chromium.exited.then(() => {
    for (const signal of signals) process.off(signal, stopOnSignal);
  });
  // Required, not imported: Node parses a CommonJS package imported from ESM for its export
  // names first, which costs a command hundredths of a second.
  const puppeteer = createRequire(import.meta.url)(
    "puppeteer-core",
  ) as typeof import("puppeteer-core");
  const gone = chromium.exited.then(() => {
    throw new Error(`Chromium (${executablePath}) stopped as it started:\n${chromium.stderr()}`);
  });
  gone.catch(() => undefined);
  let browser: Browser;
  try {
    browser = await Promise.race([
      puppeteer.connect({ transport: chromium.transport, defaultViewport: null }),
      gone,
    ]);
  } catch (error) {
    chromium.kill();
    throw error;
  }
  // A connected browser's close() asks Chromium to shut down and does not wait for it; this one
  // kills it (its profile is thrown away: nothing to save, 40 ms less) and waits until it is gone.
  browser.close = async () => {
    chromium.kill();
    await chromium.exited;
  };
  return browser;
}
