import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCheck } from "../../src/check/run-check.ts";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
} from "../helpers/browser-session.ts";
import {
  buildAndPreview,
  buildOfflineTo,
  fixtureDeck,
  ROOT,
  type Served,
} from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";
import { readPdf } from "../helpers/read-pdf.ts";
import { runExport } from "../helpers/run-export.ts";

/* Steps, columns, sized and stretched images, math and dimmed backgrounds, in a real browser. */

const deck = fixtureDeck("authoring");
let served: Served & { outDir: string };
let session: RecordedSession;

beforeAll(async () => {
  served = await buildAndPreview(deck);
  session = await openSession(served.url);
});
afterAll(async () => {
  await session?.close();
  await served?.close();
});

/** A box of the slide, in slide pixels (reveal.js scales the slide to the window). */
const box = (selector: string) =>
  session.page.$eval(selector, (element) => {
    const slides = document.querySelector(".reveal .slides") as HTMLElement;
    const scale = slides.getBoundingClientRect().width / slides.offsetWidth;
    const frame = slides.getBoundingClientRect();
    const r = element.getBoundingClientRect();
    return {
      left: (r.left - frame.left) / scale,
      top: (r.top - frame.top) / scale,
      width: r.width / scale,
      height: r.height / scale,
    };
  });

describe("authoring constructs in the built deck", () => {
  test("an incremental list shows its items one key press at a time, details with them", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/incremental-list");
    const shown = () => page.locator("section.present li.fragment.visible").count();
    expect(await page.locator("section.present li.fragment").count()).toBe(3);
    expect(await page.locator("section.present li li.fragment").count()).toBe(0);
    expect(await shown()).toBe(0);
    for (const expected of [1, 2, 3]) {
      await page.keyboard.press("ArrowRight");
      await expect.poll(shown).toBe(expected);
    }
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("columns");
  });

  test("columns stand side by side, the first as wide as it says", async () => {
    await gotoDeck(session.page, served.url, "#/columns");
    const all = await box("section.present .columns");
    const left = await box("section.present .column:nth-child(1)");
    const right = await box("section.present .column:nth-child(2)");
    expect(left.top).toBeCloseTo(right.top, 0);
    expect(right.left).toBeGreaterThan(left.left + left.width);
    expect(left.width / all.width).toBeCloseTo(0.4, 2);
  });

  test("a sized image takes its share of the slide; a stretched one fills what is left", async () => {
    await gotoDeck(session.page, served.url, "#/a-sized-image");
    expect((await box("section.present img")).width).toBeCloseTo(1280 * 0.3, 0);
    await gotoDeck(session.page, served.url, "#/a-stretched-image");
    const image = await box("section.present > img.r-stretch");
    const line = await box("section.present > p");
    expect(image.top).toBeGreaterThan(line.top + line.height);
    // reveal.js gives it the height down to the slide's bottom edge.
    expect(image.top + image.height).toBeGreaterThan(700);
    expect(image.top + image.height).toBeLessThanOrEqual(721);
  });

  test("formulas are drawn with KaTeX's fonts, which only a deck with math loads", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/math");
    expect(await page.locator("section.present .katex").count()).toBe(2);
    expect(await page.locator("section.present .katex-display").count()).toBe(1);
    await expect
      .poll(() =>
        page.evaluate(() =>
          Array.from(document.fonts).some(
            (f) => f.family.includes("KaTeX_Main") && f.status === "loaded",
          ),
        ),
      )
      .toBe(true);
    expect(await page.locator("section.present").textContent()).toContain("$5 and $10");
    const fonts = (dir: string) =>
      readdirSync(path.join(dir, "assets")).filter((f) => f.startsWith("KaTeX_"));
    expect(fonts(served.outDir).length).toBeGreaterThan(0);
    expect(fonts(served.outDir).every((f) => f.endsWith(".woff2"))).toBe(true);
  });

  test("a background picture is dimmed as asked, behind the text", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/text-over-a-picture");
    const background = page.locator(".backgrounds .slide-background.present");
    await expect
      .poll(() =>
        background
          .locator(".slide-background-content")
          .evaluate((e) => getComputedStyle(e).backgroundImage),
      )
      .toMatch(/^url\("data:image\/svg\+xml;base64,/);
    expect(
      await background.evaluate(
        (e) => getComputedStyle(e.querySelector(".slide-background-content") as Element).opacity,
      ),
    ).toBe("0.15");
    expect(session.errors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});

describe("authoring constructs checked and printed", () => {
  test("the deck doctor finds nothing wrong: no overflow, contrast or alt text problem", async () => {
    const report = await runCheck({
      root: ROOT,
      slidesDir: deck,
      themesDir: path.join(ROOT, "themes"),
      progress: () => undefined,
    });
    expect(report.findings).toEqual([]);
  });

  test("prints a page per list step with --fragments, and every item in the handout", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "deck-authoring-"));
    try {
      const stepped = path.join(out, "stepped.pdf");
      expect(
        runExport(["slides", "--dist", served.outDir, "--out", stepped, "--fragments"]).status,
      ).toBe(0);
      // Seven slides; the incremental one prints before its first step and after each of three.
      expect((await readPdf(stepped)).pages).toBe(7 + 3);
      const handout = path.join(out, "handout.pdf");
      expect(
        runExport(["handout", "--dist", served.outDir, "--out", handout, "--per-page", "1"]).status,
      ).toBe(0);
      const pdf = await readPdf(handout);
      // No cover (the deck names no author or event): slide 2 is on page 2.
      const page = await pdf.text(2);
      expect(page).toMatch(/First point[\s\S]*with its detail[\s\S]*Third point/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("the handout lays slides out as the screen does: stretched images, backgrounds edge to edge", async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(`${served.url}?handout&per-page=1`);
      await page.waitForSelector("body[data-handout-ready]", { state: "attached" });
      const inFrame = (slide: string, selector: string) =>
        page.$eval(
          `.handout-item[data-slide="${slide}"]`,
          (item, inner) => {
            const frame = item.querySelector(".handout-frame")?.getBoundingClientRect();
            const box = item.querySelector(inner)?.getBoundingClientRect();
            if (!frame || !box) return undefined;
            return {
              top: (box.top - frame.top) / frame.height,
              bottom: (box.bottom - frame.top) / frame.height,
              left: (box.left - frame.left) / frame.width,
              right: (box.right - frame.left) / frame.width,
            };
          },
          selector,
        );
      // The stretched square fills what the heading and the line above it leave, inside the slide.
      const stretched = await inFrame("a-stretched-image", "img.r-stretch");
      expect(stretched?.bottom).toBeLessThanOrEqual(1);
      expect((stretched?.bottom ?? 0) - (stretched?.top ?? 0)).toBeGreaterThan(0.5);
      const background = await inFrame("text-over-a-picture", ".handout-background");
      // Edge to edge, margins included (but for the frame's hairline border).
      expect(background?.top).toBeCloseTo(0, 2);
      expect(background?.left).toBeCloseTo(0, 2);
      expect(background?.bottom).toBeCloseTo(1, 2);
      expect(background?.right).toBeCloseTo(1, 2);
    } finally {
      await page.close();
    }
  });

  test("a deck without math carries nothing of KaTeX", async () => {
    const plain = await buildAndPreview(fixtureDeck("engine"));
    try {
      const files = readdirSync(path.join(plain.outDir, "assets"));
      expect(files.filter((f) => /katex/i.test(f))).toEqual([]);
      const css = files
        .filter((f) => f.endsWith(".css"))
        .map((f) => readFileSync(path.join(plain.outDir, "assets", f), "utf8"));
      expect(css.join("").includes(".katex")).toBe(false);
    } finally {
      await plain.close();
    }
  });
});

describe("authoring constructs in the single-file deck, from file:// with the network off", () => {
  test("draws the formulas in KaTeX's fonts, the images and the columns, and asks for nothing", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "deck-authoring-file-"));
    const browser = await launchPlaywright();
    try {
      const file = await buildOfflineTo(out, deck);
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const outside: string[] = [];
      await page.route("**/*", (route) => {
        if (route.request().url().startsWith("file://")) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      await page.goto(`file://${file}#/math`);
      await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
      await expect
        .poll(() =>
          page.evaluate(() =>
            Array.from(document.fonts).some(
              (f) => f.family.includes("KaTeX_Main") && f.status === "loaded",
            ),
          ),
        )
        .toBe(true);
      expect(await page.locator("section.present .katex").count()).toBe(2);
      // Every image (the sized, the stretched, the background's) is in the file and decodes.
      const images = await page.$$eval("section img", (all) =>
        all.map((img) => [
          (img as HTMLImageElement).src.slice(0, 15),
          (img as HTMLImageElement).naturalWidth > 0,
        ]),
      );
      expect(images).toEqual([
        ["data:image/svg+", true],
        ["data:image/svg+", true],
      ]);
      expect(await page.locator("section#columns .columns > .column").count()).toBe(2);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
