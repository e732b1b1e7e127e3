import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { currentSlideId } from "../helpers/browser-session.ts";
import { buildAndPreview, fixtureDeck, type Served } from "../helpers/deck-server.ts";
import { PHONE_PROBE, type PhoneView, SCROLL_SETTLED } from "../helpers/phone-probe.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";

// The published deck on a phone (390×844 CSS pixels, touch), in Chromium: held upright reveal.js
// shows its scroll view, held sideways its slides; a finger moves through them either way.
let served: Served & { outDir: string };
let browser: Browser;
beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
  browser = await launchPlaywright();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openPhone(width: number, height: number, hash: string) {
  const context = await browser.newContext({
    viewport: { width, height },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  });
  const page = await context.newPage();
  await page.goto(`${served.url}${hash}`);
  await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
  return { context, page };
}

/** A finger drawn across the screen, through Chromium's touch input (not synthetic events). */
async function swipe(context: BrowserContext, page: Page, from: number[], to: number[]) {
  const cdp = await context.newCDPSession(page);
  const [x0 = 0, y0 = 0] = from;
  const [x1 = 0, y1 = 0] = to;
  const point = (t: number) => [{ x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(0) });
  for (let step = 1; step <= 10; step++) {
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: point(step / 10),
    });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

const view = (page: Page) => page.evaluate(PHONE_PROBE) as Promise<PhoneView>;

describe("the deck on a phone (Chromium, touch)", () => {
  test("held upright: the slide asked for, the screen's width, no sideways scroll; a swipe up moves on", async () => {
    const { context, page } = await openPhone(390, 844, "#/plain-text");
    try {
      // The scroll view scrolls to the slide the link names once it is laid out.
      await expect
        .poll(async () => {
          const { id, scrollView } = await view(page);
          return [id, scrollView];
        })
        .toEqual(["plain-text", true]);
      const upright = await view(page);
      expect(upright).toMatchObject({
        id: "plain-text",
        sideways: 0,
        zoomable: true,
        scrollView: true,
      });
      expect(upright.widthShare).toBeGreaterThan(0.9);
      expect(upright.textPx).toBeGreaterThanOrEqual(9);
      await swipe(context, page, [200, 700], [200, 150]);
      await expect.poll(async () => (await view(page)).id).not.toBe("plain-text");
      // Where the finger's scroll came to rest (under load it was still moving when first read).
      await page.evaluate(SCROLL_SETTLED);
      const reached = await view(page);
      expect(reached.sideways).toBe(0);
      // Turned sideways: the slides, on the slide the finger reached.
      await page.setViewportSize({ width: 844, height: 390 });
      await expect.poll(async () => (await view(page)).scrollView).toBe(false);
      expect((await view(page)).id).toBe(reached.id);
    } finally {
      await context.close();
    }
  });

  test("held sideways: the slides, larger; a swipe to the left moves to the next slide", async () => {
    const { context, page } = await openPhone(844, 390, "#/plain-text");
    try {
      const sideways = await view(page);
      expect(sideways).toMatchObject({ id: "plain-text", sideways: 0, scrollView: false });
      expect(sideways.textPx).toBeGreaterThanOrEqual(14);
      await swipe(context, page, [700, 200], [150, 200]);
      await expect.poll(() => currentSlideId(page)).toBe("part-one");
    } finally {
      await context.close();
    }
  });

  test("a window narrowed to a phone's width turns into the scroll view, styled, on the same slide", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    try {
      await page.goto(`${served.url}#/code-steps`);
      await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(async () => (await view(page)).scrollView).toBe(true);
      // The scroll view's own stylesheet has come: it scrolls up and down, without arrows.
      const styled = () =>
        page.evaluate(() => {
          const viewport = document.querySelector(".reveal-viewport") as Element;
          const controls = document.querySelector(".reveal .controls") as Element;
          return [getComputedStyle(viewport).overflowY, getComputedStyle(controls).display];
        });
      await expect.poll(styled).toEqual(["auto", "none"]);
      expect(await view(page)).toMatchObject({ id: "code-steps", sideways: 0 });
    } finally {
      await context.close();
    }
  });
});
