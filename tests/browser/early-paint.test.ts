import { rmSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSession, type RecordedSession } from "../helpers/browser-session.ts";
import { buildDeckTo, fixtureDeck, ROOT, writeDeck } from "../helpers/deck-server.ts";
import { type HeldScriptServer, serveWithHeldScript } from "../helpers/held-script-server.ts";
import { differingPixels, SLIDE_ONLY_CSS } from "../helpers/pixels.ts";

// The first slide is drawn from the page's HTML and CSS, before reveal.js has loaded: a venue's
// slow laptop shows the title at once. It must be where reveal.js then lays it out, to the pixel.

const TALL_FIRST_SLIDE = [
  "# A first slide taller than the slide",
  "",
  ...Array.from({ length: 14 }, (_, index) => `- point ${index + 1}`),
].join("\n");

// Decks written for other features (and one from reveal-md), and two for this one's edges: a
// 4:3 slide whose text overflows it (reveal.js then puts it at the top), and a slide with a
// background, which needs reveal.js to show.
const decks = {
  engine: () => fixtureDeck("engine"),
  authoring: () => fixtureDeck("authoring"),
  "reveal-md talk": () => `${ROOT}/tests/fixtures/reveal/reveal-md-talk`,
  "4:3, overflowing": () =>
    writeDeck({ "deck.yaml": 'title: Tall\naspect: "4:3"\n', "01.md": TALL_FIRST_SLIDE }),
  "background first": () =>
    writeDeck({
      "deck.yaml": "title: Background\n",
      "01.md": '# Coloured\n<!-- .slide: data-background-color="#1d3557" -->\n',
      "02.md": "# Plain\n",
    }),
};
type DeckName = keyof typeof decks;

const built = new Map<DeckName, { server: HeldScriptServer; outDir: string }>();
let session: RecordedSession;
beforeAll(async () => {
  for (const [name, slidesDir] of Object.entries(decks) as [DeckName, () => string][]) {
    const outDir = await buildDeckTo(slidesDir());
    built.set(name, { server: await serveWithHeldScript(outDir), outDir });
  }
  session = await openSession(built.get("engine")?.server.url ?? "");
  // Each deck is served from an origin of its own.
  await session.context.unrouteAll();
});
afterAll(async () => {
  await session?.close();
  for (const { server, outDir } of built.values()) {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
});

function deck(name: DeckName): HeldScriptServer {
  const server = built.get(name)?.server;
  if (!server) throw new Error(`${name} was not built`);
  server.hold();
  return server;
}

// The page loaded, the deck's script still held: what the page's head script did is done.
async function openHeld(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
}

function painted(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Boolean(performance.getEntriesByName("first-contentful-paint").length),
  );
}

// reveal.js's own controls, progress bar and slide number come with it; the slide is compared.
async function slideOnly(page: Page): Promise<Buffer> {
  await page.addStyleTag({ content: SLIDE_ONLY_CSS });
  return page.screenshot();
}

async function firstSlideShown(page: Page): Promise<boolean> {
  return page.$eval(".reveal .slides > section", (section) => {
    const box = section.getBoundingClientRect();
    return getComputedStyle(section).display !== "none" && box.height > 0;
  });
}

describe("the first slide before reveal.js has started", () => {
  const sizes = [
    { width: 1280, height: 720 },
    { width: 1000, height: 700 },
  ];
  for (const name of ["engine", "authoring", "reveal-md talk", "4:3, overflowing"] as const) {
    test(`is painted, and stays where reveal.js lays it out: ${name}`, async () => {
      const { page } = session;
      const server = deck(name);
      for (const size of sizes) {
        server.hold();
        await page.setViewportSize(size);
        await openHeld(page, server.url);
        expect(await firstSlideShown(page)).toBe(true);
        await expect.poll(() => painted(page)).toBe(true);
        const before = await slideOnly(page);
        server.release();
        await page.waitForSelector(".reveal[data-deck-ready]");
        await page.evaluate(() => document.fonts.ready);
        // reveal.js fades the other slides' backgrounds in place as it starts; text is drawn a
        // little differently while anything animates.
        await page.evaluate(async () => {
          await Promise.all(document.getAnimations().map((animation) => animation.finished));
        });
        const after = await slideOnly(page);
        expect(differingPixels(before, after), `${size.width}×${size.height}`).toBe(0);
        expect(await page.evaluate(() => document.documentElement.className)).not.toContain(
          "deck-early-paint",
        );
      }
      await page.setViewportSize(sizes[0] ?? { width: 1280, height: 720 });
    });
  }

  test("waits for reveal.js in every other view, at another slide, on a phone, behind a background", async () => {
    const { page } = session;
    const engine = deck("engine").url;
    const cases = [
      { url: `${engine}?presenter`, size: { width: 1280, height: 720 } },
      { url: `${engine}?theme=dark`, size: { width: 1280, height: 720 } },
      { url: `${engine}#/plain-text`, size: { width: 1280, height: 720 } },
      { url: engine, size: { width: 390, height: 844 } },
      { url: deck("background first").url, size: { width: 1280, height: 720 } },
    ];
    for (const { url, size } of cases) {
      await page.setViewportSize(size);
      await openHeld(page, url);
      expect(await firstSlideShown(page), url).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    // …and a page that opens at the first slide by its name is painted early, as at `#/`.
    for (const hash of ["#/engine-fixture", "#/", "#/0"]) {
      await openHeld(page, `${engine}${hash}`);
      expect(await firstSlideShown(page), hash).toBe(true);
    }
    expect(session.errors).toEqual([]);
  });
});
