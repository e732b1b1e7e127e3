import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";

/** Bytes a page loads, by kind: JavaScript and CSS gzipped (as a server sends them), fonts raw. */
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
 * What the browser loads until the first slide is shown (reveal.js ready, fonts loaded), measured
 * from the responses themselves, in a fresh context (a venue laptop's cold cache).
 */
export async function firstSlidePayload(browser: Browser, url: string): Promise<Payload> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const bodies = new Map<string, Promise<{ kind: string; size: number }>>();
  context.on("response", (response) => {
    const kind = response.request().resourceType();
    bodies.set(
      response.url(),
      response
        .body()
        .then((body) => ({ kind, size: kind === "font" ? body.length : gzipSize(body) }))
        .catch(() => ({ kind, size: 0 })),
    );
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
    await page.evaluate(() => document.fonts.ready);
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
    let payload: Payload = { jsGzip: 0, cssGzip: 0, fonts: 0 };
    for (const [resource, body] of bodies) {
      const { kind, size } = await body;
      if (kind === "font") payload = { ...payload, fonts: payload.fonts + size };
      else if (!before.has(resource)) continue;
      else if (kind === "script") payload = { ...payload, jsGzip: payload.jsGzip + size };
      else if (kind === "stylesheet") payload = { ...payload, cssGzip: payload.cssGzip + size };
    }
    return payload;
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
