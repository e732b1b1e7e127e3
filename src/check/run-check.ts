import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import sharp from "sharp";
import {
  DECK_ORIGIN,
  type DeckPage,
  openDeckPage,
  type PageProblem,
} from "../browser/deck-page.ts";
import { launchBrowser } from "../browser/launch-browser.ts";
import { diagnosticAt, hasErrors } from "../deck/diagnostics.ts";
import type { Deck, Diagnostic, Slide, SourcePosition } from "../deck/model.ts";
import { imagesSettled } from "../runtime/images-settled.ts";
import { buildFiles } from "../vite/build-files.ts";
import { loadDeck } from "../vite/deck-plugin.ts";
import { displayPath } from "../vite/read-deck.ts";
import { measureContrast, type Pixels, requiredContrast } from "./contrast.ts";
import { checkDeckModel, MAX_BODY_WORDS, promote } from "./deck-rules.ts";
import { installMeasureSlide } from "./measure-slide.ts";
import { type CheckReport, createReport } from "./report.ts";
import { failedFonts, probeCurrentSlide, type SlideProbe, type TextRun } from "./slide-probe.ts";
import { checkSourceCoverage } from "./source-coverage.ts";
import { type Area, textArea } from "./text-area.ts";

/** The viewports every slide is rendered at: a laptop projector and a full-HD screen. */
export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Where the deck is and where the project's config lives. */
export interface CheckOptions {
  root: string;
  slidesDir: string;
  themesDir: string;
  /** Check with this theme instead of the deck's (the deck's `?theme=`). */
  theme?: string | undefined;
  progress: (line: string) => void;
}

/** At most this many contrast findings per slide: one bad colour often covers a whole slide. */
const MAX_CONTRAST_FINDINGS = 5;
// Screenshots at twice the CSS resolution, so glyph cores are solid and measure at their colour.
const PIXEL_RATIO = 2;

