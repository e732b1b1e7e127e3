import { accessSync, constants } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { recordChromium, recordedChromium, recordStandsIn } from "./unpacked-chromium.ts";

/** Where the browser came from, in the order they are tried. */
export type BrowserSource = "CHROME_PATH" | "installed" | "npm package @sparticuz/chromium";

/** A Chrome or Chromium executable that tests and exports can launch. */
export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
}

/** Usual install locations of Chrome and Chromium on Linux, macOS and Windows. */
export const INSTALLED_BROWSER_PATHS: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

/** What the finder may look at; tests replace these to simulate other machines. */
export interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  installedPaths: readonly string[];
  /** Unpacks the Chromium shipped in the npm package and returns its path. */
  packagedChromium: () => Promise<string>;
}

const defaultSearch: BrowserSearch = {
  env: process.env,
  installedPaths: INSTALLED_BROWSER_PATHS,
  packagedChromium: unpackChromium,
};

// The package unpacks Chromium into the temp folder on first use. Two processes doing it at once
// (parallel test workers on a fresh machine) make the loser launch a half-written file (ETXTBSY),
// so unpacking is serialised across processes with a lock file. Once it is whole it is recorded:
// every later start takes it from the record, without loading the package and the lock (35 ms
// before Chromium could start, measured).
async function unpackChromium(): Promise<string> {
  const record = path.join(tmpdir(), "deck-chromium-unpacked.json");
  const recorded = recordStandsIn(process.env) ? recordedChromium(record) : undefined;
  if (recorded) return recorded;
  const [{ default: chromium }, { lock }] = await Promise.all([
    import("@sparticuz/chromium"),
    import("proper-lockfile"),
  ]);
  const release = await lock(tmpdir(), {
    lockfilePath: `${tmpdir()}/deck-chromium-unpack.lock`,
    realpath: false,
    stale: 60_000,
    retries: { retries: 600, minTimeout: 100, maxTimeout: 200 },
  });
  try {
    const unpacked = await chromium.executablePath();
    try {
      recordChromium(record, unpacked);
    } catch {
      // A temp folder that takes no record (full, read-only, another user's): no record, as before.
    }
    return unpacked;
  } finally {
    await release();
  }
}

/** Thrown when no browser can be found; its message names the three ways to provide one. */
export class BrowserNotFoundError extends Error {
  override name = "BrowserNotFoundError";
}

/**
 * Finds a browser: `CHROME_PATH` first, then an installed Chrome or Chromium, then the Chromium
 * inside the npm package `@sparticuz/chromium` (so a fresh machine with no browser still works).
 */
export async function findBrowser(search: Partial<BrowserSearch> = {}): Promise<FoundBrowser> {
  const { env, installedPaths, packagedChromium } = { ...defaultSearch, ...search };
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { executablePath: fromEnv, source: "CHROME_PATH" };
    throw new BrowserNotFoundError(
      `CHROME_PATH is set to ${fromEnv}, but no executable is there. Fix or unset CHROME_PATH.`,
    );
  }
  const installed = installedPaths.find(isExecutable);
  if (installed) return { executablePath: installed, source: "installed" };
  let reason = "";
  try {
    const packaged = await packagedChromium();
    if (isExecutable(packaged)) {
      return { executablePath: packaged, source: "npm package @sparticuz/chromium" };
    }
    reason = `it unpacked to ${packaged}, which is not executable`;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  throw new BrowserNotFoundError(
    [
      "No Chrome or Chromium found. Provide one of:",
      "  1. CHROME_PATH=/path/to/chrome (an environment variable),",
      `  2. an installed Chrome or Chromium (looked in ${installedPaths.length} usual places, e.g. /usr/bin/chromium),`,
      `  3. the npm package @sparticuz/chromium (run \`npm ci\`; it failed: ${reason}).`,
    ].join("\n"),
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
