import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { findBrowser } from "../../src/browser/find-browser.ts";
import { CHROMIUM_FLAGS } from "../../src/browser/launch-browser.ts";

/**
 * Launches the Chromium the commands use (`findBrowser`, `CHROMIUM_FLAGS`) under Playwright, for
 * tests that play the audience and the speaker: keys, pointers, touch, windows and waits.
 */
export async function launchPlaywright(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  const { chromium } = createRequire(import.meta.url)(
    "playwright-core",
  ) as typeof import("playwright-core");
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
}
