import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "puppeteer-core";
import { type PreviewServer, preview } from "vite";
import { launchBrowser } from "../browser/launch-browser.ts";
import { keptBuildDir } from "../vite/build-cache.ts";
import { stampFile } from "../vite/build-stamp.ts";
import { slotFile } from "../vite/slot-cache.ts";
import { BUDGETS } from "./bench-budgets.ts";
import { openFreshPage } from "./fresh-page.ts";
import { timeNpmScript } from "./npm-script.ts";
import { firstContentfulPaint } from "./paint.ts";
import { pagePayload, wholeDeckPayload } from "./payload.ts";
import { benchPeers, type PeerResult } from "./peers.ts";
import { writePhonePhoto } from "./phone-photo.ts";
import { type Summary, summarize } from "./stats.ts";

interface Metric extends Summary {
  unit: "ms" | "MB" | "kB";
}

const ROOT = process.cwd();

function runWorker(
  task: string,
  slidesDir: string,
  outDir: string,
): { ms: number; maxRssMb: number; bytes: number } {
  const run = spawnSync(
    process.execPath,
    ["src/cli/run.mjs", "bench-worker", task, slidesDir, outDir],
    { cwd: ROOT, encoding: "utf8", timeout: 300_000 },
  );
  if (run.status !== 0) throw new Error(`${task} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as {
    ms: number;
    maxRssMb: number;
    bytes: number;
  };
}

/** Runs a command as the speaker does, `npm run <script> -- <args>`, on a deck. */
function runCommand(
  script: string,
  args: readonly string[],
  deck: { slidesDir: string; outDir: string },
): { ms: number } {
  const env = { ...process.env, DECK_DIR: deck.slidesDir, DECK_OUT_DIR: deck.outDir };
  return { ms: timeNpmScript(ROOT, script, args, env) };
}

function repeat<T>(warmup: number, runs: number, measure: () => T): T[] {
  for (let i = 0; i < warmup; i++) measure();
  return Array.from({ length: runs }, measure);
}

async function repeatAsync<T>(
  warmup: number,
  runs: number,
  measure: () => Promise<T>,
): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await measure();
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure());
  return results;
}

const metric = (values: number[], unit: Metric["unit"]): Metric => ({ ...summarize(values), unit });
const times = (runs: { ms: number }[]) =>
  metric(
    runs.map((r) => r.ms),
    "ms",
  );
const memory = (runs: { maxRssMb: number }[]) =>
  metric(
    runs.map((r) => r.maxRssMb),
    "MB",
  );
// Sizes do not vary between runs: one measure. kB are 1,000 bytes, as Vite reports them.
const kilobytes = (bytes: number) => metric([bytes / 1000], "kB");

/**
 * Time from navigation to the first slide shown (the runtime's `first-slide` mark) and to its
 * first paint on the screen, cold cache.
 */
async function firstSlideTime(
  browser: Browser,
  url: string,
): Promise<{ ms: number; paintMs: number; heapMb: number }> {
  const { context, page } = await openFreshPage(browser);
  try {
    await page.goto(url);
    await page.waitForSelector(".reveal[data-deck-ready]");
    const ms = await page.evaluate(
      () => performance.getEntriesByName("first-slide")[0]?.startTime ?? Number.NaN,
    );
    const paintMs = await firstContentfulPaint(page);
    const cdp = await page.createCDPSession();
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    return { ms, paintMs, heapMb: heap / 1024 / 1024 };
  } finally {
    await context.close();
  }
}

/** A deck of three photos straight from a phone: one at 40 %, one large, one behind text. */
async function photoDeck(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "deck-bench-photos-"));
  await Promise.all(
    ["pier", "harbour", "coast"].map((name, i) =>
      writePhonePhoto(path.join(dir, `${name}.jpg`), i + 1),
    ),
  );
  writeFileSync(
    path.join(dir, "01.md"),
    "# Photos\n\n## Small\n\n![A pier](pier.jpg){width=40%}\n\nNote:\nOne.\n\n## Large\n\n![A harbour](harbour.jpg)\n\nNote:\nTwo.\n\n## Behind\n<!-- .slide: background=coast.jpg backgroundOpacity=0.3 -->\n\nText.\n\nNote:\nThree.\n",
  );
  return dir;
}

/** A generated deck of `count` slides, with notes, a part every 50 slides and some code. */
function generateDeck(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "deck-bench-"));
  for (let i = 1; i <= count; i++) {
    const part = i % 50 === 1 ? `# Part ${Math.ceil(i / 50)}\n\nNote:\nA new part.\n\n` : "";
    const code = i % 10 === 0 ? '```rust\nfn main() {\n    println!("slide");\n}\n```\n\n' : "";
    writeFileSync(
      path.join(dir, `${String(i).padStart(3, "0")}.md`),
      `${part}## Slide ${i}\n\n- A point about slide ${i}\n- Another point\n\n${code}Note:\nWhat to say on slide ${i}, in a sentence or two of notes.\n`,
    );
  }
  return dir;
}

