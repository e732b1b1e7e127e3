/** What a phone shows of the deck: read by `PHONE_PROBE` in the page. */
export interface PhoneView {
  /** The slide reveal.js is showing. */
  id: string;
  /** Pixels the page or reveal.js's scroll view is wider than the screen (0: no sideways scroll). */
  sideways: number;
  /** How much of the screen's width the slide takes. */
  widthShare: number;
  /** The rendered size of the slide's first paragraph, in CSS pixels of the screen. */
  textPx: number;
  /** Whether the page lets its reader pinch to zoom. */
  zoomable: boolean;
  /** reveal.js's scroll view (a phone held upright) or its slide view. */
  scrollView: boolean;
}

/** An expression, evaluated in the deck's page, that gives a `PhoneView`. */
export const PHONE_PROBE = `(() => {
  // The scroll view keeps "present" on pages scrolled past: the slide is the one on screen.
  const shown = Array.from(document.querySelectorAll(".reveal .slides section.present:not(.stack)"));
  const slide =
    shown.find((section) => {
      const box = section.getBoundingClientRect();
      return box.top <= innerHeight / 2 && box.bottom >= innerHeight / 2;
    }) ?? shown[0];
  const viewport = document.querySelector(".reveal-viewport") || document.documentElement;
  const meta = document.querySelector('meta[name="viewport"]');
  const box = slide.getBoundingClientRect();
  const text = slide.querySelector("p");
  return {
    id: slide.id,
    sideways: Math.max(
      document.scrollingElement.scrollWidth - innerWidth,
      viewport.scrollWidth - viewport.clientWidth,
    ),
    widthShare: box.width / innerWidth,
    textPx: text ? parseFloat(getComputedStyle(text).fontSize) * (box.width / slide.offsetWidth) : 0,
    zoomable: !!meta && !/user-scalable\\s*=\\s*(no|0)|maximum-scale\\s*=\\s*1(\\.0*)?\\b/.test(meta.content),
    scrollView: viewport.classList.contains("reveal-scroll"),
  };
})()`;

/**
 * An expression, evaluated in the deck's page, that resolves once the scroll a finger started is
 * over: neither the page nor reveal.js's scroll view has moved for five frames in a row.
 */
export const SCROLL_SETTLED = `new Promise((resolve) => {
  const viewport = document.querySelector(".reveal-viewport") || document.documentElement;
  const position = () => viewport.scrollTop + document.scrollingElement.scrollTop;
  let last = Number.NaN;
  let still = 0;
  const check = () => {
    const now = position();
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 5) resolve(now);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;
