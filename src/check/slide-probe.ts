import "./measure-slide.ts";

/** A run of text on a slide, where it is drawn and how big it is. */
export interface TextRun {
  /** The run's line boxes, in CSS pixels of the viewport. */
  rects: { x: number; y: number; width: number; height: number }[];
  /** Computed font size in CSS pixels, before reveal.js scales the slide. */
  fontSize: number;
  /** The size it is drawn at on this screen, in CSS pixels: scaled with the slide (and an SVG's viewBox). */
  screenSize: number;
  /** Code: in `pre`, `code`, `kbd` or `samp`. */
  code: boolean;
  bold: boolean;
  /** Its CSS colour. */
  color: string;
  /** The first words, to name it in a finding. */
  sample: string;
}

/** What one slide looks like in the browser. */
export interface SlideProbe {
  id: string;
  /** Slide pixels the content sticks out below / right of the slide (0 = fits). */
  overflowY: number;
  overflowX: number;
  /** The element that sticks out the most. */
  culprit: string;
  /** Words in the slide's body: not its title, code, charts or notes. */
  words: number;
  texts: TextRun[];
  /** `src` of images without alt text. */
  imagesWithoutAlt: string[];
  /** `href` of links to slides that do not exist. */
  brokenLinks: string[];
}

/**
 * Runs in the deck's page: measures the slide reveal.js is showing (all fragments shown). It is
 * sent to the page as source text by Playwright, so it is self-contained but for
 * `measureSlide` (see installMeasureSlide).
 */
export function probeCurrentSlide(): SlideProbe {
  const section = document.querySelector<HTMLElement>(
    ".reveal .slides section.present:not(.stack)",
  );
  const slides = document.querySelector<HTMLElement>(".reveal .slides");
  if (!section || !slides) throw new Error("no slide is showing");
  for (const fragment of section.querySelectorAll(".fragment")) fragment.classList.add("visible");

  const frame = slides.getBoundingClientRect();
  const scale = frame.width / slides.offsetWidth || 1;
  const describe = (element: Element) =>
    `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  const inNotes = (element: Element) => element.closest("aside.notes") !== null;
  const measure = globalThis.deckMeasureSlide;
  if (!measure) throw new Error("installMeasureSlide(page) first");
  const { overflowX, overflowY, culprit, content, visibleBox } = measure(section, frame, scale, {
    stepsScroll: true,
  });

  const texts: TextRun[] = [];
  for (const element of content) {
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const rects: TextRun["rects"] = [];
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? "").trim() === "") continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const shown = rect.width > 0 && rect.height > 0 ? visibleBox(element, rect) : undefined;
        if (shown && shown.bottom - shown.top >= rect.height / 2) {
          rects.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
        }
      }
    }
    if (rects.length === 0) continue;
    const fontSize = Number.parseFloat(style.fontSize);
    // An SVG's text is scaled by its viewBox too: its transform to the screen says by how much.
    const toScreen = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
    texts.push({
      rects,
      fontSize,
      screenSize: fontSize * (toScreen ? Math.hypot(toScreen.a, toScreen.b) : scale),
      code: element.closest("pre, code, kbd, samp") !== null,
      bold: Number(style.fontWeight) >= 700,
      color: style.color,
      sample: describe(element),
    });
  }

  // The body's words: not the title, code, charts or notes.
  const body = section.cloneNode(true) as HTMLElement;
  for (const skip of body.querySelectorAll(":scope > h1, :scope > h2, pre, svg, aside.notes"))
    skip.remove();
  const words = (body.textContent ?? "")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

  const ids = new Set(
    Array.from(document.querySelectorAll(".reveal .slides section:not(.stack)"), (s) => s.id),
  );
  const count = ids.size;
  const brokenLinks = Array.from(section.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]'))
    .filter((link) => !inNotes(link))
    .map((link) => link.getAttribute("href") ?? "")
    .filter((href) => {
      const target = decodeURIComponent(href.slice(2).split("/")[0] ?? "");
      if (target === "") return false;
      return /^\d+$/.test(target) ? Number(target) >= count : !ids.has(target);
    });
  const imagesWithoutAlt = Array.from(section.querySelectorAll("img"))
    .filter((image) => !inNotes(image) && (image.getAttribute("alt") ?? "").trim() === "")
    .map((image) => image.getAttribute("src") ?? "");

  return {
    id: section.id,
    overflowY: Math.round(overflowY),
    overflowX: Math.round(overflowX),
    culprit,
    words,
    texts,
    imagesWithoutAlt,
    brokenLinks,
  };
}

/** Runs in the page: the font faces that failed to load. */
export function failedFonts(): string[] {
  return Array.from(document.fonts)
    .filter((font) => font.status === "error")
    .map((font) => `${font.family} ${font.weight} ${font.style}`);
}
