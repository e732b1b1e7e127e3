import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BUDGETS } from "../../src/bench/bench-budgets.ts";
import { pagePayload, wholeDeckPayload } from "../../src/bench/payload.ts";
import { writePhonePhoto } from "../../src/bench/phone-photo.ts";
import { launchBrowser } from "../../src/browser/launch-browser.ts";
import { buildDeckFolder } from "../../src/vite/build-files.ts";
import { buildAndPreview, fixtureDeck, ROOT, type Served } from "../helpers/deck-server.ts";
import { runExport } from "../helpers/run-export.ts";

// Sizes are deterministic, so they are tested; times are not, so they stay in `npm run bench`.
let served: Served & { outDir: string };
beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
});
afterAll(async () => {
  await served?.close();
});

describe("size budgets (kB = 1,000 bytes)", () => {
  test(`the first slide loads at most ${BUDGETS.firstSlidePayloadKb} kB of JavaScript and CSS, gzipped, ${BUDGETS.idlePayloadKb} kB until the network is idle`, async () => {
    const browser = await launchBrowser();
    try {
      const { firstSlide, untilIdle } = await pagePayload(browser, served.url);
      expect(firstSlide.jsGzip).toBeGreaterThan(30_000); // reveal.js itself: the measure is real
      expect(firstSlide.jsGzip + firstSlide.cssGzip).toBeLessThanOrEqual(
        BUDGETS.firstSlidePayloadKb * 1000,
      );
      // What comes after the first slide (reveal.js's overview rules, window pairing) is counted.
      expect(untilIdle.jsGzip + untilIdle.cssGzip).toBeGreaterThan(
        firstSlide.jsGzip + firstSlide.cssGzip,
      );
      expect(untilIdle.jsGzip + untilIdle.cssGzip).toBeLessThanOrEqual(
        BUDGETS.idlePayloadKb * 1000,
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

describe("a deck with three photos straight from a phone", () => {
  test("gives a single-file deck under 1.5 MB and a slides PDF under 2 MB", async () => {
    const slides = mkdtempSync(path.join(tmpdir(), "deck-photos-"));
    const out = mkdtempSync(path.join(tmpdir(), "deck-photos-out-"));
    try {
      const names = ["pier", "harbour", "coast"];
      await Promise.all(
        names.map((name, i) =>
          writePhonePhoto(path.join(slides, `${name}.jpg`), i + 1, i === 2 ? 6 : 1),
        ),
      );
      for (const name of names) {
        expect(statSync(path.join(slides, `${name}.jpg`)).size).toBeGreaterThan(3_000_000);
      }
      writeFileSync(
        path.join(slides, "01.md"),
        [
          "# Photos",
          "## Small\n\n![A pier](pier.jpg){width=40%}\n\nNote:\nOne.",
          "## Large\n\n![A harbour](harbour.jpg)\n\nNote:\nTwo.",
          "## Behind\n<!-- .slide: background=coast.jpg backgroundOpacity=0.3 -->\n\nText.\n\nNote:\nThree.",
        ].join("\n\n"),
      );
      const built = await buildDeckFolder({
        root: ROOT,
        slidesDir: slides,
        outDir: path.join(out, "dist"),
      });
      expect(statSync(built.singleFile).size).toBeLessThan(BUDGETS.photoSingleFileKb * 1000);
      const pdf = path.join(out, "photos.pdf");
      const run = runExport(["slides", "--dist", built.outDir, "--out", pdf]);
      expect(run.status, run.stderr).toBe(0);
      expect(statSync(pdf).size).toBeLessThan(BUDGETS.photoPdfKb * 1000);
    } finally {
      rmSync(slides, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
