import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
} from "../helpers/browser-session.ts";
import { buildAndPreview, type Served } from "../helpers/deck-server.ts";
import { ESSAY_HEADINGS, normalizeSpace, readEssay } from "../helpers/essay.ts";

let served: Served;
let session: RecordedSession;

beforeAll(async () => {
  served = await buildAndPreview();
  session = await openSession(served.url);
  await gotoDeck(session.page, served.url);
});

afterAll(async () => {
  await session?.close();
  await served?.close();
});

/** Each slide's title, visible text and notes, as the built deck has them. */
function readSlides() {
  return session.page.$$eval(".reveal .slides > section", (sections) =>
    sections.map((section) => ({
      id: section.id,
      title: section.querySelector("h1, h2")?.textContent ?? "",
      text: section.textContent ?? "",
      notes: section.querySelector("aside.notes")?.textContent ?? "",
    })),
  );
}

describe("the talk, built and opened in Chromium", () => {
  test("has a title slide and then one slide per essay heading, in the essay's order", async () => {
    const slides = await readSlides();
    const essay = readEssay();
    expect(slides.map((slide) => slide.title)).toEqual([essay[0]?.heading, ...ESSAY_HEADINGS]);
    expect(slides.find((slide) => slide.title === "Smaller images")?.id).toBe("smaller-images");
  });

  test("has every sentence of the essay, word for word, on its slide or in its notes", async () => {
    const slides = await readSlides();
    const missing: string[] = [];
    for (const [index, section] of readEssay().entries()) {
      const slide = slides[index];
      const text = normalizeSpace(slide?.text ?? "");
      for (const sentence of section.sentences) {
        if (!text.includes(normalizeSpace(sentence)))
          missing.push(`${section.heading}: ${sentence}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("shows the essay's date and lede on the title slide and 'All in Rust.' at the end", async () => {
    const page = session.page;
    await gotoDeck(page, served.url);
    const title = await page.locator("section.present").innerText();
    expect(title).toContain("Last updated · 2026-04-19");
    expect(title).toContain("Go is the default language of Kubernetes.");
    await gotoDeck(page, served.url, "#/thats-why");
    await expect.poll(() => page.locator("section.present").innerText()).toContain("All in Rust.");
  });

  test("moves forward and back with the arrow keys, and the URL follows", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/");
    expect(await currentSlideId(page)).toBe("rust-for-kubernetes-addons");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("the-default");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("i-do-it-anyway");
    await expect.poll(() => new URL(page.url()).hash).toBe("#/i-do-it-anyway");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => currentSlideId(page)).toBe("the-default");
    expect(await page.locator(".reveal .slide-number").innerText()).toMatch(/2\s*\/\s*21/);
  });

  test("opens a slide from its id in the URL", async () => {
    await gotoDeck(session.page, served.url, "#/smaller-images");
    expect(await currentSlideId(session.page)).toBe("smaller-images");
    expect(await session.page.locator("section.present h2").innerText()).toBe("Smaller images");
  });

  test("opens the speaker view with S, showing the current slide's notes", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/smaller-memory");
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    const notes = popup.locator(".speaker-controls-notes .value");
    await expect
      .poll(() => notes.textContent())
      .toContain("A hello-world Go controller idles at 30–50 MB RSS before doing anything.");
    // Moving in the main window moves the speaker view along.
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => notes.textContent())
      .toContain("The single most common failure I've operated in Go");
    await popup.close();
  });

  test("walks through a code block's steps with the arrow key, then moves on", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/tokio-cancellation");
    const active = () =>
      page.$$eval("section.present .code-line.is-active", (lines) =>
        lines.map((line) => Number((line as HTMLElement).dataset.line)),
      );
    await expect.poll(active).toEqual([1, 2]);
    expect(await page.locator("section.present .code-line.is-muted").count()).toBe(10);
    await page.keyboard.press("ArrowRight");
    await expect.poll(active).toEqual([5, 6, 7, 8]);
    await page.keyboard.press("ArrowRight");
    await expect.poll(active).toEqual([11, 12]);
    expect(await currentSlideId(page)).toBe("tokio-cancellation");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(active).toEqual([5, 6, 7, 8]);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("kube-rs-is-ready");
  });

  test("draws the essay's figures as accessible charts, with the essay's numbers", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/smaller-images");
    const chart = page.locator("section.present svg.deck-chart");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.locator("desc").textContent()).toBe(
      "Go + client-go + AWS SDK, distroless: 30 to 80 MB. Rust on musl, in scratch: 5 to 15 MB.",
    );
    await gotoDeck(page, served.url, "#/smaller-memory");
    expect(await page.locator("section.present svg.deck-chart desc").textContent()).toBe(
      "Go: 30 to 50 MB. Rust: 5 to 10 MB.",
    );
  });

  test("makes no request outside its own origin and logs no error", async () => {
    // Walk every slide so that everything the deck loads has been loaded.
    const page = session.page;
    await gotoDeck(page, served.url, "#/");
    // Code walk-throughs add a key press per step; keep going until the last slide.
    for (let i = 0; i < 40 && (await currentSlideId(page)) !== "thats-why"; i++) {
      await page.keyboard.press("ArrowRight");
    }
    await expect.poll(() => currentSlideId(page)).toBe("thats-why");
    await page.evaluate(() => document.fonts.ready);
    expect(session.foreignRequests).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
