import Reveal, { type RevealApi, type RevealConfig } from "reveal.js";
import type { Deck } from "../deck/model.ts";
import { bindCodeSteps, printCodeSteps, showCodeSteps } from "./code-steps.ts";
import { endEarlyPaint, isEarlyPainted } from "./early-paint.ts";
import { restoreAfterPaint, setAsideFarSlides } from "./far-slides.ts";
import { imagesSettled, relayoutOnImageLoad } from "./images-settled.ts";
import type { DeckMode } from "./mode.ts";
import { afterNextPaint } from "./next-paint.ts";
import {
  fillPrerenderedAssets,
  mountSlides,
  renderSlides,
  slideSections,
} from "./render-slides.ts";
import { revealConfig } from "./reveal-config.ts";
import { bindSpeakerView } from "./speaker-view.ts";

// One deck per element, even when this module runs again (HMR): a second start updates the
// running deck instead of stacking a new one. (The speaker view's frames are other documents,
// each with its own deck.)
const running = new WeakMap<HTMLElement, RevealApi>();
// Decks whose far slides wait until the first one is on the screen (see setAsideFarSlides).
const completing = new WeakMap<HTMLElement, Promise<void>>();

/** Resolves once every slide of the deck started in `root` is in the page. */
export function deckComplete(root: HTMLElement): Promise<void> {
  return completing.get(root) ?? Promise.resolve();
}

/** Mounts the slides into `root` (the `.reveal` element) and starts reveal.js, once. */
export async function startDeck(
  root: HTMLElement,
  deck: Deck,
  assetUrls: readonly string[],
  mode: DeckMode,
  options: { scrollView?: boolean } = {},
): Promise<RevealApi> {
  const existing = running.get(root);
  if (existing) {
    // A hot update: only the dev server sends one.
    if (import.meta.env.DEV) updateDeck(root, existing, deck, assetUrls);
    return existing;
  }
  const slides = slidesElement(root);
  // Only an audience's slide view: other views show several slides at once from the start. Set
  // aside before their files are filled in, which is then done for them after the first slide.
  const setAside =
    mode === "audience" && !options.scrollView
      ? setAsideFarSlides(slides, location.hash)
      : undefined;
  mountSlides(slides, deck, assetUrls);
  // reveal.js lays out its print pages once, from the heights it measures then.
  if (mode === "print") await imagesSettled();
  const withSpeakerView = mode === "audience" || mode === "presenter";
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const config = revealConfig(deck, mode, reducedMotion, options.scrollView);
  // reveal.js accepts a null scrollActivationWidth, which its types do not say.
  const reveal = new Reveal(root, config as RevealConfig);
  running.set(root, reveal);
  // Exports wait for this before printing (reveal.js lays print pages out after "ready").
  reveal.on("pdf-ready", () => {
    printCodeSteps(reveal, root);
    root.dataset.pdfReady = "true";
  });
  // The first slide is on the screen already (see src/vite/early-paint.ts): the browser draws it
  // before reveal.js takes its time to start, which then lays it out where it is.
  if (isEarlyPainted()) await afterNextPaint();
  await reveal.initialize();
  endEarlyPaint();
  relayoutOnImageLoad(slides, () => reveal.layout());
  if (withSpeakerView) bindSpeakerView(reveal);
  // A slide printed with all its fragments shown shows its code whole (see printCodeSteps).
  if (mode !== "print") bindCodeSteps(reveal);
  if (setAside) {
    // Its total would be the slides there so far.
    const slideNumber = root.querySelector<HTMLElement>(".slide-number");
    if (slideNumber) slideNumber.style.visibility = "hidden";
    const fill = (aside: DocumentFragment) => fillPrerenderedAssets(aside, assetUrls);
    const restored = restoreAfterPaint(reveal, setAside, fill).then((far) => {
      for (const slide of far) showCodeSteps(slide);
      slideNumber?.style.removeProperty("visibility");
    });
    completing.set(root, restored);
  }
  return reveal;
}

/** Replaces the slides of a running deck and keeps the speaker on the same slide, or the nearest. */
export function updateDeck(
  root: HTMLElement,
  reveal: RevealApi,
  deck: Deck,
  assetUrls: readonly string[],
): void {
  const slides = slidesElement(root);
  const current = reveal.getCurrentSlide();
  const currentId = current?.id;
  // Where the slide was in the deck's order, counting the slides inside vertical stacks.
  const place = Math.max(0, slideSections(slides).indexOf(current as HTMLElement));
  const { f } = reveal.getIndices();
  slides.removeAttribute("data-prerendered");
  slides.innerHTML = renderSlides(deck, assetUrls);
  reveal.sync();
  for (const slide of reveal.getSlides()) showCodeSteps(slide);
  // The same slide by its id, or the one now where it was; reveal.js knows its indices in stacks.
  const same = currentId
    ? slides.querySelector<HTMLElement>(`section[id="${CSS.escape(currentId)}"]`)
    : null;
  const sections = slideSections(slides);
  const target = same ?? sections[Math.min(place, sections.length - 1)];
  const indices = target ? reveal.getIndices(target) : { h: 0, v: 0 };
  reveal.slide(indices.h, indices.v, same ? f : undefined);
}

function slidesElement(root: HTMLElement): HTMLElement {
  const slides = root.querySelector<HTMLElement>(".slides");
  if (!slides) throw new Error('index.html needs <div class="reveal"><div class="slides">');
  return slides;
}
