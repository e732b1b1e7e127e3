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
  /** A short name for its npm scripts. */
  id: string;
  /** Paths in node_modules that say the peer is installed. */
  needs: readonly string[];
  build: string;
  /** The page the build wrote, relative to the output folder. */
  page: string;
  pdf?: string;
  /** The files of the peer's project besides talk.md, by path in its folder, for a talk. */
  files?: (talk: string) => Record<string, string>;
}

// A reveal.js project as its docs set one up with Vite: the markdown, highlight and notes plugins
// read the talk's Markdown in the browser. Its PDF is reveal.js's own print view, printed by the
// same Chromium with puppeteer-core (as decktape does), from the built deck served by Vite.
const revealViteFiles = (talk: string): Record<string, string> => ({
  "vite/public/talk.md": talk,
  "vite/index.html": `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>talk</title></head>
  <body>
    <div class="reveal"><div class="slides">
      <section data-markdown="talk.md" data-separator="^\\r?\\n---\\r?\\n$" data-separator-notes="^Note:"></section>
    </div></div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`,
  "vite/main.js": `import Reveal from "reveal.js";
import Highlight from "reveal.js/plugin/highlight";
import Markdown from "reveal.js/plugin/markdown";
import Notes from "reveal.js/plugin/notes";
import "reveal.js/reveal.css";
import "reveal.js/theme/black.css";
import "reveal.js/plugin/highlight/monokai.css";

new Reveal({ hash: true, plugins: [Markdown, Highlight, Notes] }).initialize();
`,
  "pdf.mjs": `import puppeteer from "puppeteer-core";
import { preview } from "vite";

const server = await preview({
  configFile: false,
  root: "vite",
  logLevel: "silent",
  build: { outDir: "../out/vite" },
  preview: { host: "127.0.0.1", port: 0 },
});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: "shell",
  pipe: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() =>
    document.addEventListener("pdf-ready", () => { window.pdfReady = true; }),
  );
  await page.goto(\`\${server.resolvedUrls.local[0]}?print-pdf\`);
  await page.waitForFunction(() => window.pdfReady === true);
  await page.pdf({ path: "out/vite.pdf", preferCSSPageSize: true, printBackground: true });
} finally {
  await browser.close();
  await server.close();
}
`,
});

const PEERS: readonly Peer[] = [
  {
    name: "Marp CLI",
    id: "marp",
    needs: [".bin/marp"],
    build: "marp talk.md -o out/marp.html",
    page: "marp.html",
    pdf: "marp talk.md --pdf -o out/marp.pdf",
  },
  {
    name: "reveal-md",
    id: "reveal-md",
    needs: [".bin/reveal-md"],
    build: "reveal-md talk.md --static out/reveal-md",
    page: "reveal-md/talk.html",
  },
  {
    name: "reveal.js + Vite",
    id: "reveal-vite",
    needs: [".bin/vite", "reveal.js/package.json", "puppeteer-core/package.json"],
    build: "vite build vite --base ./ --outDir ../out/vite --emptyOutDir --logLevel warn",
    page: "vite/index.html",
    pdf: "vite build vite --base ./ --outDir ../out/vite --emptyOutDir --logLevel warn && node pdf.mjs",
    files: revealViteFiles,
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

/** This project's commands, timed (ms) as the peers' are, to run in turn with theirs. */
export interface OurCommands {
  build: () => number;
  /** The same build with the deck not in the build's cache. */
  uncached: () => number;
  /** `npm run build` after a slide's text was edited (a build of the slides alone). */
  edit: () => number;
  pdf: () => number;
  /** The first contentful paint of our built talk over http, in a fresh context. */
  paint: () => Promise<number>;
}

/** The peers' results, and ours from the same rounds. */
export interface PeersBench {
  peers: PeerResult[];
  ours: {
    buildMs: number[];
    uncachedMs: number[];
    editMs: number[];
    pdfMs: number[];
    paintMs: number[];
  };
}

/**
 * Times each command `runs` times, every round running each command once in turn, after one round
 * that warms up: a machine that slows down for a while slows every tool alike, not the one
 * measured then.
 */
export function inTurn(runs: number, commands: readonly (() => number)[]): number[][] {
  const times = commands.map((): number[] => []);
  for (let round = 0; round <= runs; round++) {
    commands.forEach((command, index) => {
      const ms = command();
      if (round > 0) times[index]?.push(ms);
    });
  }
  return times;
}

/**
 * Measures the peers installed in `peersDir` (its node_modules) on the same talk and machine, in
 * the same run as this project: build and slides PDF (in turn with ours), first paint over http,
 * payload until idle.
 */
export async function benchPeers(
  peersDir: string,
  slidesDir: string,
  runs: number,
  browser: Browser,
  chromePath: string,
  ours: OurCommands,
): Promise<PeersBench> {
  const work = mkdtempSync(path.join(os.tmpdir(), "deck-bench-peers-"));
  try {
    symlinkSync(path.resolve(peersDir, "node_modules"), path.join(work, "node_modules"));
    const talk = oneFile(slidesDir);
    writeFileSync(path.join(work, "talk.md"), talk);
    const installed = PEERS.filter((peer) =>
      peer.needs.every((need) => existsSync(path.join(work, "node_modules", need))),
    );
    const scripts: Record<string, string> = {};
    for (const peer of installed) {
      for (const [file, text] of Object.entries(peer.files?.(talk) ?? {})) {
        mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        writeFileSync(path.join(work, file), text);
      }
      scripts[`${peer.id}-build`] = peer.build;
      if (peer.pdf) scripts[`${peer.id}-pdf`] = peer.pdf;
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
      const npm = (script: string) => () => timeNpmScript(work, script, [], env);
      process.stderr.write("peers: build and slides PDF, each tool in turn\n");
      const [ourBuilds = [], ourUncached = [], ourEdits = [], ...builds] = inTurn(runs, [
        ours.build,
        ours.uncached,
        ours.edit,
        ...installed.map((peer) => npm(`${peer.id}-build`)),
      ]);
      const withPdf = installed.filter((peer) => peer.pdf);
      const [ourPdfs = [], ...pdfs] = inTurn(runs, [
        ours.pdf,
        ...withPdf.map((peer) => npm(`${peer.id}-pdf`)),
      ]);
      // The pages in turn too, ours first in each round: the first round warms up, and gives each
      // peer's payload.
      process.stderr.write("peers: first slide, each page in turn\n");
      const ourPaints: number[] = [];
      const loads = installed.map((): { paintMs: number; kb: number }[] => []);
      for (let round = 0; round <= runs; round++) {
        const paint = await ours.paint();
        if (round > 0) ourPaints.push(paint);
        for (const [index, peer] of installed.entries()) {
          const url = `${server.resolvedUrls?.local[0] ?? ""}${peer.page}`;
          loads[index]?.push(await loadPage(browser, url));
        }
      }
      const results = installed.map(
        (peer, index): PeerResult => ({
          name: peer.name,
          buildMs: builds[index] ?? [],
          pdfMs: pdfs[withPdf.indexOf(peer)] ?? [],
          firstPaintMs: (loads[index] ?? []).slice(1).map((load) => load.paintMs),
          idleKb: loads[index]?.[0]?.kb ?? 0,
        }),
      );
      return {
        peers: results,
        ours: {
          buildMs: ourBuilds,
          uncachedMs: ourUncached,
          editMs: ourEdits,
          pdfMs: ourPdfs,
          paintMs: ourPaints,
        },
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
