import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCheck } from "../../src/check/run-check.ts";
import { checkSourceCoverage } from "../../src/check/source-coverage.ts";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { gotoDeck, openSession, type RecordedSession } from "../helpers/browser-session.ts";
import { buildAndPreview, ROOT, type Served } from "../helpers/deck-server.ts";
import { readPdf } from "../helpers/read-pdf.ts";
import { runExport } from "../helpers/run-export.ts";
import { ESSAY_HEADINGS, normalizeSpace, readEssay, TALK_DIR } from "./essay.ts";

/*
 * The talk's own tests: "rust for kubernetes addons", from the essay in slides/essay.txt. They
 * are the only tests that read slides/. In a fork with another talk, delete tests/talk/.
 */

const TALK_TITLE = "rust for kubernetes addons";
const themesDir = path.join(ROOT, "themes");
let served: Served & { outDir: string };
let session: RecordedSession;

beforeAll(async () => {
  served = await buildAndPreview(TALK_DIR);
  session = await openSession(served.url);
  await gotoDeck(session.page, served.url);
});

afterAll(async () => {
  await session?.close();
  await served?.close();
});

/** Each slide's title, visible text and notes, as the built deck has them. */
function readSlides() {
  return session.page.$$eval(".reveal .slides > section", (sections) =>
    sections.map((section) => ({
      id: section.id,
      title: section.querySelector("h1, h2")?.textContent ?? "",
      text: section.textContent ?? "",
      notes: section.querySelector("aside.notes")?.textContent ?? "",
      code: Array.from(section.querySelectorAll("pre code"), (code) => code.textContent ?? ""),
    })),
  );
}

