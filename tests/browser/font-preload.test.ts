import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fontFilesOf } from "../../src/vite/font-preload.ts";
import { gotoDeck, openSession, type RecordedSession } from "../helpers/browser-session.ts";
import { buildAndPreview, fixtureDeck, type Served } from "../helpers/deck-server.ts";

let served: Served & { outDir: string };
let session: RecordedSession;
beforeAll(async () => {
  served = await buildAndPreview(fixtureDeck("engine"));
  session = await openSession(served.url);
});
afterAll(async () => {
  await session?.close();
  await served?.close();
});

describe("the fonts of the first slide", () => {
  test("are asked for by the page's head, each once, and each is used", async () => {
    const html = readFileSync(path.join(served.outDir, "index.html"), "utf8");
    const preloaded = [...html.matchAll(/<link rel="preload" href="\.\/([^"]+)" as="font"/g)].map(
      (match) => match[1],
    );
    const stylesheet =
      /<link rel="stylesheet" crossorigin href="\.\/([^"]+)"/.exec(html)?.[1] ?? "";
    const declared = fontFilesOf(
      readFileSync(path.join(served.outDir, stylesheet), "utf8"),
      stylesheet,
    );
    expect(declared.length).toBeGreaterThan(1);
    expect([...preloaded].sort()).toEqual([...declared].sort());

    const { page } = session;
    await gotoDeck(page, served.url);
    const requests = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry as PerformanceResourceTiming)
        .filter((entry) => /\.woff2?$/.test(entry.name))
        .map((entry) => ({ file: new URL(entry.name).pathname.slice(1), by: entry.initiatorType })),
    );
    // Fetched by the preload (not later, by the stylesheet or the script), and only then.
    expect(requests.map((r) => r.file).sort()).toEqual([...declared].sort());
    expect(new Set(requests.map((r) => r.by))).toEqual(new Set(["link"]));
    // None in vain: the browser warns of a preloaded font the page does not use.
    const faces = await page.evaluate(() => [...document.fonts].map((face) => face.status));
    expect(faces.length).toBe(declared.length);
    expect(faces.every((status) => status === "loaded")).toBe(true);
    expect(session.errors).toEqual([]);
  });

  test("are asked for while the stylesheet is on its way, before a head script waits for it", () => {
    const html = readFileSync(path.join(served.outDir, "index.html"), "utf8");
    const head = html.slice(0, html.indexOf("</head>"));
    const stylesheet = head.indexOf('rel="stylesheet"');
    const lastPreload = head.lastIndexOf('rel="preload"');
    // A classic script after a stylesheet runs once the stylesheet is in: the preloads after it
    // were found only then (the fonts came 20 ms later, measured). The early paint's script is one.
    expect(stylesheet).toBeGreaterThan(-1);
    expect(head.indexOf("<script>", lastPreload)).toBeGreaterThan(lastPreload);
    expect(head.slice(stylesheet, lastPreload)).not.toContain("<script>");
  });
});
