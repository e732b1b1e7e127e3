import { existsSync } from "node:fs";
import puppeteer, { type Browser, type KeyInput, type Page } from "puppeteer-core";
import type { Availability, Engine, EngineWindow } from "./engine.ts";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/** Whether Firefox can run here (Debian's `firefox-esr`, or $FIREFOX_PATH). */
export function firefoxAvailability(): Availability {
  return existsSync(FIREFOX)
    ? undefined
    : `Firefox is not installed (${FIREFOX}): skipping Firefox (apt-get install firefox-esr, or set FIREFOX_PATH)`;
}

// Console errors, uncaught exceptions and CSP violations of every page, from its first script on.
const WATCH = `
  addEventListener("securitypolicyviolation", (event) =>
    console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI));
`;

/** Launches headless Firefox over WebDriver BiDi (puppeteer-core drives it; no geckodriver). */
export async function launchFirefox(viewport: { width: number; height: number }): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: viewport,
  });
  // What each window's page (and its frames) did, by window.
  const seen = new Map<EngineWindow, { problems: string[]; requests: string[] }>();
  const watch = async (page: Page): Promise<EngineWindow> => {
    const record = { problems: [] as string[], requests: [] as string[] };
    page.on("console", (message) => {
      if (message.type() === "error") record.problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => record.problems.push(`${page.url()}: ${String(error)}`));
    page.on("request", (request) => record.requests.push(request.url()));
    page.on("requestfailed", (request) => {
      // What a page still loads as it is left (reloaded, closed) is cancelled, not failed; the
      // driver reports some such requests of a reloaded page as of a closed context.
      const reason = request.failure()?.errorText ?? "";
      if (reason === "NS_BINDING_ABORTED" || reason.includes("context already closed")) return;
      record.problems.push(
        `${page.url()}: request failed ${request.url()} (${request.failure()?.errorText})`,
      );
    });
    await page.evaluateOnNewDocument(WATCH);
    const window = firefoxWindow(page);
    seen.set(window, record);
    return window;
  };
  return {
    name: "Firefox",
    open: async (url) => {
      const window = await watch(await browser.newPage());
      await window.goto(url);
      return window;
    },
    popup: async (action) => {
      const opened = new Promise<Page>((resolve) => {
        browser.once("targetcreated", (target) => {
          void target.page().then((page) => {
            if (page) resolve(page);
          });
        });
      });
      await action();
      return watch(await opened);
    },
    problems: async (window) => [...(seen.get(window)?.problems ?? [])],
    requests: async (window) => [...(seen.get(window)?.requests ?? [])],
    close: () => browser.close(),
  };
}

function firefoxWindow(page: Page): EngineWindow {
  return {
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    evaluateInFrame: async <T>(selector: string, expression: string) => {
      const frame = await (await page.$(selector))?.contentFrame();
      if (!frame) throw new Error(`no frame ${selector}`);
      return frame.evaluate(expression) as Promise<T>;
    },
    press: (key) => page.keyboard.press(key as KeyInput),
    click: (selector) => page.click(selector),
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    resize: (width, height) => page.setViewport({ width, height }),
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    // Firefox over BiDi leaves a page that holds a frame (the presenter view) open on close:
    // leave the deck first, so that nothing of it keeps running.
    close: async () => {
      await page.goto("about:blank");
      await page.close();
    },
  };
}
