import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
  waitForHash,
} from "../helpers/browser-session.ts";
import {
  buildAndPreview,
  ENGINE_SLIDE_IDS,
  fixtureDeck,
  type Served,
} from "../helpers/deck-server.ts";

let served: Served;
let session: RecordedSession;

beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
  session = await openSession(served.url);
});

afterAll(async () => {
  await session?.close();
  await served?.close();
});

const IDS = [...ENGINE_SLIDE_IDS];

describe("a deck, built and opened in Chromium", () => {
  test("has one slide per heading, in file order, each with its id and notes", async () => {
    await gotoDeck(session.page, served.url);
    const slides = await session.page.$$eval(".reveal .slides > section", (sections) =>
      sections.map((section) => ({
        id: section.id,
        notes: section.querySelector("aside.notes")?.textContent?.trim() ?? "",
      })),
    );
    expect(slides.map((slide) => slide.id)).toEqual(IDS);
    expect(slides[0]?.notes).toBe("Welcome, everyone. These are the title slide's notes.");
    expect(slides.every((slide) => slide.notes !== "")).toBe(true);
  });

  test("moves forward and back with the arrow keys, and the URL follows", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/");
    expect(await currentSlideId(page)).toBe("engine-fixture");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("plain-text");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("part-one");
    await waitForHash(page, "#/part-one");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentSlideId(page)).toBe("plain-text");
    await waitForHash(page, "#/plain-text");
    expect(await page.locator(".reveal .slide-number").innerText()).toMatch(/2\s*\/\s*10/);
  });

  test("opens a slide from its id in the URL, and follows links between slides", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/plain-text");
    expect(await page.locator("section.present h2").innerText()).toBe("Plain text");
    await page.locator("section.present a", { hasText: "link to the code" }).click();
    await expect.poll(() => currentSlideId(page)).toBe("code-steps");
  });

  test("opens the speaker view with S, showing the current slide's notes", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/plain-text");
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    const notes = popup.locator(".speaker-controls-notes .value");
    await expect.poll(() => notes.textContent()).toContain("The plain slide's notes.");
    // Moving in the main window moves the speaker view along.
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => notes.textContent()).toContain("Part one opens here.");
    await popup.close();
  });

  test("walks through a code block's steps with the arrow key, then moves on", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/code-steps");
    const active = () =>
      page.$$eval("section.present .code-line.is-active", (lines) =>
        lines.map((line) => Number((line as HTMLElement).dataset.line)),
      );
    await expect.poll(active).toEqual([1, 2]);
    expect(await page.locator("section.present .code-line.is-muted").count()).toBe(4);
    await page.keyboard.press("ArrowRight");
    await expect.poll(active).toEqual([4]);
    await page.keyboard.press("ArrowRight");
    await expect.poll(active).toEqual([6]);
    expect(await currentSlideId(page)).toBe("code-steps");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(active).toEqual([4]);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("a-chart");
  });

  test("shows fragments one step at a time", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/fragments");
    const visible = () => page.locator("section.present .fragment.visible").count();
    expect(await page.locator("section.present .fragment").count()).toBe(2);
    expect(await visible()).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(visible).toBe(1);
    await page.keyboard.press("ArrowRight");
    await expect.poll(visible).toBe(2);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("an-image");
  });

  test("draws a chart fence as an accessible chart, and shows the slides folder's images", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/a-chart");
    const chart = page.locator("section.present svg.deck-chart");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.locator("desc").textContent()).toBe(
      "Before: 30 to 80 MB. After: 5 to 15 MB.",
    );
    await gotoDeck(page, served.url, "#/an-image");
    const image = page.locator("section.present img");
    expect(await image.getAttribute("alt")).toBe("A blue square with a white circle");
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  });

  test("makes no request outside its own origin and logs no error", async () => {
    // Walk every slide so that everything the deck loads has been loaded.
    const page = session.page;
    await gotoDeck(page, served.url, "#/");
    for (let i = 0; i < 30 && (await currentSlideId(page)) !== "thank-you"; i++) {
      await page.keyboard.press("ArrowRight");
    }
    await expect.poll(() => currentSlideId(page)).toBe("thank-you");
    await page.evaluate(() => document.fonts.ready);
    expect(session.foreignRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