/**
 * The deck doctor: the pipeline's findings and the deck model's rules, then every slide built and
 * rendered in Chromium at each viewport, for overflow, contrast, alt text, links, fonts, requests
 * leaving the deck, console errors, blocked code and wordy slides.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const loaded = await loadDeck({ slidesDir: options.slidesDir, themesDir: options.themesDir });
  const { deck } = loaded;
  if (options.theme && !loaded.themes.includes(options.theme)) {
    throw new Error(
      `no theme ${options.theme} in ${options.themesDir}: ${loaded.themes.join(", ")}`,
    );
  }
  const findings = [
    ...promote(loaded.diagnostics),
    ...checkDeckModel(deck, loaded.settingsFile, displayPath(options.slidesDir)),
    ...(loaded.sourceFile ? checkSourceCoverage(deck, loaded.sourceFile) : []),
  ];
  const viewports = VIEWPORTS.map((v) => `${v.width}x${v.height}`);
  if (hasErrors(loaded.diagnostics))
    return createReport(findings, deck.slides.length, viewports, false);

  const outDir = mkdtempSync(path.join(tmpdir(), "deck-check-"));
  // Chromium starts while the deck builds: each waits on its own threads and processes.
  const launching = launchBrowser();
  let browser: Browser | undefined;
  try {
    options.progress("building");
    const [built, launched] = await Promise.allSettled([
      buildFiles({ root: options.root, slidesDir: options.slidesDir, outDir }),
      launching,
    ]);
    if (built.status === "rejected") throw built.reason;
    if (launched.status === "rejected") throw launched.reason;
    browser = launched.value;
    const overflows = new Map<Slide, string[]>();
    for (const [index, viewport] of VIEWPORTS.entries()) {
      const first = index === 0;
      const where = viewports[index] ?? "";
      const deckPage = await openDeckPage(browser, outDir, viewport, first ? PIXEL_RATIO : 1);
      try {
        await openDeck(deckPage.page, options.theme);
        for (const [number, slide] of deck.slides.entries()) {
          options.progress(`slide ${number + 1}/${deck.slides.length} at ${where}`);
          const probe = await showSlide(deckPage.page, slide.id);
          if (probe.overflowX > 0 || probe.overflowY > 0) {
            overflows.set(slide, [...(overflows.get(slide) ?? []), describeOverflow(probe, where)]);
          }
          if (first)
            findings.push(
              ...(await checkRenderedSlide(deckPage.page, probe, slide, deck, loaded.diagnostics)),
            );
        }
        if (first) findings.push(...(await checkFonts(deckPage.page, deck, options.themesDir)));
        findings.push(...(await locateProblems(deckPage, deck, options.slidesDir)));
      } finally {
        await deckPage.context.close();
      }
    }
    for (const [slide, where] of overflows) {
      findings.push(
        diagnosticAt(
          slide.source,
          "error",
          "overflow",
          `slide "${slide.title}" overflows ${where.join("; ")}`,
        ),
      );
    }
  } finally {
    // Launched, even when the build failed first.
    browser ??= await launching.catch(() => undefined);
    await browser?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  return createReport(dedupe(findings), deck.slides.length, viewports, true);
}

async function openDeck(page: Page, theme: string | undefined): Promise<void> {
  // reveal.js reads options from the query: no transitions and no auto-animation, so each slide
  // is measured at rest.
  const themed = theme ? `&theme=${encodeURIComponent(theme)}` : "";
  await page.goto(
    `${DECK_ORIGIN}/index.html?transition=none&backgroundTransition=none&autoAnimate=false${themed}`,
  );
  await page.waitForSelector(".reveal[data-deck-ready]");
  await page.evaluate(() => document.fonts.ready);
  // A slide measured while its image still loads would fit only because the image is 0 px tall.
  await page.evaluate(imagesSettled);
  await installMeasureSlide(page);
  // Fragments the probe shows would still be fading in when the screenshots are taken.
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
}

async function showSlide(page: Page, id: string): Promise<SlideProbe> {
  await page.evaluate((target) => {
    location.hash = `#/${target}`;
  }, id);
  await page.waitForSelector(`.reveal .slides section.present[id="${id}"]`);
  return page.evaluate(probeCurrentSlide);
}

function describeOverflow(probe: SlideProbe, where: string): string {
  const by = [
    probe.overflowY && `${probe.overflowY}px too tall`,
    probe.overflowX && `${probe.overflowX}px too wide`,
  ]
    .filter(Boolean)
    .join(" and ");
  return `at ${where}: ${by}, at ${probe.culprit}`;
}

// Words, links, images and contrast, measured once, at the first viewport.
async function checkRenderedSlide(
  page: Page,
  probe: SlideProbe,
  slide: Slide,
  deck: Deck,
  pipeline: readonly Diagnostic[],
): Promise<Diagnostic[]> {
  const findings: Diagnostic[] = [];
  const at = (severity: Diagnostic["severity"], code: string, message: string) =>
    findings.push(diagnosticAt(slide.source, severity, code, message));
  if (probe.words > MAX_BODY_WORDS) {
    at(
      "warning",
      "too-many-words",
      `slide "${slide.title}" has ${probe.words} words outside code; keep it under ${MAX_BODY_WORDS} and move the rest to the notes`,
    );
  }
  for (const href of probe.brokenLinks)
    at("error", "broken-link", `link ${href} points to no slide`);
  // The pipeline names Markdown images without alt text at their line; this adds raw HTML ones.
  if (!reportedInSlide(pipeline, deck, slide, "missing-alt")) {
    for (const src of probe.imagesWithoutAlt)
      at("error", "missing-alt", `image ${src} has no alt text`);
  }
  findings.push(...smallText(probe, slide, deck.settings));
  const area = textArea(probe.texts, page.viewport());
  if (!area) return findings;
  const shown = await screenshotPixels(page, area);
  const hidden = await screenshotWithoutText(page, area);
  let contrastFindings = 0;
  for (const text of probe.texts) {
    const rects = text.rects.map((r) => ({
      x: (r.x - area.x) * PIXEL_RATIO,
      y: (r.y - area.y) * PIXEL_RATIO,
      width: r.width * PIXEL_RATIO,
      height: r.height * PIXEL_RATIO,
    }));
    const measured = measureContrast(shown, hidden, rects, text.color);
    const needed = requiredContrast(text.fontSize, text.bold);
    if (!measured || measured.ratio >= needed || contrastFindings >= MAX_CONTRAST_FINDINGS)
      continue;
    contrastFindings++;
    at(
      "error",
      "contrast",
      `${text.sample} has contrast ${measured.ratio.toFixed(2)}:1 (${measured.foreground} on ${measured.background}); WCAG AA needs ${needed}:1`,
    );
  }
  return findings;
}

/**
 * The smallest text and the smallest code of a slide, when they are below the deck's minimums
 * (`minFontSize`, `minCodeFontSize`): one warning each, naming the text. Measured at the first
 * viewport, 1280×720, where the sizes are meant.
 */
