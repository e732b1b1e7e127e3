import { rmSync } from "node:fs";
import path from "node:path";
import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "../../src/browser/launch-browser.ts";
import { fitPages } from "../../src/export/fit-pages.ts";
import { buildAndPreview, type Served, writeDeck } from "../helpers/deck-server.ts";

// A photo that arrives after the slides are on the page (a slow disk, a loaded machine) must
// still be laid out on its printed page: reveal.js centres each page once, on what it measures.
let served: Served & { outDir: string };
let slides: string;
let browser: Browser;
beforeAll(async () => {
  slides = writeDeck({
    "01.md": "# Late images\n\n## A photo\n\n![Grey grain](grain.png)\n\nNote:\nIt arrives last.",
  });
  await sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .png()
    .toFile(path.join(slides, "grain.png"));
  served = await buildAndPreview(slides);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(slides, { recursive: true, force: true });
});

// A 1280×720 page whose first PNG request is held until the test lets it through.
async function pageHoldingImages(): Promise<{ page: Page; imageRequested: Promise<HTTPRequest> }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  let held: (request: HTTPRequest) => void = () => undefined;
  const imageRequested = new Promise<HTTPRequest>((resolve) => {
    held = resolve;
  });
  await page.setRequestInterception(true);
  let holding = true;
  page.on("request", (request) => {
    if (holding && new URL(request.url()).pathname.endsWith(".png")) {
      holding = false;
      held(request);
    } else void request.continue();
  });
  return { page, imageRequested };
}

describe("an image that loads after its slide", () => {
  test("still fits its printed page", async () => {
    const { page, imageRequested } = await pageHoldingImages();
    // Not until "load": that waits for the image held here.
    const navigated = page.goto(`${served.url}?print-pdf`, { waitUntil: "domcontentloaded" });
    const image = await imageRequested;
    await page.waitForSelector(".reveal .slides section img");
    await image.continue();
    await navigated;
    await page.waitForSelector(".reveal[data-pdf-ready]");
    const height = await page.$eval(".reveal .slides img", (img) => img.clientHeight);
    expect(height).toBeGreaterThan(400); // the photo is laid out at its size: the test is real
    const fits = await fitPages(page);
    expect(fits.map((fit) => [fit.slideId, fit.overflowY])).toEqual([
      ["late-images", 0],
      ["a-photo", 0],
    ]);
  });
});

describe("an image that loads after its slide is shown", () => {
  test("is laid out again: the slide stays centred and within the screen", async () => {
    const { page, imageRequested } = await pageHoldingImages();
    const navigated = page.goto(`${served.url}#/a-photo`, { waitUntil: "domcontentloaded" });
    const image = await imageRequested;
    await page.waitForSelector(".reveal[data-deck-ready] section.present#a-photo");
    await image.continue();
    await navigated;
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>("img")?.complete);
    // The gap above the slide's content and the one below it, on screen.
    const gaps = () =>
      page.evaluate(() => {
        const frame = document.querySelector(".reveal .slides")?.getBoundingClientRect();
        const content = document.querySelector("section.present")?.getBoundingClientRect();
        if (!frame || !content) return [];
        return [content.top - frame.top, frame.bottom - content.bottom].map(Math.round);
      });
    await expect
      .poll(async () => {
        const [above = 0, below = 0] = await gaps();
        return above >= 0 && below >= 0 && Math.abs(above - below) <= 2;
      })
      .toBe(true);
  });
});
