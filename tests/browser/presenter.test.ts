import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countWords } from "../../src/deck/build-slide.ts";
import { estimateSeconds, formatDuration } from "../../src/deck/pacing.ts";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
  waitForHash,
} from "../helpers/browser-session.ts";
import { buildAndPreview, fixtureDeck, type Served } from "../helpers/deck-server.ts";

let served: Served;
let session: RecordedSession;
const dialogs: string[] = [];

beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
  session = await openSession(served.url);
  session.context.on("page", (page) => page.on("dialog", (d) => dialogs.push(d.message())));
  session.page.on("dialog", (d) => dialogs.push(d.message()));
});

afterAll(async () => {
  await session?.close();
  await served?.close();
});

/** A fresh presenter page and audience page of the deck, side by side in one browser. */
async function openPair(
  options: { withoutBroadcastChannel?: boolean; hiddenAudience?: boolean } = {},
) {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await session.context.newPage();
    if (options.hiddenAudience && i === 1) {
      // What a minimised window lives with: hidden, and no animation frames at all.
      await page.addInitScript(() => {
        Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
        Object.defineProperty(document, "hidden", { get: () => true });
        window.requestAnimationFrame = () => 0;
      });
    }
    if (options.withoutBroadcastChannel) {
      await page.addInitScript(() => {
        Reflect.deleteProperty(window, "BroadcastChannel");
      });
    }
    pages.push(page);
  }
  const [presenter, audience] = pages as [Page, Page];
  await gotoDeck(audience, served.url, "#/");
  await gotoDeck(presenter, served.url, "?presenter#/");
  return { presenter, audience, close: () => Promise.all(pages.map((p) => p.close())) };
}

const notesText = (presenter: Page) => presenter.locator(".presenter-notes-body").textContent();
const nextTitle = (presenter: Page) =>
  presenter
    .frameLocator(".presenter-next-frame")
    .locator("section.present h1, section.present h2")
    .textContent();

describe("the presenter view (?presenter)", () => {
  test("shows the current slide, its notes, the next slide, and follows the audience both ways", async () => {
    const { presenter, audience, close } = await openPair();
    try {
      await expect.poll(() => nextTitle(presenter)).toBe("Plain text");
      await presenter.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(audience)).toBe("plain-text");
      await expect.poll(() => notesText(presenter)).toContain("The plain slide's notes.");
      await expect.poll(() => nextTitle(presenter)).toBe("Part one");

      await audience.keyboard.press("ArrowRight");
      await audience.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(presenter)).toBe("code-steps");
      await expect.poll(() => notesText(presenter)).toContain("Walk through the code");
      await expect.poll(() => nextTitle(presenter)).toBe("Code steps");
    } finally {
      await close();
    }
  });

  test("keeps the position after either window reloads, and stays in sync", async () => {
    const { presenter, audience, close } = await openPair();
    try {
      await presenter.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(audience)).toBe("plain-text");
      await waitForHash(audience, "#/plain-text");
      await audience.reload();
      await audience.waitForSelector(".reveal[data-deck-ready]");
      expect(await currentSlideId(audience)).toBe("plain-text");
      await presenter.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(audience)).toBe("part-one");
      await waitForHash(presenter, "#/part-one");
      await presenter.reload();
      await presenter.waitForSelector(".reveal[data-deck-ready]");
      expect(await currentSlideId(presenter)).toBe("part-one");
      await audience.keyboard.press("ArrowLeft");
      await expect.poll(() => currentSlideId(presenter)).toBe("plain-text");
    } finally {
      await close();
    }
  });

  test("stays in sync through localStorage where BroadcastChannel is missing", async () => {
    const { presenter, audience, close } = await openPair({ withoutBroadcastChannel: true });
    try {
      expect(await audience.evaluate(() => "BroadcastChannel" in window)).toBe(false);
      await presenter.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(audience)).toBe("plain-text");
      await audience.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(presenter)).toBe("part-one");
      await expect.poll(() => nextTitle(presenter)).toBe("Code steps");
    } finally {
      await close();
    }
  });

  test("moves an audience window that is hidden (minimised, in a background tab)", async () => {
    const { presenter, audience, close } = await openPair({ hiddenAudience: true });
    try {
      expect(await audience.evaluate(() => document.visibilityState)).toBe("hidden");
      await presenter.keyboard.press("ArrowRight");
      await presenter.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(audience)).toBe("part-one");
    } finally {
      await close();
    }
  });

  test("paces against the plan and remembers the notes' text size", async () => {
    const { presenter, close } = await openPair();
    try {
      await expect
        .poll(() => presenter.locator(".presenter-pacing").textContent())
        .toBe("On track");
      const budget = await presenter.locator("#engine-fixture").getAttribute("data-timing");
      // The budget, and where it comes from: this fixture has no rehearsal and no timing=.
      expect(await presenter.locator(".presenter-budget").textContent()).toBe(
        `${formatDuration(Number(budget))} (by its notes)`,
      );
      expect(await presenter.locator(".presenter-remaining").textContent()).toMatch(
        /^(3:00|2:5\d)$/,
      );

      const size = () =>
        presenter.locator(".presenter-notes-body").evaluate((e) => getComputedStyle(e).fontSize);
      const before = await size();
      await presenter.getByRole("button", { name: "Larger notes text" }).click();
      await presenter.getByRole("button", { name: "Larger notes text" }).click();
      const after = await size();
      expect(Number.parseFloat(after)).toBe(Number.parseFloat(before) + 4);
      await presenter.reload();
      await presenter.waitForSelector(".reveal[data-deck-ready]");
      expect(await size()).toBe(after);
      // The arrow keys still move the deck after clicking the buttons.
      await presenter.getByRole("button", { name: "Smaller notes text" }).click();
      await presenter.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(presenter)).toBe("plain-text");
    } finally {
      await close();
    }
  });
});

