import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
} from "../helpers/browser-session.ts";
import { type Served, startDevServer, writeDeck } from "../helpers/deck-server.ts";

const slidesDir = writeDeck({
  "01-intro.md": "# First\n\nHello\n\n## Second\n\nWorld\n\nNote:\nSecond notes\n",
  "02-more.md": "## Third\n\nBody\n",
});
let served: Served;
let session: RecordedSession;

beforeAll(async () => {
  served = await startDevServer(slidesDir);
  session = await openSession(served.url);
  await gotoDeck(session.page, served.url, "#/second");
  // A full page reload would clear this; hot updates keep it.
  await session.page.evaluate(() => Object.assign(window, { hotMarker: "kept" }));
});

afterAll(async () => {
  await session?.close();
  await served?.close();
  rmSync(slidesDir, { recursive: true, force: true });
});

const write = (name: string, text: string) => writeFileSync(path.join(slidesDir, name), text);
const slideIds = () =>
  session.page.$$eval(".reveal .slides > section", (sections) => sections.map((s) => s.id));
const marker = () => session.page.evaluate(() => (window as { hotMarker?: string }).hotMarker);
const overlay = () => session.page.locator("vite-error-overlay");
const overlayText = () =>
  session.page.evaluate(
    () => document.querySelector("vite-error-overlay")?.shadowRoot?.textContent ?? "",
  );

describe("npm start (the dev server)", () => {
  test("updates an edited slide in place, without a reload, on the same slide", async () => {
    write("01-intro.md", "# First\n\nHello\n\n## Second\n\nPlanet\n\nNote:\nSecond notes\n");
    await expect.poll(() => session.page.locator("#second").innerText()).toContain("Planet");
    expect(await currentSlideId(session.page)).toBe("second");
    expect(await marker()).toBe("kept");
  });

  test("adds and removes slides when files are added and removed", async () => {
    write("03-added.md", "## Fourth\n\nNew\n");
    await expect.poll(slideIds).toEqual(["first", "second", "third", "fourth"]);
    rmSync(path.join(slidesDir, "03-added.md"));
    await expect.poll(slideIds).toEqual(["first", "second", "third"]);
    expect(await currentSlideId(session.page)).toBe("second");
    expect(await marker()).toBe("kept");
  });

  test("follows a renamed file to its new place in the order, on the same slide", async () => {
    renameSync(path.join(slidesDir, "02-more.md"), path.join(slidesDir, "00-more.md"));
    await expect.poll(slideIds).toEqual(["third", "first", "second"]);
    expect(await currentSlideId(session.page)).toBe("second");
    renameSync(path.join(slidesDir, "00-more.md"), path.join(slidesDir, "02-more.md"));
    await expect.poll(slideIds).toEqual(["first", "second", "third"]);
    expect(await currentSlideId(session.page)).toBe("second");
    expect(await marker()).toBe("kept");
  });

  test("shows a broken file's error with file:line:col in the overlay, and recovers", async () => {
    write("02-more.md", "## Third\n<!-- .slide: colour=red -->\n\nBody\n");
    await expect
      .poll(overlayText)
      .toMatch(/02-more\.md:2:14 error unknown-option unknown slide option `colour`/);
    // A page opened while the deck is broken shows the overlay too.
    const fresh = await session.context.newPage();
    await fresh.goto(served.url);
    await expect
      .poll(() =>
        fresh.evaluate(
          () => document.querySelector("vite-error-overlay")?.shadowRoot?.textContent ?? "",
        ),
      )
      .toContain("02-more.md:2:14 error unknown-option");
    await fresh.close();
    write("02-more.md", "## Third\n<!-- .slide: class=wide -->\n\nBody fixed\n");
    await expect.poll(() => overlay().count()).toBe(0);
    await expect.poll(() => session.page.locator("#third").innerText()).toContain("Body fixed");
    expect(await session.page.locator("#third").getAttribute("class")).toContain("wide");
    expect(await marker()).toBe("kept");
  });

  test("opens the speaker view (S) and the presenter view (?presenter)", async () => {
    const page = await session.context.newPage();
    try {
      await gotoDeck(page, served.url, "#/second");
      const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
      await expect
        .poll(() => popup.locator(".speaker-controls-notes .value").textContent())
        .toContain("Second notes");
      await popup.close();
      await gotoDeck(page, served.url, "?presenter#/second");
      await expect
        .poll(() => page.locator(".presenter-notes-body").textContent())
        .toContain("Second notes");
      await expect
        .poll(() =>
          page.frameLocator(".presenter-next-frame").locator("section.present h2").textContent(),
        )
        .toBe("Third");
    } finally {
      await page.close();
    }
  });

  test("moves to the nearest slide when the current one is deleted", async () => {
    await gotoDeck(session.page, served.url, "#/third");
    await session.page.evaluate(() => Object.assign(window, { hotMarker: "kept" }));
    write("01-intro.md", "# First\n\nHello\n\n## Second\n\nPlanet\n\n## Between\n\nNew\n");
    await expect.poll(slideIds).toEqual(["first", "second", "between", "third"]);
    expect(await currentSlideId(session.page)).toBe("third");
    rmSync(path.join(slidesDir, "02-more.md"));
    await expect.poll(slideIds).toEqual(["first", "second", "between"]);
    expect(await currentSlideId(session.page)).toBe("between");
    expect(await marker()).toBe("kept");
  });

  test("listens on 127.0.0.1 only", () => {
    expect(new URL(served.url).hostname).toBe("127.0.0.1");
  });
});

