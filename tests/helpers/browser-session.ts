import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { launchPlaywright } from "./playwright-browser.ts";

/** A browser context that records what a deck must never do: leave its origin or log errors. */
export interface RecordedSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** URLs of requests to another origin; they were aborted. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions, in every page of the context (popups too). */
  errors: string[];
  close(): Promise<void>;
}

/** Opens a 1280×720 page whose context aborts and records requests that leave `origin`. */
export async function openSession(baseUrl: string): Promise<RecordedSession> {
  const origin = new URL(baseUrl).origin;
  const browser = await launchPlaywright();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const allowed =
      url.startsWith(`${origin}/`) || url === "about:blank" || url.startsWith("data:");
    if (allowed) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.on("page", watch);
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    foreignRequests,
    errors,
    close: () => browser.close(),
  };
}

/**
 * Loads the deck at `hash` and waits until reveal.js is ready. Always a fresh load: going to a
 * URL that differs from the current one only in its hash would not reload the page, and
 * reveal.js would still be moving to the old hash or about to write it.
 */
export async function gotoDeck(page: Page, baseUrl: string, hash = ""): Promise<void> {
  if (page.url() !== "about:blank") await page.goto("about:blank");
  await page.goto(`${baseUrl}${hash}`);
  await page.waitForSelector(".reveal[data-deck-ready]");
}

/** Waits until reveal.js has written the slide into the URL (it does so at most once a second). */
export async function waitForHash(page: Page, hash: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).hash).toBe(hash);
}

/** The id of the slide reveal.js is showing. */
export function currentSlideId(page: Page): Promise<string> {
  return page.$eval(".reveal .slides section.present:not(.stack)", (section) => section.id);
}
