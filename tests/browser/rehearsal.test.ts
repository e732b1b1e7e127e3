import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REHEARSAL_FILE } from "../../src/deck/rehearsal.ts";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { currentSlideId } from "../helpers/browser-session.ts";
import {
  buildAndPreview,
  ROOT,
  type Served,
  startDevServer,
  writeDeck,
} from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";

const slidesDir = writeDeck({
  "deck.yaml": "title: Rehearsed\ntalkMinutes: 1\n",
  "01.md":
    "# Rehearsed\n\nA title.\n\n## Second\n\nSome text.\n\nNote:\nWhat to say.\n\n## Third\n\nMore.\n",
});
const themesDir = path.join(ROOT, "themes");
let dev: Served;
let browser: Browser;

beforeAll(async () => {
  dev = await startDevServer(slidesDir);
  browser = await launchPlaywright();
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  rmSync(slidesDir, { recursive: true, force: true });
});

async function rehearse(page: Page): Promise<void> {
  await page.goto(`${dev.url}?rehearse`);
  await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
  await page.waitForSelector(".rehearsal-panel");
  for (const id of ["second", "third"]) {
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe(id);
  }
  await page.locator(".rehearsal-finish").click();
  await expect.poll(() => page.locator(".rehearsal-status").textContent()).toMatch(/^Saved to /);
}

describe("?rehearse in npm start", () => {
  test("times every slide, shows planned against rehearsed, and saves the rehearsal into slides/", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await rehearse(page);
      const rows = await page.locator(".rehearsal-table tbody tr").allTextContents();
      expect(rows.map((row) => row.replace(/[\d:+−—]+/g, "").trim())).toEqual([
        "Rehearsed",
        "Second",
        "Third",
      ]);
      expect(await page.locator(".rehearsal-table tfoot").textContent()).toContain("The talk");
      const saved = JSON.parse(readFileSync(path.join(slidesDir, REHEARSAL_FILE), "utf8"));
      expect(saved.slides.map((slide: { id: string }) => slide.id)).toEqual([
        "rehearsed",
        "second",
        "third",
      ]);
      for (const slide of saved.slides) {
        expect(slide.seconds).toBeGreaterThanOrEqual(0);
        expect(slide.fingerprint).toMatch(/^[0-9a-f]{8}$/);
      }
    } finally {
      await page.close();
    }
  });

  test("the next build paces by the rehearsal, the presenter view says so, and the check finds changed slides", async () => {
    const rehearsed = JSON.parse(readFileSync(path.join(slidesDir, REHEARSAL_FILE), "utf8"));
    // Set times, as if rehearsed slowly, so that the plan shows them.
    rehearsed.slides = rehearsed.slides.map((slide: { seconds: number }, i: number) => ({
      ...slide,
      seconds: [10, 30, 20][i],
    }));
    writeFileSync(path.join(slidesDir, REHEARSAL_FILE), JSON.stringify(rehearsed));
    const built = await loadDeck({ slidesDir, themesDir });
    expect(built.diagnostics).toEqual([]);
    expect(built.deck.slides.map((slide) => [slide.pacedBy, slide.estimatedSeconds])).toEqual([
      ["rehearsal", 10],
      ["rehearsal", 30],
      ["rehearsal", 20],
    ]);
    // The one-minute talk shares out by the rehearsed times.
    expect(built.deck.slides.map((slide) => slide.seconds)).toEqual([10, 30, 20]);

    const served = await buildAndPreview(slidesDir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${served.url}?presenter#/second`);
      await expect
        .poll(() => page.locator(".presenter-budget").textContent())
        .toBe("0:30 (rehearsed)");
    } finally {
      await page.close();
      await served.close();
    }

    writeFileSync(
      path.join(slidesDir, "01.md"),
      readFileSync(path.join(slidesDir, "01.md"), "utf8").replace("Some text.", "Other text."),
    );
    const check = spawnSync(
      process.execPath,
      ["src/cli/run.mjs", "check", "--slides", slidesDir, "--json"],
      { cwd: ROOT, encoding: "utf8", timeout: 90_000 },
    );
    const findings = JSON.parse(check.stdout).findings as { code: string; line: number }[];
    expect(findings.filter((finding) => finding.code === "stale-rehearsal")).toMatchObject([
      { line: 5, severity: "warning" },
    ]);
  });

  test("saves only what the deck's own page sends, on this machine", async () => {
    const endpoint = new URL("/__deck/rehearsal", dev.url).href;
    const body = JSON.stringify({ rehearsed: new Date().toISOString(), slides: [] });
    const headers = { "Content-Type": "application/json", "X-Deck-Rehearsal": "1" };
    const origin = new URL(dev.url).origin;
    rmSync(path.join(slidesDir, REHEARSAL_FILE), { force: true });
    const post = (extra: Record<string, string>) =>
      fetch(endpoint, { method: "POST", body, headers: { ...headers, ...extra } });
    // Node's fetch sends no Origin by itself: a request that is not the page's own.
    expect((await fetch(endpoint, { method: "POST", body, headers })).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: origin, "X-Deck-Rehearsal": "0" })).status).toBe(403);
    expect((await fetch(endpoint)).status).toBe(405);
    const unknown = JSON.stringify({
      rehearsed: new Date().toISOString(),
      slides: [{ id: "no-such-slide", seconds: 1, steps: [1] }],
    });
    const wrong = await fetch(endpoint, {
      method: "POST",
      body: unknown,
      headers: { ...headers, Origin: origin },
    });
    expect(wrong.status).toBe(400);
    expect(existsSync(path.join(slidesDir, REHEARSAL_FILE))).toBe(false);
  });
});
