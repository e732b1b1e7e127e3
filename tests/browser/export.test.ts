import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DECK_ORIGIN, openDeckPage } from "../../src/browser/deck-page.ts";
import { launchBrowser } from "../../src/browser/launch-browser.ts";
import { finishPdf } from "../../src/export/pdf-document.ts";
import { printSlides } from "../../src/export/slides-pdf.ts";
import { buildDeckTo, fixtureDeck, writeDeck } from "../helpers/deck-server.ts";
import { readPdf } from "../helpers/read-pdf.ts";
import { descendants, isRunning, runExport, startExport } from "../helpers/run-export.ts";

const made: string[] = [];
let talkDist: string;
let outDir: string;

beforeAll(async () => {
  talkDist = await buildDeckTo(fixtureDeck("engine"));
  outDir = mkdtempSync(path.join(tmpdir(), "deck-pdf-"));
  made.push(talkDist, outDir);
});
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const TITLES = [
  "Engine fixture",
  "Plain text",
  "Part one",
  "Code steps",
  "A chart",
  "Fragments",
  "An image",
  "Part two",
  "Last point",
  "Thank you",
];

async function buildFixture(files: Record<string, string>): Promise<string> {
  const slides = writeDeck(files);
  const dist = await buildDeckTo(slides);
  made.push(slides, dist);
  return dist;
}

