import { rmSync } from "node:fs";
import jsQR from "jsqr";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAndPreview, type Served, writeDeck } from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";

const URL = "https://example.org/talks/shared";
const slidesDir = writeDeck({
  "deck.yaml": `title: Shared\nurl: ${URL}\n`,
  "01.md":
    "# Shared\n\nA talk with its slides online.\n\n## Middle\n\nText.\n\n## Thank you\n\nQuestions?\n",
});
let served: Served;
let browser: Browser;
beforeAll(async () => {
  served = await buildAndPreview(slidesDir);
  browser = await launchPlaywright();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(slidesDir, { recursive: true, force: true });
});

describe("the url setting", () => {
  test("puts a QR code a phone can read, and the address, on the title and closing slides", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      for (const hash of ["#/shared", "#/thank-you"]) {
        await page.goto(`${served.url}${hash}`);
        await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
        const code = page.locator("section.present .deck-share-code");
        expect(await code.getAttribute("aria-label")).toBe(`QR code of ${URL}`);
        const box = await code.boundingBox();
        // Big enough to scan from a seat: at least 150 px on a 720p screen.
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(150);
        const shot = PNG.sync.read(await code.screenshot());
        expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(URL);
        expect(await page.locator("section.present .deck-share a").textContent()).toBe(
          "example.org/talks/shared",
        );
      }
      await page.goto(`${served.url}#/middle`);
      await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
      expect(await page.locator("section.present .deck-share").count()).toBe(0);
      await page.goto(`${served.url}#/shared`);
      await page.screenshot({ path: "/tmp/share-title.png" });
    } finally {
      await page.close();
    }
  });
});
