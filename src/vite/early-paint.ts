import type { HtmlTagDescriptor, Plugin } from "vite";
import type { Deck } from "../deck/model.ts";
import { EARLY_PAINT_CLASS } from "../runtime/early-paint.ts";
import { prerenderSlides } from "../runtime/render-slides.ts";
import { NARROW, SLIDE_MARGIN, SLIDE_SIZES } from "../runtime/reveal-config.ts";

/** The size a deck's slides are laid out at, in CSS pixels. */
export type SlideSize = (typeof SLIDE_SIZES)[keyof typeof SLIDE_SIZES];

// What only a script makes look right: a background, a file (its URL is filled in by the
// script), code steps, content reveal.js sizes or loads, a slide's state; and, inside the slide,
// nested slides, frames, media and scripts.
const SCRIPTED_ATTRIBUTE =
  /\sdata-(?:background[\w-]*|deck-asset-[\w-]+|state|auto-animate[\w-]*|line-steps|src)[\s=>]/i;
const SCRIPTED_CLASS = /\sclass=["']?[^"'>]*\b(?:r-stretch|stretch|r-fit-text)\b/i;
const SCRIPTED_ELEMENT = /<(?:section|iframe|video|audio|script|canvas|object|embed)\b/i;

/**
 * Whether a deck's first slide looks as it will from its pre-rendered HTML and the stylesheets
 * alone, so that the page may show it before reveal.js has started.
 */
export function paintsWithoutScript(deck: Deck): boolean {
  const [first, second] = deck.slides;
  if (!first || second?.below) return false;
  const html = prerenderSlides({ ...deck, slides: [first] });
  // The slide's own <section> tag holds its attributes; another one inside it is a nested slide.
  const inner = html.slice(html.indexOf(">") + 1);
  return (
    !SCRIPTED_ATTRIBUTE.test(html) && !SCRIPTED_CLASS.test(html) && !SCRIPTED_ELEMENT.test(inner)
  );
}

/**
 * The page's script that shows the pre-rendered first slide as soon as the page's stylesheet is
 * in, before reveal.js has loaded and started: it lays the slide out as reveal.js will (reveal.js
 * 6's `layout()`: its own classes on the page, the slides' box scaled to the window less the
 * margin, rounded to hundredths, the slide centred), so that nothing moves when reveal.js does.
 * It runs when the page has been read, before the deck's module script, and only where the
 * audience's slide view opens at the first slide: no query (every other view, and another theme,
 * has one), no other slide in the URL, not in a frame, not a phone's scroll view.
 */
export function earlyPaintScript(size: SlideSize): string {
  const { width, height } = size;
  const early = JSON.stringify(EARLY_PAINT_CLASS);
  return `document.addEventListener("readystatechange", () => {
  const slides = document.querySelector(".reveal > .slides[data-prerendered]");
  const first = slides?.firstElementChild;
  // Where the page opens, read as far-slides.ts's opensAtFirstSlide reads it.
  let at = location.hash.replace(/^#\\/?/, "");
  try { at = decodeURIComponent(at); } catch {}
  if (!first || location.search || top !== self || matchMedia(${JSON.stringify(NARROW)}).matches || !/^(?:0(?:\\/0)?)?\\/?$/.test(at) && at !== first.id) return;
  const root = document.documentElement, reveal = slides.parentElement, style = slides.style;
  root.classList.add("reveal-full-page", ${early});
  document.body.classList.add("reveal-viewport");
  reveal.classList.add("center");
  const across = reveal.offsetWidth, down = reveal.offsetHeight;
  const fit = Math.min((across - across * ${SLIDE_MARGIN}) / ${width}, (down - down * ${SLIDE_MARGIN}) / ${height});
  const scale = Math.round(Math.min(Math.max(fit, 0.2), 2) * 100) / 100;
  style.width = "${width}px";
  style.height = "${height}px";
  if (scale !== 1) {
    style.inset = "50% auto auto 50%";
    style.transform = "translate(-50%, -50%) scale(" + scale + ")";
  }
  first.classList.add("present");
  // Centred again whenever its height changes (its fonts come in) until reveal.js has laid it out.
  new ResizeObserver((_, observer) => {
    if (!root.classList.contains(${early})) observer.disconnect();
    else first.style.top = Math.max((${height} - first.scrollHeight) / 2, 0) + "px";
  }).observe(first);
}, { once: true });`;
}

/**
 * Puts earlyPaintScript into the built page's head (both builds; its hash is in the page's CSP
 * with the other head scripts), for a deck whose first slide paintsWithoutScript. `deck` is read
 * when the page is written.
 */
export function earlyPaintPlugin(deck: () => Promise<Deck>): Plugin {
  return {
    name: "deck-early-paint",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      async handler(): Promise<HtmlTagDescriptor[]> {
        const current = await deck();
        if (!paintsWithoutScript(current)) return [];
        const size = SLIDE_SIZES[current.settings.aspect];
        return [{ tag: "script", children: earlyPaintScript(size), injectTo: "head" }];
      },
    },
  };
}
