import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { preview } from "vite";
import { compareFileNames } from "../deck/build-deck.ts";
import { openFreshPage } from "./fresh-page.ts";
import { timeNpmScript } from "./npm-script.ts";
import { firstContentfulPaint } from "./paint.ts";
import { addToPayload, type Payload, recordResponses } from "./payload.ts";

/** A peer's command lines, run with `npm run` in a folder whose node_modules has the peer. */
interface Peer {
  name: string;
  /** The binary in node_modules/.bin that says the peer is installed. */
  bin: string;
  build: string;
  /** The page the build wrote, relative to the output folder. */
  page: string;
  pdf?: string;
}

const PEERS: readonly Peer[] = [
  {
    name: "Marp CLI",
    bin: "marp",
    build: "marp talk.md -o out/marp.html",
    page: "marp.html",
    pdf: "marp talk.md --pdf -o out/marp.pdf",
  },
  {
    name: "reveal-md",
    bin: "reveal-md",
    build: "reveal-md talk.md --static out/reveal-md",
    page: "reveal-md/talk.html",
  },
];

/** One peer's medians, in milliseconds and kilobytes. */
export interface PeerResult {
  name: string;
  buildMs: number[];
  pdfMs: number[];
  firstPaintMs: number[];
  /** JavaScript and CSS, gzipped, until the network is idle. */
  idleKb: number;
}

/** The talk as one Markdown file, slides separated by `---`, as Marp and reveal-md read it. */
function oneFile(slidesDir: string): string {
  return readdirSync(slidesDir)
    .filter((name) => name.endsWith(".md"))
    .sort(compareFileNames)
    .map((name) => readFileSync(path.join(slidesDir, name), "utf8").trim())
    .join("\n\n---\n\n");
}

/** First contentful paint of a page and the JS+CSS it loaded until idle, in a fresh context. */
async function loadPage(browser: Browser, url: string): Promise<{ paintMs: number; kb: number }> {
  const { context, page } = await openFreshPage(browser);
  // Marp writes its scripts and styles into the page itself: they count too (as the page's code).
  const bodies = recordResponses(page);
  try {
    await page.goto(url, { waitUntil: "networkidle0" });
    const paintMs = await firstContentfulPaint(page);
    let loaded: Payload = { jsGzip: 0, cssGzip: 0, fonts: 0 };
    for (const body of bodies.values()) {
      const { kind, size } = await body;
      loaded = addToPayload(loaded, kind, size);
    }
    return { paintMs, kb: (loaded.jsGzip + loaded.cssGzip) / 1000 };
  } finally {
    await context.close();
  }
}

/**
 * Measures the peers installed in `peersDir` (its node_modules) on the same talk and machine, in
 * the same run as this project: build, slides PDF, first paint over http, payload until idle.
 */
export async function benchPeers(
  peersDir: string,
  slidesDir: string,
  runs: number,
  browser: Browser,
  chromePath: string,
): Promise<PeerResult[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), "deck-bench-peers-"));
  try {
    symlinkSync(path.resolve(peersDir, "node_modules"), path.join(work, "node_modules"));
    writeFileSync(path.join(work, "talk.md"), oneFile(slidesDir));
    const installed = PEERS.filter((peer) =>
      existsSync(path.join(work, "node_modules/.bin", peer.bin)),
    );
    const scripts: Record<string, string> = {};
    for (const peer of installed) {
      scripts[`${peer.bin}-build`] = peer.build;
      if (peer.pdf) scripts[`${peer.bin}-pdf`] = peer.pdf;
    }
    writeFileSync(path.join(work, "package.json"), JSON.stringify({ private: true, scripts }));
    mkdirSync(path.join(work, "out"));
    const env = { ...process.env, CHROME_PATH: chromePath, PUPPETEER_EXECUTABLE_PATH: chromePath };
    const server = await preview({
      configFile: false,
      root: work,
      logLevel: "silent",
      build: { outDir: path.join(work, "out") },
      preview: { host: "127.0.0.1", port: 0 },
    });
    try {
      const results: PeerResult[] = [];
      for (const peer of installed) {
        process.stderr.write(`peers: ${peer.name}\n`);
        const repeat = (script: string) =>
          Array.from({ length: runs + 1 }, () => timeNpmScript(work, script, [], env)).slice(1);
        const buildMs = repeat(`${peer.bin}-build`);
        const pdfMs = peer.pdf ? repeat(`${peer.bin}-pdf`) : [];
        const url = `${server.resolvedUrls?.local[0] ?? ""}${peer.page}`;
        const loads: { paintMs: number; kb: number }[] = [];
        for (let i = 0; i <= runs; i++) loads.push(await loadPage(browser, url));
        results.push({
          name: peer.name,
          buildMs,
          pdfMs,
          firstPaintMs: loads.slice(1).map((load) => load.paintMs),
          idleKb: loads[0]?.kb ?? 0,
        });
      }
      return results;
    } finally {
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
