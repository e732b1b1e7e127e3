import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { BrowserNotFoundError, findBrowser } from "../../src/browser/find-browser.ts";

function fakeExecutable(name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "browser-")), name);
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, 0o755);
  return file;
}

const noPackage = async (): Promise<string> => {
  throw new Error("Cannot find package '@sparticuz/chromium'");
};

describe("findBrowser", () => {
  test("uses CHROME_PATH first", async () => {
    const chrome = fakeExecutable("chrome");
    const installed = fakeExecutable("chromium");
    await expect(
      findBrowser({ env: { CHROME_PATH: chrome }, installedPaths: [installed] }),
    ).resolves.toEqual({ executablePath: chrome, source: "CHROME_PATH" });
  });

  test("rejects a CHROME_PATH that points at nothing, naming it", async () => {
    await expect(findBrowser({ env: { CHROME_PATH: "/nowhere/chrome" } })).rejects.toThrow(
      /CHROME_PATH is set to \/nowhere\/chrome/,
    );
  });

  test("then an installed browser, then the npm package's Chromium", async () => {
    const installed = fakeExecutable("chromium");
    await expect(
      findBrowser({
        env: {},
        installedPaths: ["/missing", installed],
        packagedChromium: noPackage,
      }),
    ).resolves.toEqual({ executablePath: installed, source: "installed" });
    const packaged = fakeExecutable("packaged");
    await expect(
      findBrowser({ env: {}, installedPaths: [], packagedChromium: async () => packaged }),
    ).resolves.toEqual({ executablePath: packaged, source: "npm package @sparticuz/chromium" });
  });

  test("fails with a message naming all three ways to provide a browser", async () => {
    const attempt = findBrowser({ env: {}, installedPaths: [], packagedChromium: noPackage });
    await expect(attempt).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(attempt).rejects.toThrow(/CHROME_PATH/);
    await expect(attempt).rejects.toThrow(/installed Chrome or Chromium/);
    await expect(attempt).rejects.toThrow(/@sparticuz\/chromium.*Cannot find package/);
  });

  test("finds a real browser on this machine (the npm package, when nothing is installed)", async () => {
    const found = await findBrowser();
    expect(found.executablePath).toBeTruthy();
  });
});
