import type { RevealApi } from "reveal.js";
import { NARROW, SCROLL_ACTIVATION_WIDTH } from "./reveal-config.ts";
import { loadScrollViewStyles } from "./scroll-view-styles.ts";

/**
 * Keeps the slide when the window crosses into or out of the scroll view (a phone turned
 * upright or sideways, a window resized): reveal.js may start either view elsewhere. The first
 * time in, the view's stylesheet is loaded, and only then may reveal.js switch (`styled`: it was
 * loaded before the deck started).
 */
export function followScrollView(
  reveal: RevealApi,
  start: SlideIndices,
  styled: boolean,
  media = matchMedia(NARROW),
): void {
  let allowed = styled;
  // Where the speaker is; a scroll view's move to a slide reaches reveal.js's indices a little
  // later, with its scroll.
  let shown = start;
  let scrolling = isScrollView(reveal);
  for (const event of ["slidechanged", "fragmentshown", "fragmenthidden"]) {
    reveal.on(event, () => {
      // A move that comes with a switch of views is reveal.js's reset, not the speaker's.
      if (isScrollView(reveal) === scrolling) shown = reveal.getIndices();
    });
  }
  // Reported after the resize, by which reveal.js has switched views if it may.
  media.addEventListener("change", (event) => {
    const { h, v, f } = shown;
    const ready = event.matches && !allowed ? loadScrollViewStyles() : Promise.resolve();
    void ready.then(() => {
      if (!allowed) {
        allowed = true;
        reveal.configure({ scrollActivationWidth: SCROLL_ACTIVATION_WIDTH });
      }
      scrolling = isScrollView(reveal);
      reveal.layout();
      reveal.slide(h, v, f);
    });
  });
}

// reveal.js 6 has this method; its type definitions lack it.
function isScrollView(reveal: RevealApi): boolean {
  return (reveal as RevealApi & { isScrollView(): boolean }).isScrollView();
}

/** A slide's place in the deck: reveal.js's indices. */
export interface SlideIndices {
  h: number;
  v: number;
  f?: number | undefined;
}

/**
 * Goes to the slide the URL asked for (`#/plain-text`, `#/3/1`) where reveal.js's scroll view
 * lost it (turned on by a narrow window as the deck starts, it opens on the first slide), and
 * says where the deck is.
 */
export function showRequestedSlide(reveal: RevealApi, hash: string): SlideIndices {
  const requested = slideInHash(reveal, hash);
  if (!requested || !isScrollView(reveal)) return reveal.getIndices();
  reveal.slide(requested.h, requested.v, requested.f);
  return requested;
}

function slideInHash(reveal: RevealApi, hash: string): SlideIndices | undefined {
  const [first = "", second, third] = hash.replace(/^#\/?/, "").split("/");
  if (first === "") return undefined;
  const step = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  if (/^\d+$/.test(first)) return { h: Number(first), v: Number(second ?? 0), f: step(third) };
  const slide = document.getElementById(decodeURIComponent(first));
  if (!slide) return undefined;
  const { h, v } = reveal.getIndices(slide);
  return { h, v, f: step(second) };
}
