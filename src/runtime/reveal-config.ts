import type { RevealConfig } from "reveal.js";
import type { AspectRatio, Deck } from "../deck/model.ts";
import type { DeckMode } from "./mode.ts";

/** The size slides are laid out at, in CSS pixels, for each aspect ratio. */
export const SLIDE_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "16:9": { width: 1280, height: 720 },
  "16:10": { width: 1280, height: 800 },
  "4:3": { width: 1024, height: 768 },
};

/** Space around a slide, as a fraction of its size (reveal.js's `margin`); handouts use it too. */
export const SLIDE_MARGIN = 0.06;

/**
 * The width of the space for slides at which reveal.js shows an audience window as its scroll
 * view (its default), once the view's stylesheet is loaded (see scroll-view.ts). The presenter
 * view's and speaker view's small frames never turn into it.
 */
export const SCROLL_ACTIVATION_WIDTH = 435;

/**
 * A window in which reveal.js turns a deck into its scroll view: the space for slides (the window
 * less its margin) at most SCROLL_ACTIVATION_WIDTH wide, a phone held upright.
 */
export const NARROW = `(max-width: ${Math.floor(SCROLL_ACTIVATION_WIDTH / (1 - SLIDE_MARGIN))}px)`;

/** reveal.js options its type definitions lack (see reveal.js's config.js). */
export interface PacingConfig {
  /** Seconds the talk has; the speaker view paces against it. */
  totalTime?: number;
  /** reveal.js alerts when a slide gets less than this; 0 so that no alert ever blocks a talk. */
  minimumTimePerSlide?: number;
  /** Pages a slide may span when printed; 1, so that a page is a slide and overflow is found. */
  pdfMaxPagesPerSlide?: number;
  /** reveal.js's scroll view activation width; `null` turns it off (its types lack that). */
  scrollActivationWidth?: number | null;
}

/** The options a deck gives reveal.js. */
export type DeckRevealConfig = Omit<RevealConfig, "scrollActivationWidth"> & PacingConfig;

/**
 * The reveal.js configuration for a deck shown in a given mode; `reducedMotion` (the system's
 * `prefers-reduced-motion: reduce`) turns slide transitions off; `scrollView` lets a narrow
 * window turn into reveal.js's scroll view.
 */
export function revealConfig(
  deck: Deck,
  mode: DeckMode,
  reducedMotion = false,
  scrollView = false,
): DeckRevealConfig {
  const base: DeckRevealConfig = {
    ...SLIDE_SIZES[deck.settings.aspect],
    margin: SLIDE_MARGIN,
    center: true,
    transition: reducedMotion ? "none" : deck.settings.transition,
    backgroundTransition: reducedMotion ? "none" : "fade",
    totalTime: deck.pacing.talkSeconds,
    minimumTimePerSlide: 0,
    scrollActivationWidth: scrollView && mode === "audience" ? SCROLL_ACTIVATION_WIDTH : null,
  };
  switch (mode) {
    case "print":
      // `?pdfSeparateFragments=true` in the URL gives a page per fragment step (reveal.js reads
      // options from the query string); by default fragments are shown all at once.
      return {
        ...base,
        slideNumber: "c/t",
        showSlideNumber: "print",
        pdfSeparateFragments: false,
        pdfMaxPagesPerSlide: 1,
        postMessage: false,
      };
    case "handout":
    case "audience":
      return {
        ...base,
        hash: true,
        respondToHashChanges: true,
        slideNumber: "c/t",
        showSlideNumber: "all",
        progress: true,
        controls: true,
        // The speaker view's popup moves this window through reveal.js's postMessage API;
        // guard-messages.ts lets only same-origin windows through.
        postMessage: true,
      };
    case "presenter":
      return {
        ...base,
        embedded: true,
        hash: true,
        respondToHashChanges: true,
        // The view's own panel says which slide of how many; drawn on the small slide as well,
        // at its screen size, the number covered the slide's last line.
        slideNumber: false,
        progress: true,
        controls: false,
        postMessage: true,
      };
    case "preview":
      return previewConfig(base);
    case "remote":
      // The phone shows the current slide small, as the preview does; its buttons move it.
      return { ...previewConfig(base), embedded: true, keyboard: true };
    case "receiver":
      // The speaker view's popup drives these frames through the postMessage API too.
      return { ...base, hash: false, controls: false, progress: false, postMessage: true };
  }
}

// A deck shown small, which the speaker does not touch: no URL, controls, numbers or transitions.
function previewConfig(base: DeckRevealConfig): DeckRevealConfig {
  return {
    ...base,
    hash: false,
    respondToHashChanges: false,
    keyboard: false,
    touch: false,
    controls: false,
    progress: false,
    slideNumber: false,
    transition: "none",
    postMessage: false,
  };
}