describe("npm start on a deck cut by separators, with a vertical stack", () => {
  test("updates a slide below another in place, and keeps the speaker there", async () => {
    const dir = writeDeck({
      "deck.yaml": "separator: '^---$'\nverticalSeparator: '^--$'\n",
      "talk.md": "# Top\n\n--\n\n## Below\n\nFirst words\n\n---\n\n## Next\n",
    });
    const dev = await startDevServer(dir);
    // Another server is another origin: not the session's, which refuses other origins.
    const context = await session.browser.newContext();
    const page = await context.newPage();
    try {
      await gotoDeck(page, dev.url, "#/below");
      await page.evaluate(() => Object.assign(window, { hotMarker: "kept" }));
      writeFileSync(
        path.join(dir, "talk.md"),
        "# Top\n\n--\n\n## Below\n\nOther words\n\n---\n\n## Next\n",
      );
      await expect.poll(() => page.locator("#below").textContent()).toContain("Other words");
      expect(await currentSlideId(page)).toBe("below");
      expect(await page.evaluate(() => (window as { hotMarker?: string }).hotMarker)).toBe("kept");
      await page.keyboard.press("ArrowUp");
      await expect.poll(() => currentSlideId(page)).toBe("top");
    } finally {
      await context.close();
      await dev.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start with the authoring constructs", () => {
  test("a formula, columns and an incremental list written while the deck is open appear in place", async () => {
    const dir = writeDeck({ "talk.md": "# Live\n\n## Slide\n\nPlain text.\n" });
    const dev = await startDevServer(dir);
    const context = await session.browser.newContext();
    const page = await context.newPage();
    try {
      await gotoDeck(page, dev.url, "#/slide");
      await page.evaluate(() => Object.assign(window, { hotMarker: "kept" }));
      writeFileSync(
        path.join(dir, "talk.md"),
        "# Live\n\n## Slide\n<!-- .slide: incremental=true -->\n\n$a^2 + b^2 = c^2$\n\n:::: columns\n::: column\n- one\n- two\n:::\n::: column\nRight\n:::\n::::\n",
      );
      const katex = page.locator("#slide .katex");
      await expect.poll(() => katex.count()).toBe(1);
      // KaTeX's stylesheet came with the first formula.
      await expect
        .poll(() => katex.evaluate((e) => getComputedStyle(e).fontFamily))
        .toContain("KaTeX_Main");
      expect(await page.locator("#slide .columns > .column").count()).toBe(2);
      expect(await page.locator("#slide li.fragment").count()).toBe(2);
      expect(await currentSlideId(page)).toBe("slide");
      expect(await page.evaluate(() => (window as { hotMarker?: string }).hotMarker)).toBe("kept");
    } finally {
      await context.close();
      await dev.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