/**
 * A copy of a slides folder whose first slide file gains a line at each call, then built as the
 * speaker builds after an edit: `npm run build`, its last build current but for that line (the
 * line adds no character the deck lacks, so the build is one of the slides alone).
 */
function editedBuild(
  slidesDir: string,
  outDir: string,
): { build: () => number; remove: () => void } {
  const copy = mkdtempSync(path.join(os.tmpdir(), "deck-bench-edited-"));
  cpSync(slidesDir, copy, { recursive: true });
  const first =
    readdirSync(copy)
      .filter((name) => name.endsWith(".md"))
      .sort()[0] ?? "01.md";
  const deck = { slidesDir: copy, outDir };
  return {
    build: () => {
      appendFileSync(path.join(copy, first), "\nOnce more.\n");
      return runCommand("build", [], deck).ms;
    },
    remove: () => {
      rmSync(copy, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
      rmSync(stampFile(ROOT, outDir), { force: true });
      rmSync(keptBuildDir(ROOT, outDir), { recursive: true, force: true });
    },
  };
}

/**
 * `npm run build -- --force` with the deck not in the build's cache (slot-cache.ts), as after an
 * edit to the slides that the build of slides alone cannot take, or to the engine.
 */
function uncachedBuild(deck: { slidesDir: string; outDir: string }): { ms: number } {
  rmSync(slotFile(path.join(ROOT, "node_modules/.cache/deck-model"), deck.slidesDir), {
    force: true,
  });
  return runCommand("build", ["--force"], deck);
}

/** A built deck served as `npm run preview` serves it, on a free port. */
function serveDeck(outDir: string): Promise<PreviewServer> {
  return preview({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0 },
  });
}