export function smallText(
  probe: Pick<SlideProbe, "texts">,
  slide: Pick<Slide, "title" | "source">,
  settings: Pick<Deck["settings"], "minFontSize" | "minCodeFontSize">,
): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const [code, minimum, what, setting] of [
    [false, settings.minFontSize, "text", "minFontSize"],
    [true, settings.minCodeFontSize, "code", "minCodeFontSize"],
  ] as const) {
    const runs = probe.texts.filter((text) => text.code === code);
    const smallest = runs.reduce<TextRun | undefined>(
      (least, text) => (!least || text.screenSize < least.screenSize ? text : least),
      undefined,
    );
    if (!smallest || smallest.screenSize >= minimum - 0.05) continue;
    findings.push(
      diagnosticAt(
        slide.source,
        "warning",
        "small-text",
        `slide "${slide.title}": ${what} ${smallest.sample} is ${smallest.screenSize.toFixed(1)} px at 1280×720, smaller than the deck's ${setting} of ${minimum} px`,
      ),
    );
  }
  return findings;
}

// Two screenshots a slide at twice 1280×720, of its text's area only: the fast PNG encoder and
// sharp's decoder take a third of the time of the default ones, with the same pixels.
async function screenshotPixels(page: Page, area: Area): Promise<Pixels> {
  const png = await page.screenshot({
    type: "png",
    optimizeForSpeed: true,
    clip: area,
    // Within the viewport: beyond it, Chromium would lay the page out again at another size.
    captureBeyondViewport: false,
  });
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

// The slide as it is under its text: the text transparent, everything else as it was.
async function screenshotWithoutText(page: Page, area: Area): Promise<Pixels> {
  const style = await page.addStyleTag({
    content:
      ".reveal .slides section.present, .reveal .slides section.present * { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; text-decoration-color: transparent !important; } .reveal .slides section.present svg text { fill: transparent !important; }",
  });
  try {
    return await screenshotPixels(page, area);
  } finally {
    await style.evaluate((element) => (element as Element).remove());
  }
}

async function checkFonts(page: Page, deck: Deck, themesDir: string): Promise<Diagnostic[]> {
  const theme = displayPath(path.join(themesDir, `${deck.settings.theme}.css`));
  return (await page.evaluate(failedFonts)).map((font) =>
    diagnosticAt(
      { file: theme, line: 1, column: 1 },
      "error",
      "font-failed",
      `font ${font} failed to load`,
    ),
  );
}

// A problem belongs to the slide whose element caused it: the browser names it for blocked
// code; for a failed request, the slide whose HTML mentions the file.
async function locateProblems(
  deckPage: DeckPage,
  deck: Deck,
  slidesDir: string,
): Promise<Diagnostic[]> {
  const deckLevel: SourcePosition = { file: displayPath(slidesDir), line: 1, column: 1 };
  const findings: Diagnostic[] = [];
  const located = new Set(deckPage.problems.filter((p) => p.slideId).map((p) => p.message));
  for (const problem of deckPage.problems) {
    // The browser reports some violations twice, once without the element: keep the located one.
    if (!problem.slideId && located.has(problem.message)) continue;
    const slideId = problem.slideId ?? (await slideMentioning(deckPage.page, problem));
    const slide = deck.slides.find((s) => s.id === slideId);
    findings.push(diagnosticAt(slide?.source ?? deckLevel, "error", problem.kind, problem.message));
  }
  return findings;
}

function slideMentioning(page: Page, problem: PageProblem): Promise<string | undefined> {
  if (!problem.url) return Promise.resolve(undefined);
  const url = new URL(problem.url);
  const needle =
    url.origin === DECK_ORIGIN ? decodeURIComponent(url.pathname.split("/").pop() ?? "") : url.href;
  return page.evaluate(
    (text) =>
      Array.from(document.querySelectorAll(".reveal .slides section:not(.stack)")).find((section) =>
        section.outerHTML.includes(text),
      )?.id,
    needle,
  );
}

function reportedInSlide(
  pipeline: readonly Diagnostic[],
  deck: Deck,
  slide: Slide,
  code: string,
): boolean {
  const next = deck.slides.find(
    (s) => s.source.file === slide.source.file && s.source.line > slide.source.line,
  );
  return pipeline.some(
    (d) =>
      d.code === code &&
      d.file === slide.source.file &&
      d.line >= slide.source.line &&
      (!next || d.line < next.source.line),
  );
}

function dedupe(findings: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.code}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
