import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  currentSlideId,
  gotoDeck,
  openSession,
  type RecordedSession,
} from "../helpers/browser-session.ts";
import {
  buildAndPreview,
  buildOfflineTo,
  fixtureDeck,
  type Served,
} from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";

let served: Served & { outDir: string };
let session: RecordedSession;
const violations: string[] = [];

/** Records CSP violations in every page and frame of a context. */
async function watchViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding("reportViolation", (source, directive: string, blocked: string) => {
    violations.push(`${source.frame.url()}: ${directive} ${blocked}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(d: string, b: string): void }).reportViolation(
        event.effectiveDirective,
        event.blockedURI,
      ),
    );
  });
}

beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
  session = await openSession(served.url);
  await watchViolations(session.context);
});
afterAll(async () => {
  await session?.close();
  await served?.close();
});

describe("delivery over http: no request leaves the deck, no CSP violation, in any mode", () => {
  test("presenting, the speaker view, the presenter view, printing and handouts", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/");
    for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowRight");
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    await expect
      .poll(() => popup.locator(".speaker-controls-notes .value").textContent())
      .toContain("Part one opens here.");
    await popup.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("code-steps");
    await popup.close();

    const presenter = await session.context.newPage();
    await gotoDeck(presenter, served.url, "?presenter");
    await presenter.keyboard.press("ArrowRight");
    await presenter.close();

    const print = await session.context.newPage();
    await print.goto(`${served.url}?print-pdf`);
    await print.waitForSelector(".reveal[data-pdf-ready]", { state: "attached" });
    await print.pdf();
    await print.close();

    const handout = await session.context.newPage();
    await handout.goto(`${served.url}?handout`);
    await handout.waitForSelector("body[data-handout-ready]", { state: "attached" });
    await handout.close();

    expect(session.foreignRequests).toEqual([]);
    expect(violations).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe("the handout view", () => {
  test("shows every slide's code whole, though the slides are zoomed far down", async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(`${served.url}?handout&per-page=3`);
      await page.waitForSelector("body[data-handout-ready]", { state: "attached" });
      const clipped = await page.$$eval(".handout-slide pre code", (codes) =>
        codes
          .filter(
            (code) => code.scrollWidth > code.clientWidth || code.scrollHeight > code.clientHeight,
          )
          .map((code) => code.closest("[data-slide]")?.getAttribute("data-slide")),
      );
      expect(clipped).toEqual([]);
      expect(await page.locator(".handout-slide pre code").count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe("themes", () => {
  test("come from the deck settings, and ?theme= picks another one", async () => {
    const page = session.page;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const fetched: Promise<string>[] = [];
    const listen = (response: Response) => {
      if (response.request().resourceType() === "stylesheet") fetched.push(response.text());
    };
    page.on("response", listen);
    await gotoDeck(page, served.url, "#/");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("default");
    expect(await background()).toBe("rgb(251, 250, 247)");
    // Only the deck's own theme comes with the page; the others are fetched when asked for.
    const css = (await Promise.all(fetched)).join("\n");
    expect(css).toMatch(/data-theme=(?:"default"|default)\]/);
    expect(css).not.toMatch(/data-theme=(?:"dark"|dark)\]/);
    page.off("response", listen);
    await gotoDeck(page, `${served.url}?theme=dark`, "#/");
    expect(await background()).toBe("rgb(22, 21, 27)");
    await gotoDeck(page, `${served.url}?theme=high-contrast`, "#/");
    expect(await background()).toBe("rgb(0, 0, 0)");
    await gotoDeck(page, `${served.url}?theme=nonexistent`, "#/");
    expect(await background()).toBe("rgb(251, 250, 247)");
  });
});

describe("accessibility", () => {
  test("turns slide transitions off when the system asks for reduced motion", async () => {
    const page = await session.context.newPage();
    try {
      await page.emulateMedia({ reducedMotion: "reduce" });
      await gotoDeck(page, served.url, "#/");
      expect(await page.locator(".reveal").getAttribute("class")).toMatch(/\bnone\b/);
      const duration = await page.$eval(
        "section.present",
        (s) => getComputedStyle(s).transitionDuration,
      );
      expect(duration.split(",").every((d) => Number.parseFloat(d) === 0)).toBe(true);
      await page.emulateMedia({ reducedMotion: "no-preference" });
      await page.reload();
      await page.waitForSelector(".reveal[data-deck-ready]");
      expect(await page.locator(".reveal").getAttribute("class")).toMatch(/\bslide\b/);
    } finally {
      await page.close();
    }
  });

  test("has its language and title, real headings, and no serious axe-core violation", async () => {
    const axeSource = await readFile(
      createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
      "utf8",
    );
    const page = session.page;
    for (const id of ["engine-fixture", "code-steps", "a-chart", "part-one", "an-image"]) {
      await gotoDeck(page, served.url, `#/${id}`);
      expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
        "en",
        "Engine fixture",
      ]);
      expect(await page.locator("section.present").locator("h1, h2").count()).toBe(1);
      // Evaluated through the DevTools protocol: the deck's CSP rightly refuses injected scripts.
      await page.evaluate(axeSource);
      const results = await page.evaluate(() =>
        (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe.run(),
      );
      const serious = results.violations.filter(
        (v) => v.impact === "serious" || v.impact === "critical",
      );
      expect(serious.map((v) => `${id}: ${v.id}`)).toEqual([]);
    }
  });
});