async function benchDeck(name: string, slidesDir: string, runs: number, browser: Browser) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "deck-bench-dist-"));
  const pdfOut = path.join(outDir, "..", `${path.basename(outDir)}.pdf`);
  const deck = { slidesDir, outDir };
  const progress = (what: string) => process.stderr.write(`${name}: ${what}\n`);
  // A cold command finds dist/ out of date: the stamp of the last build is gone.
  const stale = () => rmSync(stampFile(ROOT, outDir), { force: true });
  try {
    progress("npm run build");
    const buildCold = repeat(1, runs, () => runCommand("build", ["--force"], deck));
    const buildUncached = repeat(1, runs, () => uncachedBuild(deck));
    const edited = editedBuild(slidesDir, `${outDir}-edited`);
    const buildEdited = (() => {
      try {
        return repeat(1, runs, () => ({ ms: edited.build() }));
      } finally {
        edited.remove();
      }
    })();
    const buildCurrent = repeat(1, runs, () => runCommand("build", [], deck));
    // The build's kept copy gives dist/ back when it was removed and nothing changed.
    const buildRemoved = repeat(1, runs, () => {
      rmSync(outDir, { recursive: true, force: true });
      return runCommand("build", [], deck);
    });
    progress("npm run pdf, npm run handout");
    const pdfCold = repeat(1, runs, () => {
      stale();
      return runCommand("pdf", ["--out", pdfOut], deck);
    });
    const pdfCurrent = repeat(1, runs, () => runCommand("pdf", ["--out", pdfOut], deck));
    const handoutCold = repeat(1, runs, () => {
      stale();
      return runCommand("handout", ["--out", pdfOut], deck);
    });
    const handoutCurrent = repeat(1, runs, () => runCommand("handout", ["--out", pdfOut], deck));
    progress("build and exports in process");
    const builds = repeat(1, runs, () => runWorker("build", slidesDir, outDir));
    const slides = readdirSync(slidesDir).filter((f) => f.endsWith(".md")).length;
    const single = readdirSync(outDir).find((f) => f.endsWith(".html") && f !== "index.html") ?? "";
    const pdf = repeat(1, runs, () => runWorker("pdf", slidesDir, outDir));
    const handout = repeat(1, runs, () => runWorker("handout", slidesDir, outDir));
    const server = await serveDeck(outDir);
    const url = server.resolvedUrls?.local[0] ?? "";
    try {
      progress("first slide over http");
      const http = await repeatAsync(1, runs, () => firstSlideTime(browser, url));
      progress("first slide from file://");
      const file = await repeatAsync(1, runs, () =>
        firstSlideTime(browser, `file://${path.join(outDir, single)}`),
      );
      const payload = await pagePayload(browser, url);
      const whole = wholeDeckPayload(outDir);
      const { firstSlide, untilIdle } = payload;
      return {
        name,
        slides,
        metrics: {
          "npm run build": times(buildCold),
          "npm run build, nothing cached": times(buildUncached),
          "npm run build, a slide edited": times(buildEdited),
          "npm run build, dist/ current": times(buildCurrent),
          "npm run build, dist/ removed": times(buildRemoved),
          "npm run pdf": times(pdfCold),
          "npm run pdf, dist/ current": times(pdfCurrent),
          "npm run handout": times(handoutCold),
          "npm run handout, dist/ current": times(handoutCurrent),
          "build, in process": times(builds),
          "build peak memory": memory(builds),
          "slides PDF, in process": times(pdf),
          "slides PDF peak memory": memory(pdf),
          "handout PDF, in process": times(handout),
          "first slide, http": times(http),
          "first slide painted, http": metric(
            http.map((r) => r.paintMs),
            "ms",
          ),
          "first slide, file://": times(file),
          "page JS heap, http": metric(
            http.map((r) => r.heapMb),
            "MB",
          ),
          "first-slide JS, gzip": kilobytes(firstSlide.jsGzip),
          "first-slide CSS, gzip": kilobytes(firstSlide.cssGzip),
          "first-slide JS+CSS, gzip": kilobytes(firstSlide.jsGzip + firstSlide.cssGzip),
          "JS+CSS until idle, gzip": kilobytes(untilIdle.jsGzip + untilIdle.cssGzip),
          "first-slide fonts": kilobytes(firstSlide.fonts),
          "whole-deck JS+CSS, gzip": kilobytes(whole.jsGzip + whole.cssGzip),
          "whole-deck fonts": kilobytes(whole.fonts),
          "single file size": kilobytes(statSync(path.join(outDir, single)).size),
          "slides PDF size": kilobytes(pdf[0]?.bytes ?? 0),
        },
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(pdfOut, { force: true });
    rmSync(stampFile(ROOT, outDir), { force: true });
    rmSync(keptBuildDir(ROOT, outDir), { recursive: true, force: true });
  }
}

const format = (value: number, unit: string) =>
  `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;

/** This project's figure beside the fastest peer's, for the README's table. */
interface Comparison {
  measure: string;
  ours: number;
  unit: "ms" | "kB";
  peers: Record<string, number>;
  /** Ours divided by the fastest peer's (≤ 1.0: as fast as the fastest, or faster). */
  ratio: number;
}

function compare(
  measure: string,
  ours: number,
  unit: Comparison["unit"],
  peers: Record<string, number | undefined>,
): Comparison {
  const known = Object.fromEntries(
    Object.entries(peers).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
  );
  const fastest = Math.min(...Object.values(known));
  return { measure, ours, unit, peers: known, ratio: ours / fastest };
}

const USAGE = `Usage: npm run bench -- [--runs N] [--out FILE] [--large-slides N] [--peers DIR]

  --runs N           runs of each measure after a warm-up (default 5)
  --out FILE         where the report is written (default exports/bench.json)
  --large-slides N   slides of the generated large deck (default 500)
  --peers DIR        also measure the peers installed in DIR/node_modules (see the README)`;

/** The bench's options; prints the usage and exits on --help or a bad option. */
function benchOptions() {
  try {
    const { values } = parseArgs({
      options: {
        runs: { type: "string", default: "5" },
        out: { type: "string", default: "exports/bench.json" },
        "large-slides": { type: "string", default: "500" },
        peers: { type: "string" },
        help: { type: "boolean" },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    for (const name of ["runs", "large-slides"] as const) {
      if (!/^[1-9]\d*$/.test(values[name]))
        throw new Error(`--${name} takes a whole number, not "${values[name]}"`);
    }
    return values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = benchOptions();
  const runs = Number(values.runs);
  const largeCount = Number(values["large-slides"]);
  const large = generateDeck(largeCount);
  let photos: string | undefined;
  const browser = await launchBrowser();
  try {
    const talkResult = await benchDeck("talk", path.resolve("slides"), runs, browser);
    const largeResult = await benchDeck(`${largeCount} slides`, large, runs, browser);
    // Made just before it is measured: encoding three 12-megapixel photos is seconds of both
    // cores, which the machine made the talk's commands pay for a while after (measured).
    photos = await photoDeck();
    const decks = [
      talkResult,
      largeResult,
      await benchDeck("three phone photos", photos, runs, browser),
    ];
    const [talk, big, photoDeckResult] = decks.map((deck) => deck.metrics);
    if (!talk || !big || !photoDeckResult) throw new Error("a deck was not measured");
    const talkSlides = decks[0]?.slides ?? 0;
    // What one more slide costs a PDF: the large deck's export against the talk's, both current.
    const pdfPerSlideMs =
      (big["npm run pdf, dist/ current"].median - talk["npm run pdf, dist/ current"].median) /
      (largeCount - talkSlides);
    const budgets = {
      [`first-slide JS+CSS ≤ ${BUDGETS.firstSlidePayloadKb} kB gzip`]:
        talk["first-slide JS+CSS, gzip"].median <= BUDGETS.firstSlidePayloadKb,
      [`JS+CSS until idle ≤ ${BUDGETS.idlePayloadKb} kB gzip`]:
        talk["JS+CSS until idle, gzip"].median <= BUDGETS.idlePayloadKb,
      [`fonts ≤ ${BUDGETS.fontsKb} kB`]: talk["whole-deck fonts"].median <= BUDGETS.fontsKb,
      [`first slide ≤ ${BUDGETS.firstSlideMs} ms (http)`]:
        talk["first slide, http"].median <= BUDGETS.firstSlideMs,
      [`npm run pdf, dist/ current < ${BUDGETS.currentExportMs / 1000} s`]:
        talk["npm run pdf, dist/ current"].median < BUDGETS.currentExportMs,
      [`npm run handout, dist/ current < ${BUDGETS.currentExportMs / 1000} s`]:
        talk["npm run handout, dist/ current"].median < BUDGETS.currentExportMs,
      [`${largeCount} slides: npm run build ≤ ${BUDGETS.largeBuildMs / 1000} s`]:
        big["npm run build"].median <= BUDGETS.largeBuildMs,
      [`${largeCount} slides: PDF ≤ ${BUDGETS.pdfPerSlideMs} ms a slide`]:
        pdfPerSlideMs <= BUDGETS.pdfPerSlideMs,
      [`${largeCount} slides: first slide ≤ ${BUDGETS.largeFirstSlideRatio}× the talk's`]:
        big["first slide, http"].median <=
        talk["first slide, http"].median * BUDGETS.largeFirstSlideRatio,
      [`photos: single file < ${BUDGETS.photoSingleFileKb / 1000} MB`]:
        photoDeckResult["single file size"].median < BUDGETS.photoSingleFileKb,
      [`photos: slides PDF < ${BUDGETS.photoPdfKb / 1000} MB`]:
        photoDeckResult["slides PDF size"].median < BUDGETS.photoPdfKb,
    };
    let comparisons: Comparison[] = [];
    if (values.peers) {
      const { findBrowser } = await import("../browser/find-browser.ts");
      const { executablePath } = await findBrowser();
      // Our build and PDF again, each round in turn with the peers' (peers.ts).
      const talkDir = path.resolve("slides");
      const outDir = mkdtempSync(path.join(os.tmpdir(), "deck-bench-beside-"));
      const talkDeck = { slidesDir: talkDir, outDir };
      const pdfOut = `${outDir}.pdf`;
      const edited = editedBuild(talkDir, `${outDir}-edited`);
      let served: PreviewServer | undefined;
      const { peers, ours } = await benchPeers(
        values.peers,
        talkDir,
        runs,
        browser,
        executablePath,
        {
          build: () => runCommand("build", ["--force"], talkDeck).ms,
          uncached: () => uncachedBuild(talkDeck).ms,
          paint: async () => {
            // Served once the rounds above have built it.
            served ??= await serveDeck(outDir);
            return (await firstSlideTime(browser, served.resolvedUrls?.local[0] ?? "")).paintMs;
          },
          edit: edited.build,
          pdf: () => {
            rmSync(stampFile(ROOT, outDir), { force: true });
            return runCommand("pdf", ["--out", pdfOut], talkDeck).ms;
          },
        },
      ).finally(async () => {
        await served?.close();
        rmSync(outDir, { recursive: true, force: true });
        rmSync(pdfOut, { force: true });
        edited.remove();
      });
      const of = (pick: (peer: PeerResult) => number[]) =>
        Object.fromEntries(
          peers.map((peer) => [peer.name, pick(peer).length ? summarize(pick(peer)).median : NaN]),
        );
      // Ours from the rounds in turn, against each peer's median of the same measure.
      const timed = (measure: string, ourMs: number[], pick: (peer: PeerResult) => number[]) =>
        compare(measure, summarize(ourMs).median, "ms", of(pick));
      comparisons = [
        timed("build", ours.buildMs, (p) => p.buildMs),
        timed("build, nothing cached", ours.uncachedMs, (p) => p.buildMs),
        // The peers build everything every time; ours after an edit builds the slides alone.
        timed("build, a slide edited", ours.editMs, (p) => p.buildMs),
        timed("slides PDF", ours.pdfMs, (p) => p.pdfMs),
        // Paint against paint: the first frame with the slide's text, as each tool's page makes it.
        timed("first slide painted, http", ours.paintMs, (p) => p.firstPaintMs),
        compare(
          "JS+CSS gzip until idle",
          talk["JS+CSS until idle, gzip"].median,
          "kB",
          Object.fromEntries(peers.map((peer) => [peer.name, peer.idleKb])),
        ),
      ];
    }
    const report = {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
      },
      runs,
      decks,
      pdfPerSlideMs,
      budgets,
      comparisons,
    };
    mkdirSync(path.dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);

    for (const deck of decks) {
      console.log(
        `\n${deck.name} (${deck.slides} slide files), median of ${runs} runs after a warm-up [min – max]`,
      );
      for (const [name, m] of Object.entries(deck.metrics)) {
        const range =
          m.min === m.max ? "" : `  [${format(m.min, m.unit)} – ${format(m.max, m.unit)}]`;
        console.log(`  ${name.padEnd(32)} ${format(m.median, m.unit).padStart(10)}${range}`);
      }
    }
    console.log(`\nPDF, each slide more: ${pdfPerSlideMs.toFixed(1)} ms`);
    if (comparisons.length > 0) {
      console.log(
        "\nthe talk beside the peers (same run; builds, PDF and first paint: each tool in turn, medians):",
      );
      for (const c of comparisons) {
        const others = Object.entries(c.peers)
          .map(([name, value]) => `${name} ${format(value, c.unit)}`)
          .join(", ");
        console.log(
          `  ${c.measure.padEnd(26)} ours ${format(c.ours, c.unit).padStart(8)}  ${others}  → ${c.ratio.toFixed(2)}× the fastest`,
        );
      }
    }
    console.log("\nbudgets:");
    for (const [name, ok] of Object.entries(budgets))
      console.log(`  ${ok ? "ok  " : "OVER"} ${name}`);
    console.log(`\nwrote ${values.out}`);
  } finally {
    await browser.close();
    rmSync(large, { recursive: true, force: true });
    if (photos) rmSync(photos, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