describe("the talk in slides/", () => {
  test("is the talk these tests are for", async () => {
    const { deck, diagnostics } = await loadDeck({ slidesDir: TALK_DIR, themesDir });
    expect(
      deck.settings.title,
      `slides/ holds "${deck.settings.title}", not "${TALK_TITLE}": tests/talk/ tests that talk only; delete tests/talk/ in your own talk (README: Make your own talk)`,
    ).toBe(TALK_TITLE);
    expect(diagnostics).toEqual([]);
    expect(deck.slides).toHaveLength(21);
    expect(deck.settings).toMatchObject({ talkMinutes: 20, source: "essay.txt" });
  });

  test("has a title slide and then one slide per essay heading, in the essay's order", async () => {
    const slides = await readSlides();
    const essay = readEssay();
    expect(slides.map((slide) => slide.title)).toEqual([essay[0]?.heading, ...ESSAY_HEADINGS]);
    expect(slides.find((slide) => slide.title === "Smaller images")?.id).toBe("smaller-images");
  });

  test("has every sentence of the essay, word for word, on its slide or in its notes", async () => {
    const slides = await readSlides();
    const missing: string[] = [];
    for (const [index, section] of readEssay().entries()) {
      const text = normalizeSpace(slides[index]?.text ?? "");
      for (const sentence of section.sentences) {
        if (!text.includes(normalizeSpace(sentence)))
          missing.push(`${section.heading}: ${sentence}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("shows the essay's date and lede on the title slide and 'All in Rust.' at the end", async () => {
    const page = session.page;
    await gotoDeck(page, served.url);
    const title = await page.locator("section.present").innerText();
    expect(title).toContain("Last updated · 2026-04-19");
    expect(title).toContain("Go is the default language of Kubernetes.");
    await gotoDeck(page, served.url, "#/thats-why");
    await expect.poll(() => page.locator("section.present").innerText()).toContain("All in Rust.");
  });

  test("draws the essay's figures as charts, with the essay's numbers", async () => {
    const page = session.page;
    await gotoDeck(page, served.url, "#/smaller-images");
    expect(await page.locator("section.present svg.deck-chart desc").textContent()).toBe(
      "Go + client-go + AWS SDK, distroless: 30 to 80 MB. Rust on musl, in scratch: 5 to 15 MB.",
    );
    await gotoDeck(page, served.url, "#/smaller-memory");
    expect(await page.locator("section.present svg.deck-chart desc").textContent()).toBe(
      "Go: 30 to 50 MB. Rust: 5 to 10 MB.",
    );
  });

  test("backs the essay's claims about code with code that shows them", async () => {
    const code = Object.fromEntries((await readSlides()).map((slide) => [slide.id, slide.code]));
    const [goNil, rustOption] = code["no-nil-panics"] ?? [];
    expect(goNil).toMatch(/\*corev1\.Pod/);
    expect(goNil).toMatch(/nil pointer dereference/);
    expect(rustOption).toMatch(/-> Option<String>/);
    const [goDrop, rustResult] = code["no-silent-error-drops"] ?? [];
    expect(goDrop).toMatch(/^_ = c\.Delete\(/);
    expect(rustResult).toContain("#![deny(unused_must_use)]");
    expect(rustResult).toContain("unused `Result` that must be used");
    expect(code["tokio-cancellation"]?.join("")).toMatch(
      /tokio::select![\s\S]*CancellationToken|CancellationToken[\s\S]*tokio::select!/,
    );
    expect(code["cross-compilation-is-harder"]).toEqual([
      "GOOS=linux GOARCH=arm64 go build\n",
      "rustup target add aarch64-unknown-linux-musl\ncargo zigbuild --release --target aarch64-unknown-linux-musl\n",
    ]);
  });

  test("is clean in the deck doctor: no error, no warning, no sentence of the essay lost", async () => {
    const report = await runCheck({
      root: ROOT,
      slidesDir: TALK_DIR,
      themesDir,
      progress: () => undefined,
    });
    expect(report.findings).toEqual([]);
    expect(report.slides).toBe(21);
  });

  test("prints as 21 pages with bookmarks nested under the essay's three parts", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "talk-pdf-"));
    try {
      const file = path.join(out, "talk.pdf");
      const run = runExport(["slides", "--dist", served.outDir, "--out", file]);
      expect(run.stderr).toBe("");
      const pdf = await readPdf(file);
      expect(pdf.pages).toBe(21);
      const titles = (items: typeof pdf.outline): string[] => items.map((item) => item.title);
      expect(titles(pdf.outline)).toEqual([
        TALK_TITLE,
        "The default",
        "I do it anyway",
        "Wrong workload",
        "I. Wins",
        "II. Tradeoffs",
        "III. The claim",
        "That's why.",
      ]);
      expect(titles(pdf.outline[4]?.items ?? [])).toEqual(ESSAY_HEADINGS.slice(4, 10));
      expect(titles(pdf.outline[5]?.items ?? [])).toEqual(ESSAY_HEADINGS.slice(11, 15));
      expect(titles(pdf.outline[6]?.items ?? [])).toEqual(ESSAY_HEADINGS.slice(16, 19));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("the essay behind the talk", () => {
  test("the deck doctor names a sentence the slides lose, at its line in the essay", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "talk-copy-"));
    try {
      cpSync(TALK_DIR, copy, { recursive: true });
      const slide = path.join(copy, "14-zig-caveat.md");
      const sentence = "cargo-zigbuild depends on Zig, still pre-1.0.";
      const text = readFileSync(slide, "utf8");
      expect(text).toContain(sentence);
      writeFileSync(slide, text.replaceAll(sentence, ""));
      const { deck, sourceFile } = await loadDeck({ slidesDir: copy, themesDir });
      if (!sourceFile) throw new Error("the talk names no source");
      const line = readFileSync(path.join(copy, "essay.txt"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes(sentence));
      expect(checkSourceCoverage(deck, sourceFile)).toEqual([
        expect.objectContaining({
          line: line + 1,
          severity: "warning",
          code: "lost-sentence",
          message: `"${sentence}" is on no slide and in no notes`,
        }),
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
