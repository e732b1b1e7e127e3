import type { Deck } from "../deck/model.ts";
import { contrastClass } from "./contrast-class.ts";
import { contentBox, type HandoutOptions } from "./handout-layout.ts";
import { imagesSettled } from "./images-settled.ts";
import { mountSlides, slideSections } from "./render-slides.ts";
import { SLIDE_MARGIN, SLIDE_SIZES } from "./reveal-config.ts";
import { stretchElements } from "./stretch.ts";
import "./handout.css";

/**
 * Lays the deck out as a printed handout: an optional cover, then each slide as a scaled copy of
 * its HTML (so it prints as vector shapes and selectable text) with its speaker notes beside it
 * (2 or 3 per page) or below it (1 per page). Page numbers and the title are added by the printer
 * (see src/export/handout-pdf.ts).
 */
export async function renderHandout(
  revealRoot: HTMLElement,
  deck: Deck,
  assetUrls: readonly string[],
  options: HandoutOptions,
): Promise<void> {
  const { width, height } = SLIDE_SIZES[deck.settings.aspect];
  const box = contentBox(options.paper);
  const root = document.createElement("main");
  root.className = `handout per-page-${options.perPage}`;
  root.style.setProperty("--content-width", `${box.width}mm`);
  root.style.setProperty("--content-height", `${box.height}mm`);
  root.style.setProperty("--per-page", String(options.perPage));
  root.style.setProperty("--slide-aspect", `${width} / ${height}`);
  root.append(...cover(deck));

  const container =
    revealRoot.querySelector<HTMLElement>(".slides") ?? document.createElement("div");
  mountSlides(container, deck, assetUrls);
  const sections = slideSections(container);
  deck.slides.forEach((slide, index) => {
    const section = sections[index];
    if (!section) return;
    const notes = section.querySelector("aside.notes");
    notes?.remove();
    section.classList.add("present");

    const slideRoot = element("div", "reveal handout-slide");
    // The slide with reveal.js's margin around it, as on screen and in the slides PDF.
    slideRoot.style.width = `${width * (1 + SLIDE_MARGIN)}px`;
    slideRoot.style.height = `${height * (1 + SLIDE_MARGIN)}px`;
    if (slide.options.backgroundColor)
      slideRoot.style.backgroundColor = slide.options.backgroundColor;
    const slides = element("div", "slides");
    slides.style.width = `${width}px`;
    slides.style.height = `${height}px`;
    // Behind the margins too, as on screen and in the slides PDF.
    const background = backgroundLayer(section);
    if (background) slideRoot.append(background);
    slides.append(section);
    slideRoot.append(slides);
    const frame = element("div", "handout-frame");
    frame.append(slideRoot);

    const heading = element("h2", "handout-slide-title");
    heading.textContent = `${index + 1}. ${slide.title}`;
    const notesBox = element("div", "handout-notes");
    notesBox.append(heading);
    if (notes) notesBox.append(...Array.from(notes.childNodes));

    const item = element("article", "handout-item");
    item.dataset.slide = slide.id;
    item.append(frame, notesBox);
    root.append(item);
  });
  document.body.classList.add("handout-mode");
  // reveal.css restyles every `.reveal` for paper unless <html> has this class (its own PDF mode).
  document.documentElement.classList.add("print-pdf");
  document.body.replaceChildren(root);
  markContrast(root);
  // Measured with the deck's fonts, which are wider than the fallbacks, and every image.
  await Promise.all([document.fonts.ready, imagesSettled()]);
  for (const section of sections) stretchElements(section, width, height);
  scaleSlides(root, width * (1 + SLIDE_MARGIN));
  fitCode(root);
}

// A slide with its own background colour takes the theme's ink for it, as on screen, where
// reveal.js marks it: dark text on a dark slide would not read on paper either.
function markContrast(root: HTMLElement): void {
  for (const slide of root.querySelectorAll<HTMLElement>(".handout-slide")) {
    if (!slide.style.backgroundColor) continue;
    const marked = contrastClass(getComputedStyle(slide).backgroundColor);
    if (marked) slide.querySelector(".slides > section")?.classList.add(marked);
  }
}

// Each slide is laid out at its real size and scaled to its frame. With `zoom`, not `transform`:
// print pagination works on layout boxes, and a transformed slide keeps its full-size box, which
// the printer splits across pages and clips.
function scaleSlides(root: HTMLElement, slideWidth: number): void {
  for (const frame of root.querySelectorAll<HTMLElement>(".handout-frame")) {
    const slide = frame.querySelector<HTMLElement>(".handout-slide");
    if (slide) slide.style.zoom = String(frame.clientWidth / slideWidth);
  }
}

// Zoomed far down, text is laid out at a few pixels a glyph, where advances round up: a line of
// code that fits on screen can be a little too wide here. Shrink such blocks until they fit.
function fitCode(root: HTMLElement): void {
  for (const code of root.querySelectorAll<HTMLElement>(".handout-slide pre code")) {
    for (let scale = 0.95; code.scrollWidth > code.clientWidth && scale >= 0.5; scale -= 0.05) {
      code.style.fontSize = `${scale}em`;
    }
  }
}

// A slide's background image as reveal.js shows it (size, position, opacity), behind the slide:
// the handout has no reveal.js to draw it.
function backgroundLayer(section: HTMLElement): HTMLElement | undefined {
  const image = section.getAttribute("data-background-image");
  if (!image) return undefined;
  const layer = element("div", "handout-background");
  layer.style.backgroundImage = `url("${image.replace(/"/g, "%22")}")`;
  layer.style.backgroundSize = section.getAttribute("data-background-size") ?? "cover";
  layer.style.backgroundPosition = section.getAttribute("data-background-position") ?? "center";
  layer.style.opacity = section.getAttribute("data-background-opacity") ?? "1";
  return layer;
}

function cover(deck: Deck): HTMLElement[] {
  const { title, author, event, date, description } = deck.settings;
  const details = [author, event, date].filter(Boolean);
  if (details.length === 0 && !description) return [];
  const page = element("section", "handout-cover");
  const heading = element("h1", "handout-cover-title");
  heading.textContent = title;
  page.append(heading);
  if (description) {
    const lede = element("p", "handout-cover-description");
    lede.textContent = description;
    page.append(lede);
  }
  for (const detail of details) {
    const line = element("p", "handout-cover-detail");
    line.textContent = detail;
    page.append(line);
  }
  return [page];
}

function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
