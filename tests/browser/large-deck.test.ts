import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SET_ASIDE_FROM } from "../../src/runtime/far-slides.ts";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
} from "../helpers/browser-session.ts";
import { buildAndPreview, type Served, writeDeck } from "../helpers/deck-server.ts";

// A deck large enough that its far slides wait until the first one is on the screen: it must
// still be the whole deck, wherever it opens, however the speaker moves.
const COUNT = SET_ASIDE_FROM + 20;
const CODE = COUNT - 10;
const STACKED = COUNT - 5;
const PICTURED = COUNT - 2;

function slide(index: number): string {
  const code = index === CODE ? "```rust {1|2}\nlet a = 1;\nlet b = 2;\n```\n\n" : "";
  const below = index === STACKED ? `\n--\n\n## Below ${index}\n\nUnder it.\n` : "";
  const picture = index === PICTURED ? "![A square](square.svg)\n\n" : "";
  return `## Slide ${index}\n\nPoint ${index}.\n\n${code}${picture}Note:\nSay ${index}.\n${below}`;
}

let slides: string;
let served: Served & { outDir: string };
let session: RecordedSession;
beforeAll(async () => {
  slides = writeDeck({
    "deck.yaml": "separator: '^---$'\nverticalSeparator: '^--$'\n",
    "talk.md": Array.from({ length: COUNT }, (_, i) => slide(i + 1)).join("\n---\n\n"),
    "square.svg":
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#a63a0c"/></svg>',
  });
  served = await buildAndPreview(slides);
  session = await openSession(served.url);
});
afterAll(async () => {
  await session?.close();
  await served?.close();
  rmSync(slides, { recursive: true, force: true });
});

const slideNumber = () => session.page.locator(".slide-number").innerText();

describe(`a deck of ${COUNT + 1} slides`, () => {
  test("opens at its first slide with every slide there, numbered of all of them", async () => {
    const { page } = session;
    await gotoDeck(page, served.url);
    expect(await currentSlideId(page)).toBe("slide-1");
    expect(await page.locator(".reveal .slides section:not(.stack)").count()).toBe(COUNT + 1);
    expect(await slideNumber()).toBe(`1 / ${COUNT + 1}`);
    expect(
      await page.locator(".slide-number").evaluate((e) => getComputedStyle(e).visibility),
    ).toBe("visible");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("slide-2");
    await page.keyboard.press("End");
    await expect.poll(() => currentSlideId(page)).toBe(`slide-${COUNT}`);
    expect(await slideNumber()).toBe(`${COUNT + 1} / ${COUNT + 1}`);
    expect(session.errors).toEqual([]);
  });

  test("a far slide's code walk-through starts at its first step and steps on", async () => {
    const { page } = session;
    await gotoDeck(page, served.url);
    // Before the speaker gets there too: the overview and the next-slide preview show it so.
    const waiting = await page.$$eval(`#slide-${CODE} .code-line.is-active`, (lines) =>
      lines.map((line) => (line as HTMLElement).dataset.line),
    );
    expect(waiting).toEqual(["1"]);
    await page.evaluate((id) => {
      location.hash = `#/${id}`;
    }, `slide-${CODE}`);
    await expect.poll(() => currentSlideId(page)).toBe(`slide-${CODE}`);
    const lit = () =>
      page.$$eval("section.present .code-line.is-active", (lines) =>
        lines.map((line) => (line as HTMLElement).dataset.line),
      );
    expect(await lit()).toEqual(["1"]);
    await page.keyboard.press("ArrowRight");
    await expect.poll(lit).toEqual(["2"]);
  });

  test("a far vertical stack goes down and back up", async () => {
    const { page } = session;
    await gotoDeck(page, served.url);
    await page.evaluate((id) => {
      location.hash = `#/${id}`;
    }, `slide-${STACKED}`);
    await expect.poll(() => currentSlideId(page)).toBe(`slide-${STACKED}`);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => currentSlideId(page)).toBe(`below-${STACKED}`);
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => currentSlideId(page)).toBe(`slide-${STACKED}`);
  });

  test("a far slide's picture is there when the speaker gets to it", async () => {
    const { page } = session;
    await gotoDeck(page, served.url);
    await page.keyboard.press("End");
    await page.evaluate((id) => {
      location.hash = `#/${id}`;
    }, `slide-${PICTURED}`);
    await expect.poll(() => currentSlideId(page)).toBe(`slide-${PICTURED}`);
    await expect
      .poll(() =>
        page.$eval("section.present img", (img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(200);
    expect(session.errors).toEqual([]);
  });

  test("a link to a far slide opens there, and a reload at the first slide opens whole", async () => {
    const { page } = session;
    await gotoDeck(page, served.url, "#/slide-30");
    expect(await currentSlideId(page)).toBe("slide-30");
    expect(await slideNumber()).toBe(`30 / ${COUNT + 1}`);
    await gotoDeck(page, served.url, "#/slide-1");
    expect(await currentSlideId(page)).toBe("slide-1");
    expect(await page.locator(".reveal .slides section:not(.stack)").count()).toBe(COUNT + 1);
    expect(session.errors).toEqual([]);
  });
});
