import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BuiltDeck } from "../../src/vite/build-files.ts";
import { currentSlideId } from "../helpers/browser-session.ts";
import { buildDeckFolderTo, writeDeck } from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";

const slidesDir = writeDeck({
  "01.md": "# Disk deck\n\nOpened by double-click.\n\n## Second\n\nMore\n\nNote:\nSecond's notes\n",
});
let built: BuiltDeck;
let browser: Browser;

beforeAll(async () => {
  built = await buildDeckFolderTo(slidesDir);
  browser = await launchPlaywright();
});
afterAll(async () => {
  await browser?.close();
  rmSync(slidesDir, { recursive: true, force: true });
  if (built) rmSync(path.dirname(built.outDir), { recursive: true, force: true });
});

describe("dist/index.html opened from disk", () => {
  test("goes on to the single-file deck, keeping the mode and the slide", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    context.on("page", (page) => page.on("pageerror", (error) => errors.push(error.message)));
    try {
      const page = await context.newPage();
      await page.goto(`file://${built.outDir}/index.html#/second`);
      await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
      expect(page.url()).toBe(`file://${built.singleFile}#/second`);
      expect(await currentSlideId(page)).toBe("second");

      await page.goto(`file://${built.outDir}/index.html?presenter#/second`);
      await expect
        .poll(() => page.locator(".presenter-notes-body").textContent())
        .toContain("Second's notes");
      expect(page.url()).toBe(`file://${built.singleFile}?presenter#/second`);

      // Themes other than the deck's are not in the page's stylesheet, but the file has them.
      await page.goto(`file://${built.singleFile}?theme=dark#/second`);
      await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "rgb(22, 21, 27)",
      );

      await page.goto(`file://${built.outDir}/index.html?print-pdf`);
      await page.waitForSelector(".reveal[data-pdf-ready]", { state: "attached" });
      expect(await page.locator(".pdf-page").count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("over http, the same page stays where it is", () => {
    // The hop happens only under file://; the served page keeps its own scripts.
    const html = readFileSync(path.join(built.outDir, "index.html"), "utf8");
    expect(html).toContain(
      'if (location.protocol === "file:") location.replace("./disk-deck.html"',
    );
    expect(readFileSync(built.singleFile, "utf8")).not.toContain('location.replace("./');
  });
});

describe("the deck's icon", () => {
  test("is inside both pages, so no browser asks the server for a favicon", () => {
    for (const file of [path.join(built.outDir, "index.html"), built.singleFile]) {
      expect(readFileSync(file, "utf8")).toMatch(
        /<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+">/,
      );
    }
  });

  test("is the deck's own icon.png when its slides folder has one", async () => {
    const own = writeDeck({ "01.md": "# Own icon\n" });
    // The smallest PNG: one transparent pixel.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
      "base64",
    );
    writeFileSync(path.join(own, "icon.png"), png);
    const ownBuilt = await buildDeckFolderTo(own);
    try {
      const html = readFileSync(path.join(ownBuilt.outDir, "index.html"), "utf8");
      expect(html).toContain(
        `<link rel="icon" type="image/png" href="data:image/png;base64,${png.toString("base64")}">`,
      );
    } finally {
      rmSync(own, { recursive: true, force: true });
      rmSync(path.dirname(ownBuilt.outDir), { recursive: true, force: true });
    }
  });
});
