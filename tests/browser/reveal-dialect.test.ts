import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hasErrors } from "../../src/deck/diagnostics.ts";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { currentSlideId, gotoDeck } from "../helpers/browser-session.ts";
import { buildAndPreview, ROOT, type Served } from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";
import { readPdf } from "../helpers/read-pdf.ts";
import { readRevealSlides, serveRevealOracle } from "../helpers/reveal-oracle.ts";
import { runExport } from "../helpers/run-export.ts";

/*
 * Decks written for reveal.js's markdown plugin and for reveal-md (tests/fixtures/reveal/, one
 * per source of features: reveal.js's Markdown page, reveal-md's README, ...) must come out slide
 * for slide as reveal.js itself renders them: the oracle is reveal.js with its own markdown and
 * highlight plugins, from node_modules, in the same browser.
 */

const DECKS = path.join(ROOT, "tests/fixtures/reveal");
let browser: Browser;

beforeAll(async () => {
  browser = await launchPlaywright();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(readdirSync(DECKS).sort())("the %s deck", (name) => {
  const slidesDir = path.join(DECKS, name);

  test("builds with no error, and renders as reveal.js renders it, slide for slide", async () => {
    const { diagnostics } = await loadDeck({ slidesDir, themesDir: path.join(ROOT, "themes") });
    expect(hasErrors(diagnostics), JSON.stringify(diagnostics)).toBe(false);
    const [ours, oracle] = await Promise.all([
      buildAndPreview(slidesDir),
      serveRevealOracle(slidesDir),
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    context.on("page", (page) => page.on("pageerror", (error) => errors.push(error.message)));
    try {
      const revealPage = await context.newPage();
      await revealPage.goto(oracle.url);
      await revealPage.waitForSelector("body[data-oracle-ready]", { state: "attached" });
      const expected = await readRevealSlides(revealPage);

      const page = await context.newPage();
      await gotoDeck(page, ours.url);
      const actual = await readRevealSlides(page);
      expect(actual).toEqual(expected);
      expect(actual.length).toBeGreaterThan(3);

      // Nothing of the separators is left on a slide, and every local image is there.
      const leftovers = await page.$$eval(".reveal .slides section:not(.stack)", (sections) =>
        sections.flatMap((section) => {
          const found: string[] = [];
          if (section.querySelector(":scope > hr")) found.push(`${section.id}: a rule`);
          if (/<!--[sv]-->|^\s*(?:vvv|---|--)\s*$/m.test(section.textContent ?? "")) {
            found.push(`${section.id}: separator text`);
          }
          return found;
        }),
      );
      expect(leftovers).toEqual([]);
      const images = page.locator(".reveal .slides img");
      for (let i = 0; i < (await images.count()); i++) {
        await expect
          .poll(() => images.nth(i).evaluate((img: HTMLImageElement) => img.naturalWidth))
          .toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await ours.close();
      await oracle.close();
    }
  });
});

describe("a deck with vertical stacks", () => {
  const slidesDir = path.join(DECKS, "multi-file");
  let served: Served & { outDir: string };
  let out: string;
  beforeAll(async () => {
    served = await buildAndPreview(slidesDir);
    out = mkdtempSync(path.join(tmpdir(), "deck-stacks-"));
  });
  afterAll(async () => {
    await served?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test("moves down into a stack and back, in both windows of the presenter view", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const audience = await context.newPage();
      const presenter = await context.newPage();
      await gotoDeck(audience, served.url, "#/a-deployment");
      await gotoDeck(presenter, served.url, "?presenter#/a-deployment");
      // ↓ walks the code's two line steps first, as in reveal.js, then moves below.
      for (let step = 0; step < 3; step++) await presenter.keyboard.press("ArrowDown");
      await expect.poll(() => currentSlideId(audience)).toBe("the-labels");
      await expect
        .poll(() => presenter.locator(".presenter-notes-body").textContent())
        .toContain("Say why the team and the cost centre are labels.");
      expect(await presenter.locator(".presenter-position").textContent()).toBe("3 / 5");
      await audience.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(presenter)).toBe("one-more-thing");
    } finally {
      await context.close();
    }
  });

  test("prints every slide of a stack on its own page, and hands them all out", async () => {
    const pdfFile = path.join(out, "stacks.pdf");
    const run = runExport(["slides", "--dist", served.outDir, "--out", pdfFile]);
    expect(run.stderr).toBe("");
    const pdf = await readPdf(pdfFile);
    expect(pdf.pages).toBe(5);
    expect(await pdf.text(3)).toContain("The labels");
    expect(pdf.outline.map((item) => item.title)).toEqual([
      "Kubernetes manifests",
      "A Deployment",
      "The labels",
      "One more thing",
      "The end",
    ]);
    const handoutFile = path.join(out, "stacks-handout.pdf");
    expect(runExport(["handout", "--dist", served.outDir, "--out", handoutFile]).status).toBe(0);
    const handout = await readPdf(handoutFile);
    let text = "";
    for (let page = 1; page <= handout.pages; page++) text += await handout.text(page);
    expect(text).toMatch(/1\. Kubernetes manifests[\s\S]*3\. The labels[\s\S]*5\. The end/);
  });
});

describe("a reveal-md talk's slide with its own background colour", () => {
  test("is marked dark or light in the handout as reveal.js marks it on screen, so its ink reads", async () => {
    const served = await buildAndPreview(path.join(DECKS, "reveal-md-talk"));
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const marked = (selector: string) =>
      page.$$eval(selector, (sections) =>
        sections
          .filter((s) => /has-(dark|light)-background/.test(s.className))
          .map((s) => `${s.id} ${s.className.match(/has-(dark|light)-background/)?.[0]}`),
      );
    try {
      await gotoDeck(page, served.url);
      const onScreen = await marked(".reveal .slides section:not(.stack)");
      expect(onScreen).toContain("thank-you has-dark-background");
      await page.goto(`${served.url}?handout`);
      await page.waitForSelector("body[data-handout-ready]", { state: "attached" });
      expect(await marked(".handout-slide .slides section")).toEqual(onScreen);
      // The theme's ink for a dark slide: light, where the page's own is near black.
      const ink = await page.$eval(
        ".handout-slide #thank-you h3",
        (h) => getComputedStyle(h).color,
      );
      const [r = 0, g = 0, b = 0] = ink.match(/\d+/g)?.map(Number) ?? [];
      expect((r * 299 + g * 587 + b * 114) / 1000, ink).toBeGreaterThan(200);
    } finally {
      await page.close();
      await served.close();
    }
  });
});
