import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BUDGETS } from "../../src/bench/bench-budgets.ts";
import { firstSlidePayload, wholeDeckPayload } from "../../src/bench/payload.ts";
import { launchBrowser } from "../../src/browser/launch-browser.ts";
import { buildAndPreview, fixtureDeck, type Served } from "../helpers/deck-server.ts";

// Sizes are deterministic, so they are tested; times are not, so they stay in `npm run bench`.
let served: Served & { outDir: string };
beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
});
afterAll(async () => {
  await served?.close();
});

describe("size budgets (kB = 1,000 bytes)", () => {
  test(`the first slide loads at most ${BUDGETS.firstSlidePayloadKb} kB of JavaScript and CSS, gzipped`, async () => {
    const browser = await launchBrowser();
    try {
      const payload = await firstSlidePayload(browser, served.url);
      expect(payload.jsGzip).toBeGreaterThan(30_000); // reveal.js itself: the measure is real
      expect(payload.jsGzip + payload.cssGzip).toBeLessThanOrEqual(
        BUDGETS.firstSlidePayloadKb * 1000,
      );
    } finally {
      await browser.close();
    }
  });

  test(`the deck's fonts, subset to its characters, weigh at most ${BUDGETS.fontsKb} kB`, () => {
    const { fonts } = wholeDeckPayload(served.outDir);
    expect(fonts).toBeGreaterThan(10_000);
    expect(fonts).toBeLessThanOrEqual(BUDGETS.fontsKb * 1000);
  });
});
