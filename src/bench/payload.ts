import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "puppeteer-core";
import { openFreshPage } from "./fresh-page.ts";

/**
 * Bytes a page loads, by kind: JavaScript and CSS gzipped (as a server sends them; the page's
 * inline code counts as JavaScript), fonts raw.
 */
export interface Payload {
  jsGzip: number;
  cssGzip: number;
  fonts: number;
}

/** Gzipped size at the level servers commonly use for static files. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * The gzipped size of the scripts and styles written inside an HTML page. A data block
 * (`<script type="application/json">`, our deck's settings and outline) is the page's content,
 * as its HTML is, not code: the browser runs none of it.
 */
export function inlineCode(html: string): number {
  const blocks = [...html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)];
  const code = blocks
    .filter((block) => !/\btype=["']?application\/(?:ld\+)?json/i.test(block[2] ?? ""))
    .map((block) => block[3] ?? "")
    .join("\n");
  return code.trim() ? gzipSize(new TextEncoder().encode(code)) : 0;
}

/** What a page loads until its first slide is shown, and until its network is idle after that. */
export interface PagePayload {
  firstSlide: Payload;
  untilIdle: Payload;
}

/**
 * Records what a page receives from now on: for each URL its resource kind and its size as a
 * `Payload` counts it (fonts raw, scripts and styles gzipped, a page's inline code gzipped).
 */
export function recordResponses(page: Page): Map<string, Promise<{ kind: string; size: number }>> {
  const bodies = new Map<string, Promise<{ kind: string; size: number }>>();
  page.on("response", (response) => {
    const kind = response.request().resourceType();
    const size = (body: Buffer) =>
      kind === "font"
        ? body.length
        : kind === "document"
          ? inlineCode(String(body))
          : gzipSize(body);
    bodies.set(
      response.url(),
      response
        .buffer()
        .then((body) => ({ kind, size: size(body) }))
        .catch(() => ({ kind, size: 0 })),
    );
  });
  return bodies;
}

/** Adds a response of a kind to a payload: scripts and a page's inline code are JavaScript. */
export function addToPayload(payload: Payload, kind: string, size: number): Payload {
  if (kind === "font") return { ...payload, fonts: payload.fonts + size };
  if (kind === "script" || kind === "document")
    return { ...payload, jsGzip: payload.jsGzip + size };
  if (kind === "stylesheet") return { ...payload, cssGzip: payload.cssGzip + size };
  return payload;
}

/**
 * What the browser loads until the first slide is shown (reveal.js ready, fonts loaded), and
 * until the network is idle, measured from the responses themselves, in a fresh context (a venue
 * laptop's cold cache). Fonts are counted whenever they load.
 */
export async function pagePayload(browser: Browser, url: string): Promise<PagePayload> {
  const { context, page } = await openFreshPage(browser);
  const bodies = recordResponses(page);
  try {
    await page.goto(url, { waitUntil: "networkidle0" });
    await page.waitForSelector(".reveal[data-deck-ready]");
    await page.evaluate(() => document.fonts.ready);
    await page.waitForNetworkIdle();
    // Resource Timing shares the page's clock with the mark: what started before it counts.
    const before = new Set(
      await page.evaluate(() => {
        const ready =
          performance.getEntriesByName("first-slide")[0]?.startTime ?? Number.POSITIVE_INFINITY;
        return performance
          .getEntriesByType("resource")
          .filter((entry) => entry.startTime <= ready)
          .map((entry) => entry.name);
      }),
    );
    let firstSlide: Payload = { jsGzip: 0, cssGzip: 0, fonts: 0 };
    let untilIdle: Payload = { jsGzip: 0, cssGzip: 0, fonts: 0 };
    for (const [resource, body] of bodies) {
      const { kind, size } = await body;
      untilIdle = addToPayload(untilIdle, kind, size);
      // The page itself comes first; it is no resource entry of its own.
      if (kind === "font" || kind === "document" || before.has(resource)) {
        firstSlide = addToPayload(firstSlide, kind, size);
      }
    }
    return { firstSlide, untilIdle };
  } finally {
    await context.close();
  }
}

/** Everything the built deck could ever load: every script and stylesheet (gzipped) and font. */
export function wholeDeckPayload(distDir: string): Payload {
  const assets = path.join(distDir, "assets");
  const files = readdirSync(assets).map((name) => ({
    name,
    bytes: readFileSync(path.join(assets, name)),
  }));
  const sum = (pattern: RegExp, gzip: boolean) =>
    files
      .filter((file) => pattern.test(file.name))
      .reduce((total, file) => total + (gzip ? gzipSize(file.bytes) : file.bytes.length), 0);
  return {
    jsGzip: sum(/\.js$/, true),
    cssGzip: sum(/\.css$/, true),
    fonts: sum(/\.(woff2?|ttf|otf)$/, false),
  };
}
