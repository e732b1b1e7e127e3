import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { TOKEN_COOKIE } from "../../src/present/access.ts";
import { startPresentServer } from "../../src/present/present-server.ts";
import {
  buildAndPreview,
  buildOfflineTo,
  ENGINE_SLIDE_IDS,
  fixtureDeck,
  type Served,
} from "../helpers/deck-server.ts";
import { serveWithHeldScript } from "../helpers/held-script-server.ts";
import { differingPixels, SLIDE_ONLY_CSS } from "../helpers/pixels.ts";
import { type Engine, type EngineWindow, waitFor, waitForValue } from "./engine.ts";
import { firefoxAvailability, launchFirefox } from "./firefox.ts";
import { launchWebKit, webkitAvailability } from "./webkit.ts";

// The deck in the engines a speaker presents from besides Chromium: Firefox, and Safari's
// engine (WebKitGTK). Each is tested where it is installed; elsewhere one line says it is not.
const ENGINES = [
  { name: "Firefox", availability: firefoxAvailability(), launch: launchFirefox },
  { name: "WebKit", availability: webkitAvailability(), launch: launchWebKit },
];
const VIEWPORT = { width: 1280, height: 720 };

let served: Served & { outDir: string };
let singleFile: string;
const made: string[] = [];
beforeAll(async () => {
  if (ENGINES.every((engine) => engine.availability)) return;
  served = await buildAndPreview(fixtureDeck("engine"));
  const out = mkdtempSync(path.join(tmpdir(), "deck-engines-"));
  made.push(out);
  singleFile = await buildOfflineTo(out, fixtureDeck("engine"));
});
afterAll(async () => {
  await served?.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const current = ".reveal .slides section.present:not(.stack)";
// A script's promise that settles once the browser has drawn two more frames.
const TWO_FRAMES =
  "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))";
const slideId = `document.querySelector(${JSON.stringify(current)})?.id ?? null`;
const ready = (window: EngineWindow) =>
  waitFor(window, '!!document.querySelector(".reveal[data-deck-ready]")', true);

for (const engine of ENGINES) {
  if (engine.availability) console.log(engine.availability);
  describe.skipIf(engine.availability !== undefined)(engine.name, () => {
    let browser: Engine;
    beforeAll(async () => {
      browser = await engine.launch(VIEWPORT);
    });
    afterAll(async () => {
      await browser?.close();
    });

    test("served by npm run present, the deck follows the phone's socket and tells it the keys", async () => {
      const server = await startPresentServer({
        distDir: served.outDir,
        host: "127.0.0.1",
        port: 0,
        remote: true,
      });
      const deck = await browser.open(server.url);
      const token = new URL(server.remoteUrl ?? "").searchParams.get("token") ?? "";
      const socketUrl = `${server.url.replace("http:", "ws:")}deck-socket`;
      const phone = new WebSocket(socketUrl, {
        headers: { Cookie: `${TOKEN_COOKIE}=${token}` },
        origin: new URL(server.url).origin,
      });
      const heard: { type: string; position?: { indexh: number } }[] = [];
      phone.on("message", (data) => heard.push(JSON.parse(String(data))));
      try {
        await ready(deck);
        if (phone.readyState !== WebSocket.OPEN) {
          await new Promise((resolve) => phone.once("open", resolve));
        }
        // The deck's page joins the socket (its CSP lets it reach its own origin's socket): it
        // says hello when it joins after the phone, and where it is when it was there first.
        phone.send(JSON.stringify({ type: "hello" }));
        await expect
          .poll(() => heard.some((message) => message.type === "hello" || message.position))
          .toBe(true);
        const at = Date.now() + 1000;
        phone.send(JSON.stringify({ type: "position", position: { indexh: 2, indexv: 0 }, at }));
        await waitFor(deck, slideId, "part-one");
        await deck.press("ArrowRight");
        await expect.poll(() => heard.some((message) => message.position?.indexh === 3)).toBe(true);
        await noProblems(browser, deck, new URL(server.url).origin);
      } finally {
        phone.close();
        await deck.close();
        await server.close();
      }
    });

    test("the first slide is painted before reveal.js starts, where reveal.js lays it out", async () => {
      const held = await serveWithHeldScript(served.outDir);
      const deck = await browser.open(held.url);
      const shots = mkdtempSync(path.join(tmpdir(), "deck-early-paint-"));
      made.push(shots);
      const shot = async (name: string) => {
        const file = path.join(shots, `${name}.png`);
        await deck.screenshot(file);
        return readFileSync(file);
      };
      try {
        const early = '!!document.querySelector(".reveal .slides > section.present")';
        expect(await deck.evaluate(early)).toBe(true);
        await deck.evaluate(`document.fonts.ready.then(() => ${TWO_FRAMES})`);
        const before = await shot("before");
        held.release();
        await ready(deck);
        await deck.evaluate(
          `(document.head.append(Object.assign(document.createElement("style"), { textContent: ${JSON.stringify(SLIDE_ONLY_CSS)} })), document.fonts.ready.then(() => true))`,
        );
        // reveal.js fades the other slides' backgrounds in place as it starts.
        // Then two frames, so that what the style and the animations changed is painted: WebKit's
        // screenshot is the last frame it drew, seen without the style and half repainted.
        await deck.evaluate(
          `Promise.all(document.getAnimations().map((a) => a.finished)).then(() => ${TWO_FRAMES})`,
        );
        // WebKit rasterises the same glyphs one level (of 255) apart once reveal.js has started
        // (measured: at most 1, on ~3000 edge pixels); a slide one pixel off differs by far more.
        expect(differingPixels(before, await shot("after"), 2)).toBe(0);
        expect(await browser.problems(deck)).toEqual([]);
      } finally {
        await deck.close();
        await held.close();
      }
    });

    const deliveries = [
      { name: "over http", url: () => served.url, origin: () => new URL(served.url).origin },
      { name: "from the single file", url: () => `file://${singleFile}`, origin: () => "file://" },
    ];
    for (const delivery of deliveries) {
      const fromFile = delivery.name !== "over http";
      describe(delivery.name, () => {
        test("shows the title slide; keys, code steps and fragments step; the URL follows", async () => {
          const deck = await browser.open(`${delivery.url()}#/`);
          try {
            await ready(deck);
            expect(await deck.evaluate(slideId)).toBe("engine-fixture");
            expect(await deck.evaluate(`document.querySelector("${current} h1").textContent`)).toBe(
              "Engine fixture",
            );
            await deck.press("ArrowRight");
            await waitFor(deck, slideId, "plain-text");
            await waitFor(deck, "location.hash", "#/plain-text");
            await deck.press("ArrowRight");
            await deck.press("ArrowRight");
            await waitFor(deck, slideId, "code-steps");
            const lit = `Array.from(document.querySelectorAll("${current} .code-line.is-active"), (line) => Number(line.dataset.line))`;
            await waitFor(deck, lit, [1, 2]);
            await deck.press("ArrowRight");
            await waitFor(deck, lit, [4]);
            await deck.press("ArrowRight");
            await waitFor(deck, lit, [6]);
            await deck.press("ArrowRight");
            await deck.press("ArrowRight");
            await waitFor(deck, slideId, "fragments");
            const shown = `document.querySelectorAll("${current} .fragment.visible").length`;
            await waitFor(deck, shown, 0);
            await deck.press("ArrowRight");
            await waitFor(deck, shown, 1);
            await deck.press("ArrowRight");
            await waitFor(deck, shown, 2);
            await waitFor(deck, "location.hash", "#/fragments/1");
            await noProblems(browser, deck, delivery.origin());
          } finally {
            await deck.close();
          }
        });

        test("the speaker view (S) shows the notes and drives the deck", async () => {
          const deck = await browser.open(`${delivery.url()}#/plain-text`);
          try {
            await ready(deck);
            // S as the first key: the window opens in the key press; the plugin, fetched now,
            // fills it.
            const speaker = await browser.popup(() => deck.press("s"));
            const notes =
              'document.querySelector(".speaker-controls-notes .value")?.textContent.includes("The plain slide\'s notes.") ?? false';
            await waitFor(speaker, notes, true);
            await speaker.press("ArrowRight");
            await waitFor(deck, slideId, "part-one");
            await speaker.close();
            await noProblems(browser, deck, delivery.origin());
          } finally {
            await deck.close();
          }
        });

        test("?presenter opens its audience window; they follow each other both ways, and after a reload", async () => {
          const presenter = await browser.open(`${delivery.url()}?presenter#/`);
          await ready(presenter);
          const audience = await browser.popup(() => presenter.click(".presenter-open-audience"));
          try {
            await ready(audience);
            const status = 'document.querySelector(".presenter-audience").textContent';
            await waitFor(presenter, status, "1 audience window follows this view.");
            await presenter.press("ArrowRight");
            await waitFor(audience, slideId, "plain-text");
            // The next-slide frame, one step ahead.
            await waitForValue(
              () => presenter.evaluateInFrame(".presenter-next-frame", slideId),
              "part-one",
              "the next slide",
            );
            await audience.press("ArrowRight");
            await waitFor(presenter, slideId, "part-one");
            await waitFor(presenter, "location.hash", "#/part-one");
            await presenter.reload();
            await ready(presenter);
            expect(await presenter.evaluate(slideId)).toBe("part-one");
            await audience.press("ArrowRight");
            await waitFor(presenter, slideId, "code-steps");
            await presenter.press("ArrowRight");
            await presenter.press("ArrowRight");
            await presenter.press("ArrowRight");
            await waitFor(audience, slideId, "a-chart");
            await noProblems(browser, presenter, delivery.origin());
            await noProblems(browser, audience, delivery.origin());
          } finally {
            await audience.close();
            await presenter.close();
          }
        });

        const talkApart = fromFile && engine.name === "WebKit";
        test(
          talkApart
            ? "?presenter beside an audience window opened on its own: it says that none follows, and how to open one"
            : "?presenter and an audience window opened on its own follow each other",
          async () => {
            const audience = await browser.open(`${delivery.url()}#/`);
            const presenter = await browser.open(`${delivery.url()}?presenter#/`);
            try {
              await ready(audience);
              await ready(presenter);
              const status = 'document.querySelector(".presenter-audience").textContent';
              if (talkApart) {
                // WebKit keeps two file:// windows apart: no channel, no storage events reach.
                await presenter.press("ArrowRight");
                await waitFor(presenter, slideId, "plain-text");
                expect(await presenter.evaluate<string>(status)).toMatch(
                  /^No audience window follows this view\. Open it from here/,
                );
                expect(
                  await presenter.evaluate("!!document.querySelector('.presenter-open-audience')"),
                ).toBe(true);
                return;
              }
              await waitFor(presenter, status, "1 audience window follows this view.");
              await presenter.press("ArrowRight");
              await waitFor(audience, slideId, "plain-text");
              await audience.press("ArrowRight");
              await waitFor(presenter, slideId, "part-one");
            } finally {
              await presenter.close();
              await audience.close();
            }
          },
        );

        test("?print-pdf lays out every slide on a page of its own", async () => {
          const deck = await browser.open(`${delivery.url()}?print-pdf`);
          try {
            await waitFor(deck, '!!document.querySelector(".reveal[data-pdf-ready]")', true);
            const pages = await deck.evaluate<{ id: string; fits: boolean }[]>(`
              Array.from(document.querySelectorAll(".pdf-page"), (page) => {
                const section = page.querySelector(":scope > section");
                const box = page.getBoundingClientRect();
                const content = section.getBoundingClientRect();
                return { id: section.id, fits: content.bottom <= box.bottom + 1 && content.right <= box.right + 1 };
              })`);
            expect(pages.map((page) => page.id)).toEqual([...ENGINE_SLIDE_IDS]);
            expect(pages.filter((page) => !page.fits)).toEqual([]);
            // As in Chromium: the 16:9 slide with its margin, 1356×763, less reveal.js's
            // pdfPageHeightOffset (-1 px, against a blank page after each).
            const size = await deck.evaluate<number[]>(`(() => {
              const box = document.querySelector(".pdf-page").getBoundingClientRect();
              return [Math.round(box.width), Math.round(box.height)];
            })()`);
            expect(size).toEqual([1356, 762]);
            await noProblems(browser, deck, delivery.origin());
          } finally {
            await deck.close();
          }
        });

        test("text and code are drawn in the deck's own fonts, loaded from the deck", async () => {
          const deck = await browser.open(`${delivery.url()}#/code-steps`);
          try {
            await ready(deck);
            const loaded = await deck.evaluate<string[]>(`document.fonts.ready.then((fonts) =>
              Array.from(fonts).filter((font) => font.status === "loaded").map((font) => font.family.replace(/"/g, "")))`);
            expect(new Set(loaded)).toEqual(new Set(["Source Sans 3", "JetBrains Mono"]));
            const drawn = await deck.evaluate<boolean[]>(`[
              document.fonts.check('1em "Source Sans 3"', "Kubernetes"),
              document.fonts.check('1em "JetBrains Mono"', "fn main"),
            ]`);
            expect(drawn).toEqual([true, true]);
            await noProblems(browser, deck, delivery.origin());
          } finally {
            await deck.close();
          }
        });

        test("the Content-Security-Policy holds: an injected script does not run", async () => {
          const deck = await browser.open(`${delivery.url()}#/`);
          try {
            await ready(deck);
            // The violation is reported as an event; once seen, the script has had its chance.
            await waitFor(
              deck,
              `new Promise((resolve) => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                addEventListener("securitypolicyviolation", () => resolve(true), { once: true });
                document.body.append(script);
              })`,
              true,
            );
            expect(await deck.evaluate("window.injected === true")).toBe(false);
          } finally {
            await deck.close();
          }
        });
      });
    }
  });
}

/** No console error, exception or CSP violation; no request off the deck's origin. */
async function noProblems(engine: Engine, window: EngineWindow, origin: string): Promise<void> {
  expect(await engine.problems(window)).toEqual([]);
  const off = (await engine.requests(window)).filter(
    (url) =>
      !url.startsWith(`${origin}/`) &&
      !url.startsWith("data:") &&
      !url.startsWith("blob:") &&
      url !== "about:blank",
  );
  expect(off).toEqual([]);
}
