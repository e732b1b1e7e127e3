import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
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
   * Let Playwright close the browser on SIGINT, SIGTERM and SIGHUP (default). Command-line tools
   * that clean up after themselves on Ctrl-C turn this off and close the browser themselves.
   */
  handleSignals?: boolean;
}

/** Launches headless Chromium found by `findBrowser`, with `CHROMIUM_FLAGS`. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath } = await findBrowser();
  const handleSignals = options.handleSignals ?? true;
  // Required, not imported: Node parses a CommonJS package imported from ESM for its export
  // names first, which for Playwright costs a command a tenth of a second.
  const { chromium } = createRequire(import.meta.url)(
    "playwright-core",
  ) as typeof import("playwright-core");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
  });
}