describe("npm run pdf (slides)", () => {
  let file: string;
  let stdout: string;
  beforeAll(() => {
    file = path.join(outDir, "talk.pdf");
    const run = runExport(["slides", "--dist", talkDist, "--out", file]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    stdout = run.stdout;
  });

  test("prints progress, then the path and size it wrote", () => {
    expect(stdout).toContain("slide 7/10");
    expect(stdout).toMatch(
      new RegExp(`wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(10 pages, \\d+ kB\\)`),
    );
  });

  test("has one 16:9 page per slide, each with its slide's title as selectable text", async () => {
    const pdf = await readPdf(file);
    expect(pdf.pages).toBe(10);
    const { width, height } = await pdf.size(1);
    expect(width / height).toBeCloseTo(16 / 9, 2);
    for (const [index, title] of TITLES.entries()) {
      expect(await pdf.text(index + 1)).toContain(title);
    }
  });

  test("has bookmarks for every slide, nested under the parts (`#` slides)", async () => {
    const { outline } = await readPdf(file);
    const titles = (items: typeof outline): string[] => items.map((item) => item.title);
    expect(titles(outline)).toEqual([
      "Engine fixture",
      "Plain text",
      "Part one",
      "Part two",
      "Thank you",
    ]);
    expect(titles(outline[2]?.items ?? [])).toEqual(TITLES.slice(3, 7));
    expect(titles(outline[3]?.items ?? [])).toEqual(["Last point"]);
    expect(titles(outline[4]?.items ?? [])).toEqual([]);
  });

  test("carries the title, subject and language of the deck settings", async () => {
    const { info } = await readPdf(file);
    expect(info).toMatchObject({
      Title: "Engine fixture",
      Author: "Ada Lovelace",
      Subject: "A small deck with one of each thing the engine renders.",
      Language: "en",
    });
  });

  test("prints backgrounds and highlighted code in colour, and fits long code", async () => {
    const dist = await buildFixture({
      "01.md": "# Colour\n",
      "02.md": [
        "## Code",
        "",
        "```rust",
        'fn main() { let name: Option<String> = None; println!("{}", name.unwrap_or_default()); } // a line far too long for the slide at its normal size',
        "```",
        "",
      ].join("\n"),
      "deck.yaml": "author: Ada Lovelace\nevent: Rust Meetup\n",
    });
    const out = path.join(outDir, "colour.pdf");
    const run = runExport(["slides", "--dist", dist, "--out", out]);
    expect(run.stderr).toBe("");
    const pdf = await readPdf(out);
    const colours = await pdf.fillColours(2);
    expect(colours).toContain("#fbfaf7"); // the slide background
    expect(colours).toContain("#ff9e7a"); // highlight.js keywords
    expect(await pdf.text(2)).toContain("a line far too long for the slide");
    expect(pdf.info).toMatchObject({ Author: "Ada Lovelace", Subject: "Rust Meetup" });
  });

  test("gives one page per fragment step with --fragments", async () => {
    const dist = await buildFixture({
      "01.md":
        '# Steps\n\n- one <!-- .element: class="fragment" -->\n\n<p class="fragment">two</p>\n\n<p class="fragment">three</p>\n',
    });
    const collapsed = path.join(outDir, "collapsed.pdf");
    const stepped = path.join(outDir, "stepped.pdf");
    expect(runExport(["slides", "--dist", dist, "--out", collapsed]).status).toBe(0);
    expect(runExport(["slides", "--dist", dist, "--out", stepped, "--fragments"]).status).toBe(0);
    expect((await readPdf(collapsed)).pages).toBe(1);
    // reveal.js prints the slide before its first step, then one page per step.
    expect((await readPdf(stepped)).pages).toBe(4);
  });

  test("with --fragments, each page of a code walk-through lights its own step's lines", async () => {
    const browser = await launchBrowser();
    try {
      const deckPage = await openDeckPage(browser, talkDist, { width: 1280, height: 720 });
      await deckPage.page.goto(`${DECK_ORIGIN}/index.html?print-pdf&pdfSeparateFragments=true`);
      await deckPage.page.waitForSelector(".reveal[data-pdf-ready]");
      const lit = await deckPage.page.$$eval(".pdf-page > section#code-steps", (pages) =>
        pages.map((page) =>
          Array.from(page.querySelectorAll<HTMLElement>(".code-line.is-active"), (line) =>
            Number(line.dataset.line),
          ),
        ),
      );
      // The fixture's ```rust {1-2|4|6}: the slide opens on its first step, then two more.
      expect(lit).toEqual([[1, 2], [4], [6]]);
    } finally {
      await browser.close();
    }
  });
});

describe("the browser of an export", () => {
  test("is handed back once the PDF is printed, and the PDF is finished without it", async () => {
    const browser = await launchBrowser();
    const events: string[] = [];
    try {
      const pdf = await printSlides(browser, {
        distDir: talkDist,
        fragments: false,
        progress: () => undefined,
        release: async () => {
          events.push("released");
          await browser.close();
        },
        finish: (printed, info, outline) => {
          events.push("finishing");
          return finishPdf(printed, info, outline);
        },
      });
      expect(pdf.pages).toBe(TITLES.length);
    } finally {
      await browser.close();
    }
    expect(events).toEqual(["released", "finishing"]);
  });
});

describe("npm run handout", () => {
  test("puts three slides and their notes on each A4 page, after a cover, with page numbers", async () => {
    const file = path.join(outDir, "handout.pdf");
    const run = runExport(["handout", "--dist", talkDist, "--out", file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("slide 10/10");
    const pdf = await readPdf(file);
    // A cover, then three slides a page where their notes fit, fewer where they are long.
    expect(pdf.pages).toBeGreaterThanOrEqual(1 + 4);
    expect(pdf.pages).toBeLessThanOrEqual(1 + 6);
    // A4 is 595 × 842 pt; Chromium rounds the page to whole CSS pixels.
    const { width, height } = await pdf.size(1);
    expect(Math.abs(width - 595.28)).toBeLessThan(1);
    expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
    expect(await pdf.text(1)).toContain("2026-01-01");
    expect(await pdf.text(1)).toContain("Fixture Meetup");
    let all = "";
    for (let page = 1; page <= pdf.pages; page++) {
      const text = await pdf.text(page);
      expect(text).toContain("Engine fixture");
      expect(text).toContain(`Page ${page} of ${pdf.pages}`);
      all += text;
    }
    const positions = TITLES.map((title, index) => all.indexOf(`${index + 1}. ${title}`));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const page2 = await pdf.text(2);
    expect(page2).toContain("2. Plain text");
    expect(page2).toContain("so that pacing has words to count.");
    expect(pdf.info.Title).toBe("Engine fixture (handout)");
  });

  test("takes --paper letter and --per-page 1", async () => {
    const file = path.join(outDir, "letter.pdf");
    expect(
      runExport([
        "handout",
        "--dist",
        talkDist,
        "--out",
        file,
        "--paper",
        "letter",
        "--per-page",
        "1",
      ]).status,
    ).toBe(0);
    const pdf = await readPdf(file);
    expect(pdf.pages).toBe(1 + 10);
    const { width, height } = await pdf.size(2);
    expect(Math.abs(width - 612)).toBeLessThan(1);
    expect(Math.abs(height - 792)).toBeLessThan(1.5);
    // The cover is page 1, so slide 5 is on page 6.
    expect(await pdf.text(6)).toContain("The chart shows two ranges");
  });

  test("rejects bad options with the usage", () => {
    const run = runExport(["handout", "--dist", talkDist, "--per-page", "4"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--per-page must be 1, 2 or 3");
  });
});

describe("failing cleanly", () => {
  const noPdfIn = (dir: string) => readdirSync(dir).filter((name) => name.includes("broken"));

  test("a failed request in the deck fails the export and leaves no file", async () => {
    // A file the build cannot see: named only in a style, so the browser asks for it.
    const dist = await buildFixture({
      "01.md": '# Broken\n\n<div style="background-image: url(gone.png)">gone</div>\n',
    });
    const run = runExport(["slides", "--dist", dist, "--out", path.join(outDir, "broken.pdf")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("missing file: /gone.png");
    expect(noPdfIn(outDir)).toEqual([]);
  });

  test("code too long to fit names its slide's file and line, and leaves no file", async () => {
    const code = Array.from({ length: 80 }, (_, i) => `let line_${i} = ${i};`).join("\n");
    const dist = await buildFixture({
      "01.md": "# Title\n",
      "02-code.md": `\n## Long code\n\n\`\`\`rust\n${code}\n\`\`\`\n`,
    });
    const run = runExport([
      "slides",
      "--dist",
      dist,
      "--out",
      path.join(outDir, "broken-code.pdf"),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /02-code\.md:2:1 error overflow slide "Long code" does not fit its page even with its code shrunk to 50%/,
    );
    expect(run.stderr).toContain("npm run pdf -- --keep-going");
    expect(noPdfIn(outDir)).toEqual([]);

    // Asked to keep going, it prints the slide cut at the page's edge and says so.
    const anyway = path.join(outDir, "kept-going.pdf");
    const kept = runExport(["slides", "--dist", dist, "--out", anyway, "--keep-going"]);
    expect(kept.status).toBe(0);
    expect(kept.stderr).toMatch(
      /02-code\.md:2:1 warning overflow slide "Long code" does not fit its page .*; printed cut at the page's edge/,
    );
    expect((await readPdf(anyway)).pages).toBe(2);
  });

  test("without a browser it says how to get one, and leaves no file", () => {
    const run = runExport(
      ["slides", "--dist", talkDist, "--out", path.join(outDir, "broken-browser.pdf")],
      {
        CHROME_PATH: "/nonexistent/chrome",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("CHROME_PATH is set to /nonexistent/chrome");
    expect(noPdfIn(outDir)).toEqual([]);
  });

  test("Ctrl-C stops the export, closes Chromium and leaves no file", async () => {
    const slides = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`${i + 1}.md`, `## Slide ${i + 1}\n\nText ${i}\n`]),
    );
    const dist = await buildFixture(slides);
    const out = path.join(outDir, "broken-interrupted.pdf");
    const child = startExport(["slides", "--dist", dist, "--out", out]);
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    let seen: number[] = [];
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("slide 1/")) {
          seen = descendants(child.pid ?? 0);
          child.kill("SIGINT");
          resolve();
        }
      });
    });
    expect(seen.length).toBeGreaterThan(2); // node, then Chromium and its helpers
    expect(await exited).toBe(130);
    await expect.poll(() => seen.filter(isRunning)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(noPdfIn(outDir)).toEqual([]);
  });
});