describe("reveal.js's speaker view (S)", () => {
  test("drives the main window, and paces with budgets derived from the notes", async () => {
    const page = await session.context.newPage();
    try {
      await gotoDeck(page, served.url, "#/plain-text");
      const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
      const notes = popup.locator(".speaker-controls-notes .value");
      await expect.poll(() => notes.textContent()).toContain("The plain slide's notes.");
      await popup.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(page)).toBe("part-one");
      await expect.poll(() => notes.textContent()).toContain("Part one opens here.");
      await expect.poll(() => popup.locator(".pacing").isVisible()).toBe(true);
      await expect
        .poll(() => popup.locator(".pacing").getAttribute("class"))
        .toMatch(/ahead|on-track|behind/);

      // The budgets reveal.js paces with are the notes' estimates, scaled to the 3-minute talk.
      const slides = await page.$$eval(".reveal .slides > section", (sections) =>
        sections.map((s) => ({
          timing: Number(s.getAttribute("data-timing")),
          notes: s.querySelector("aside.notes")?.textContent ?? "",
        })),
      );
      const estimates = slides.map((s) => estimateSeconds(countWords(s.notes)));
      const scale = 180 / estimates.reduce((a, b) => a + b, 0);
      slides.forEach((slide, i) => {
        expect(Math.abs(slide.timing - (estimates[i] ?? 0) * scale)).toBeLessThanOrEqual(1);
      });
      expect(slides.reduce((total, s) => total + s.timing, 0)).toBe(180);
      expect(
        await page.evaluate(() => (window as unknown as { Reveal?: unknown }).Reveal),
      ).toBeUndefined();
      await popup.close();
    } finally {
      await page.close();
    }
  });

  test("never blocks the talk with alert(): a blocked popup shows a message instead", async () => {
    const page = await session.context.newPage();
    try {
      await page.addInitScript(() => {
        window.open = () => null;
      });
      await gotoDeck(page, served.url, "#/plain-text");
      await page.keyboard.press("s");
      await expect.poll(() => page.locator(".deck-toast").textContent()).toContain("?presenter");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => currentSlideId(page)).toBe("part-one");
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("only the deck's own windows drive it", () => {
  test("a deck hosted without headers refuses to run inside another site's frame", async () => {
    const hostile = createServer((_request, response) => {
      response.setHeader("content-type", "text/html");
      response.end(`<!doctype html><iframe id="framed" src="${served.url}"></iframe>`);
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    const hostileOrigin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
    await session.context.route(`${hostileOrigin}/**`, (route) => route.continue());
    // Static hosting sends no frame-ancestors header: strip the preview server's.
    await session.context.route(served.url, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["x-frame-options"];
      delete headers["content-security-policy"];
      await route.fulfill({ response, headers });
    });
    const page = await session.context.newPage();
    try {
      await page.goto(`${hostileOrigin}/frame.html`);
      await expect
        .poll(() => page.frameLocator("#framed").locator(".deck-refused").textContent())
        .toContain("does not run inside another site's page");
      expect(await page.frameLocator("#framed").locator("[data-deck-ready]").count()).toBe(0);
    } finally {
      await page.close();
      await session.context.unroute(served.url);
      await session.context.unroute(`${hostileOrigin}/**`);
      hostile.close();
    }
  });

  test("messages from another origin neither move the deck nor read its notes", async () => {
    // Another port is another origin; a local server, since Chromium keeps public pages away from
    // local ones. The hostile page opens the deck and frames it, then posts reveal.js's messages.
    const hostile = createServer((_request, response) => {
      response.setHeader("content-type", "text/html");
      response.end(`<!doctype html><iframe id="framed" src="${served.url}#/plain-text"></iframe>`);
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    const { port } = hostile.address() as AddressInfo;
    const hostileOrigin = `http://127.0.0.1:${port}`;
    // The session aborts requests that leave the deck's origin; this one is the test's own.
    await session.context.route(`${hostileOrigin}/**`, (route) => route.continue());
    const page = await session.context.newPage();
    try {
      const received: string[] = [];
      await page.exposeFunction("record", (data: string) => received.push(data));
      await page.addInitScript(() => {
        // Init scripts run in every frame; only the hostile page itself listens.
        if (window.top !== window) return;
        window.addEventListener("message", (event) =>
          (window as unknown as { record(d: string): void }).record(String(event.data)),
        );
      });
      // Counts the messages a window receives, before the deck's guard sees them (init scripts
      // run before the page's own).
      await session.context.addInitScript(() => {
        const counted = window as unknown as { messagesArrived: number };
        counted.messagesArrived = 0;
        window.addEventListener("message", () => counted.messagesArrived++, { capture: true });
      });
      // Resolves once the page and its frame have loaded, or failed to.
      await page.goto(`${hostileOrigin}/attack.html`);
      // The preview server forbids framing by other sites (frame-ancestors, X-Frame-Options).
      expect(await page.frameLocator("#framed").locator(".reveal").count()).toBe(0);

      const [deck] = await Promise.all([
        page.waitForEvent("popup"),
        page.evaluate((url) => {
          (window as unknown as { deck: Window | null }).deck = window.open(url);
        }, `${served.url}#/plain-text`),
      ]);
      await deck.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
      expect(await currentSlideId(deck)).toBe("plain-text");
      await page.evaluate(() => {
        const target = (window as unknown as { deck: Window | null }).deck;
        const attacks = [
          { method: "slide", args: [10] },
          { method: "next", args: [] },
          {
            namespace: "reveal-notes",
            type: "call",
            methodName: "slide",
            arguments: [12],
            callId: 1,
          },
          { namespace: "reveal-notes", type: "heartbeat" },
        ];
        for (const attack of attacks) target?.postMessage(JSON.stringify(attack), "*");
      });
      // Every attack has been dispatched, to the guard and to whatever it let through.
      await expect
        .poll(() =>
          deck.evaluate(() => (window as unknown as { messagesArrived: number }).messagesArrived),
        )
        .toBeGreaterThanOrEqual(4);
      expect(await currentSlideId(deck)).toBe("plain-text");
      // Messages from one window to another arrive in order: any answer of the notes plugin
      // would come before this one.
      await deck.evaluate(() => window.opener?.postMessage("sentinel", "*"));
      await expect.poll(() => received.includes("sentinel")).toBe(true);
      expect(received.filter((data) => data.includes("reveal-notes"))).toEqual([]);
      await deck.close();
    } finally {
      await page.close();
      await session.context.unroute(`${hostileOrigin}/**`);
      hostile.close();
    }
  });
});
