import type { RevealApi } from "reveal.js";
import { afterNextPaint } from "./next-paint.ts";

/**
 * The slides reveal.js shows around the first one (its `viewDistance` is 3: the first and the two
 * after it); the others can wait until the first slide is on the screen.
 */
const SHOWN_AT_START = 3;

/** Decks with more slides than this start with the far ones set aside (see setAsideFarSlides). */
export const SET_ASIDE_FROM = 40;

/** Slides taken out of the page until the first one is shown, to go back into `slides`. */
export interface SetAside {
  slides: HTMLElement;
  /** The top-level sections taken out, in order (they go back after the others). */
  far: HTMLElement[];
  aside: DocumentFragment;
}

/**
 * Takes the slides far from the first one out of the page before reveal.js starts, when the deck
 * is large and opens at its first slide; nothing when not. reveal.js does work for every slide as
 * it starts (a background each, its contrast, a layout): for 500 slides, 40 ms more before the
 * first slide shows (measured); set aside, that work is done once the first slide is on the
 * screen.
 */
export function setAsideFarSlides(slides: HTMLElement, hash: string): SetAside | undefined {
  const horizontal = Array.from(slides.children).filter(
    (child): child is HTMLElement => child instanceof HTMLElement && child.tagName === "SECTION",
  );
  // A link to a later slide needs that slide there when reveal.js reads the URL.
  const first = horizontal[0]?.querySelector("section") ?? horizontal[0];
  if (horizontal.length <= SET_ASIDE_FROM || !opensAtFirstSlide(hash, first?.id)) return undefined;
  const far = horizontal.slice(SHOWN_AT_START);
  const aside = document.createDocumentFragment();
  aside.append(...far);
  return { slides, far, aside };
}

/**
 * Whether a URL's hash opens a reveal.js deck at its first slide: none, `#/`, `#/0`, `#/0/0`, or
 * the first slide's id (reveal.js writes it there, so a reload has it).
 */
export function opensAtFirstSlide(hash: string, firstId: string | undefined): boolean {
  if (/^#?\/?(?:0(?:\/0)?)?$/.test(hash)) return true;
  return Boolean(firstId) && safeDecode(hash.replace(/^#\//, "")) === firstId;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Puts set-aside slides back once the first slide has been painted (`prepare` readies them first),
 * and tells reveal.js about them; the slide the speaker is on stays (the slides come back after
 * it). Returns the slides put back (those inside vertical stacks, not the stacks).
 */
export async function restoreAfterPaint(
  reveal: RevealApi,
  { slides, far, aside }: SetAside,
  prepare: (aside: DocumentFragment) => void,
): Promise<HTMLElement[]> {
  await afterNextPaint();
  prepare(aside);
  slides.append(aside);
  reveal.sync();
  return far.flatMap((section) => {
    const inner = Array.from(section.querySelectorAll("section"));
    return inner.length > 0 ? inner.filter((slide) => !slide.querySelector("section")) : [section];
  });
}
