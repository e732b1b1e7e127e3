import type { Page } from "puppeteer-core";

/** What of a box is on screen, in viewport pixels. */
export interface VisibleBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How a slide's content sits in its frame (the screen's slide area, or a printed page). */
export interface SlideMeasure {
  /** Slide pixels the content sticks out below (or above) / right of the frame (0 = fits). */
  overflowY: number;
  overflowX: number;
  /** The element that sticks out the most. */
  culprit: string;
  /** The slide's elements a viewer sees: not its notes, not what only screen readers get. */
  content: Element[];
  /** What of `box` (one of the element's boxes) is not hidden by an ancestor that clips it. */
  visibleBox(element: Element, box: DOMRect): VisibleBox | undefined;
}

declare global {
  /** The page's copy of `measureSlide` (see installMeasureSlide). */
  var deckMeasureSlide: typeof measureSlide | undefined;
}

/**
 * Runs in the page: measures what of a slide sticks out of `frame`. What an ancestor clips (a
 * scrolled walk-through of code, KaTeX's wide SVG strokes) neither sticks out nor can be read;
 * KaTeX's MathML, clipped to a pixel for screen readers, is not on the slide. Self-contained: it
 * is sent to the page as source text.
 */
export function measureSlide(
  section: HTMLElement,
  frame: DOMRect,
  scale: number,
  options: { stepsScroll: boolean },
): SlideMeasure {
  const describe = (element: Element) =>
    `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  const visibleBox = (element: Element, box: DOMRect): VisibleBox | undefined => {
    let { left, top, right, bottom } = box;
    for (let up = element.parentElement; up && up !== section; up = up.parentElement) {
      if (getComputedStyle(up).overflow === "visible") continue;
      const clip = up.getBoundingClientRect();
      left = Math.max(left, clip.left);
      top = Math.max(top, clip.top);
      right = Math.min(right, clip.right);
      bottom = Math.min(bottom, clip.bottom);
    }
    return right > left && bottom > top ? { left, top, right, bottom } : undefined;
  };
  const clipped = new Set(
    Array.from(section.querySelectorAll("*")).filter((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return (
        style.clip.startsWith("rect") ||
        style.clipPath.startsWith("inset(50%") ||
        (style.overflow === "hidden" && box.width <= 1 && box.height <= 1)
      );
    }),
  );
  const forScreenReaders = (element: Element) => {
    for (let up: Element | null = element; up && up !== section; up = up.parentElement) {
      if (clipped.has(up)) return true;
    }
    return false;
  };
  const content = Array.from(section.querySelectorAll("*")).filter(
    (element) => element.closest("aside.notes") === null && !forScreenReaders(element),
  );
  let overflowX = 0;
  let overflowY = 0;
  let culprit = "";
  for (const element of content) {
    const whole = element.getBoundingClientRect();
    if (whole.width === 0 && whole.height === 0) continue;
    const box = visibleBox(element, whole);
    if (!box) continue;
    const below = (box.bottom - frame.bottom) / scale;
    const right = (box.right - frame.right) / scale;
    const above = (frame.top - box.top) / scale;
    // On screen, a code walk-through scrolls to each step on purpose (reveal.js's way); printed,
    // and everything else, must fit.
    const steps =
      options.stepsScroll &&
      element.matches("pre.code-steps") &&
      element.querySelector("[data-line-steps]") !== null;
    const scrolled =
      element instanceof HTMLElement && !steps && getComputedStyle(element).overflow !== "visible"
        ? Math.max(
            element.scrollHeight - element.clientHeight,
            element.scrollWidth - element.clientWidth,
          )
        : 0;
    const worst = Math.max(below, right, above, scrolled);
    if (worst > 1 && worst > Math.max(overflowX, overflowY)) {
      overflowY = Math.max(below, above, scrolled);
      overflowX = Math.max(right, 0);
      culprit = describe(element);
    }
  }
  return { overflowX, overflowY, culprit, content, visibleBox };
}

/** Puts `measureSlide` into the page, for the probes that run there to call. */
export async function installMeasureSlide(page: Page): Promise<void> {
  await page.evaluate(`globalThis.deckMeasureSlide = ${measureSlide.toString()}`);
}
