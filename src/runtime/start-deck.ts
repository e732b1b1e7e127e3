import Reveal, { type RevealApi } from "reveal.js";
import Notes from "reveal.js/plugin/notes";
import type { AspectRatio, Deck } from "../deck/model.ts";
import { renderSlides } from "./render-slides.ts";

const SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "16:9": { width: 1280, height: 720 },
  "16:10": { width: 1280, height: 800 },
  "4:3": { width: 1024, height: 768 },
};

// One deck per element, even when this module runs again (HMR, or the speaker view's iframes
// each booting the page): a second start updates the running deck instead of stacking a new one.
const running = new WeakMap<HTMLElement, RevealApi>();

/** Mounts the slides into `root` (the `.reveal` element) and starts reveal.js, once. */
export async function startDeck(
  root: HTMLElement,
  deck: Deck,
  assetUrls: readonly string[],
): Promise<RevealApi> {
  const existing = running.get(root);
  if (existing) {
    updateDeck(root, existing, deck, assetUrls);
    return existing;
  }
  const slides = slidesElement(root);
  slides.innerHTML = renderSlides(deck, assetUrls);
  const reveal = new Reveal(root, {
    ...SIZES[deck.settings.aspect],
    margin: 0.06,
    hash: true,
    respondToHashChanges: true,
    slideNumber: "c/t",
    showSlideNumber: "all",
    progress: true,
    controls: true,
    center: true,
    transition: "slide",
    plugins: [Notes],
  });
  running.set(root, reveal);
  await reveal.initialize();
  root.dataset.deckReady = "true";
  return reveal;
}

/** Replaces the slides of a running deck and keeps the speaker on the same slide, or the nearest. */
export function updateDeck(
  root: HTMLElement,
  reveal: RevealApi,
  deck: Deck,
  assetUrls: readonly string[],
): void {
  const current = reveal.getCurrentSlide();
  const currentId = current?.id;
  const { h, f } = reveal.getIndices();
  slidesElement(root).innerHTML = renderSlides(deck, assetUrls);
  reveal.sync();
  const index = deck.slides.findIndex((slide) => slide.id === currentId);
  const target = index >= 0 ? index : Math.min(h, deck.slides.length - 1);
  reveal.slide(target, 0, index >= 0 ? f : undefined);
}

function slidesElement(root: HTMLElement): HTMLElement {
  const slides = root.querySelector<HTMLElement>(".slides");
  if (!slides) throw new Error('index.html needs <div class="reveal"><div class="slides">');
  return slides;
}
