import { type Browser, chromium } from "playwright-core";
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

/** Launches headless Chromium found by `findBrowser`, with `CHROMIUM_FLAGS`. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
}
