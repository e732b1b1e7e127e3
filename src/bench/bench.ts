import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { preview } from "vite";
import { launchBrowser } from "../browser/launch-browser.ts";
import { BUDGETS } from "./bench-budgets.ts";
import { firstSlidePayload, wholeDeckPayload } from "./payload.ts";
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
    ["node_modules/tsx/dist/cli.mjs", "src/bench/worker.ts", task, slidesDir, outDir],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
    },
  );
  if (run.status !== 0) throw new Error(`${task} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as {
    ms: number;
    maxRssMb: number;
    bytes: number;
  };
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

/** Time from navigation to the first slide shown (the runtime's `first-slide` mark), cold cache. */
async function firstSlideTime(
  browser: Browser,
  url: string,
): Promise<{ ms: number; heapMb: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
    const ms = await page.evaluate(
      () => performance.getEntriesByName("first-slide")[0]?.startTime ?? Number.NaN,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    return { ms, heapMb: heap / 1024 / 1024 };
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

async function benchDeck(name: string, slidesDir: string, runs: number, browser: Browser) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "deck-bench-dist-"));
  const progress = (what: string) => process.stderr.write(`${name}: ${what}\n`);
  try {
    progress("build");
    const builds = repeat(1, runs, () => runWorker("build", slidesDir, outDir));
    progress("offline build");
    const offline = repeat(1, runs, () => runWorker("offline", slidesDir, outDir));
    const slides = readdirSync(slidesDir).filter((f) => f.endsWith(".md")).length;
    const single = readdirSync(outDir).find((f) => f.endsWith(".html") && f !== "index.html") ?? "";
    const server = await preview({
      root: ROOT,
      configFile: path.join(ROOT, "vite.config.ts"),
      logLevel: "silent",
      build: { outDir },
      preview: { host: "127.0.0.1", port: 0 },
    });
    const url = server.resolvedUrls?.local[0] ?? "";
    try {
      progress("first slide over http");
      const http = await repeatAsync(1, runs, () => firstSlideTime(browser, url));
      progress("first slide from file://");
      const file = await repeatAsync(1, runs, () =>
        firstSlideTime(browser, `file://${path.join(outDir, single)}`),
      );
      const first = await firstSlidePayload(browser, url);
      const whole = wholeDeckPayload(outDir);
      progress("slides PDF");
      const pdf = repeat(1, runs, () => runWorker("pdf", slidesDir, outDir));
      progress("handout PDF");
      const handout = repeat(1, runs, () => runWorker("handout", slidesDir, outDir));
      return {
        name,
        slides,
        metrics: {
          "build time": times(builds),
          "build peak memory": memory(builds),
          "single-file build time": times(offline),
          "first slide, http": times(http),
          "first slide, file://": times(file),
          "page JS heap, http": metric(
            http.map((r) => r.heapMb),
            "MB",
          ),
          "first-slide JS, gzip": kilobytes(first.jsGzip),
          "first-slide CSS, gzip": kilobytes(first.cssGzip),
          "first-slide JS+CSS, gzip": kilobytes(first.jsGzip + first.cssGzip),
          "first-slide fonts": kilobytes(first.fonts),
          "whole-deck JS+CSS, gzip": kilobytes(whole.jsGzip + whole.cssGzip),
          "whole-deck fonts": kilobytes(whole.fonts),
          "single file size": kilobytes(statSync(path.join(outDir, single)).size),
          "slides PDF size": kilobytes(pdf[0]?.bytes ?? 0),
          "slides PDF export": times(pdf),
          "slides PDF peak memory": memory(pdf),
          "handout PDF export": times(handout),
          "handout PDF peak memory": memory(handout),
        },
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const format = (value: number, unit: string) =>
  `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      out: { type: "string", default: "exports/bench.json" },
      "large-slides": { type: "string", default: "500" },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const large = generateDeck(Number(values["large-slides"]));
  const photos = await photoDeck();
  const browser = await launchBrowser();
  try {
    const decks = [
      await benchDeck("talk", path.resolve("slides"), runs, browser),
      await benchDeck(`${values["large-slides"]} slides`, large, runs, browser),
      await benchDeck("three phone photos", photos, runs, browser),
    ];
    const photoMetrics = decks[2]?.metrics;
    const talk = decks[0]?.metrics;
    const budgets = talk
      ? {
          "first-slide JS+CSS ≤ 50 kB gzip":
            talk["first-slide JS+CSS, gzip"].median <= BUDGETS.firstSlidePayloadKb,
          "fonts ≤ 60 kB": talk["whole-deck fonts"].median <= BUDGETS.fontsKb,
          "first slide ≤ 120 ms (http)": talk["first slide, http"].median <= BUDGETS.firstSlideMs,
          "slides PDF ≤ 1.0 s": talk["slides PDF export"].median <= BUDGETS.slidesPdfMs,
          "build ≤ 1 s": talk["build time"].median <= BUDGETS.buildMs,
          "photos: single file < 1.5 MB":
            (photoMetrics?.["single file size"].median ?? Infinity) < BUDGETS.photoSingleFileKb,
          "photos: slides PDF < 2 MB":
            (photoMetrics?.["slides PDF size"].median ?? Infinity) < BUDGETS.photoPdfKb,
        }
      : {};
    const report = {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
      },
      runs,
      decks,
      budgets,
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
        console.log(`  ${name.padEnd(26)} ${format(m.median, m.unit).padStart(10)}${range}`);
      }
    }
    console.log("\nbudgets (the talk):");
    for (const [name, ok] of Object.entries(budgets))
      console.log(`  ${ok ? "ok  " : "OVER"} ${name}`);
    console.log(`\nwrote ${values.out}`);
  } finally {
    await browser.close();
    rmSync(large, { recursive: true, force: true });
    rmSync(photos, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