describe("the single-file deck (offline, from file://)", () => {
  let file: string;
  let url: string;
  let context: BrowserContext;
  const requests: string[] = [];
  const closeBrowser: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    file = await buildOfflineTo(served.outDir, fixtureDeck("engine"));
    url = `file://${file}`;
    const browser = await launchPlaywright();
    closeBrowser.push(() => browser.close());
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await watchViolations(context);
    context.on("request", (request) => requests.push(request.url()));
    // Refuse everything but the file itself, as at a venue with the network unplugged.
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file://") ? route.continue() : route.abort(),
    );
  });
  afterAll(async () => {
    for (const close of closeBrowser) await close();
  });

  const open = async (suffix: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${url}${suffix}`);
    return page;
  };

  test("is one self-contained HTML file named after the talk, with its CSP", () => {
    expect(file).toMatch(/engine-fixture\.html$/);
    const html = readFileSync(file, "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).toMatch(/url\(data:font\/woff2;base64,/);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'( 'sha256-[^']+'){2}/,
    );
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });

  test("presents, with the speaker view, the presenter view and print, and loads nothing else", async () => {
    const page = await open("#/plain-text");
    await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    await expect
      .poll(() => popup.locator(".speaker-controls-notes .value").textContent())
      .toContain("The plain slide's notes.");
    await popup.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("part-one");
    await popup.close();

    const presenter = await open("?presenter");
    await presenter.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
    // The presenter view joins the audience window where it is, then leads.
    await expect.poll(() => currentSlideId(presenter)).toBe("part-one");
    await presenter.keyboard.press("ArrowRight");
    await expect.poll(() => currentSlideId(page)).toBe("code-steps");
    // The next step is the code walk-through's second step, on the same slide.
    await expect
      .poll(() =>
        presenter.frameLocator(".presenter-next-frame").locator("section.present h2").textContent(),
      )
      .toBe("Code steps");

    const print = await open("?print-pdf");
    await print.waitForSelector(".reveal[data-pdf-ready]", { state: "attached" });
    expect(await print.locator(".pdf-page").count()).toBe(10);
    // The page size Firefox and WebKit lay out too (tests/engines/deck.test.ts).
    const page1 = await print.locator(".pdf-page").first().boundingBox();
    expect([Math.round(page1?.width ?? 0), Math.round(page1?.height ?? 0)]).toEqual([1356, 762]);

    expect(new Set(requests.map((r) => r.replace(/[?#].*$/, "")))).toEqual(new Set([url]));
    expect(violations).toEqual([]);
  });
});
