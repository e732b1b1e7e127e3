import { ASSET_PLACEHOLDER } from "../deck/asset-placeholder.ts";
import type { Deck, Slide } from "../deck/model.ts";

/** Replaces asset placeholders with the URLs the bundler gave the files. */
export function fillAssetUrls(html: string, assetUrls: readonly string[]): string {
  return html.replace(
    ASSET_PLACEHOLDER,
    (match, index: string) => assetUrls[Number(index)] ?? match,
  );
}

/** The `<section>` elements of the whole deck, as reveal.js expects them inside `.slides`. */
export function renderSlides(deck: Deck, assetUrls: readonly string[]): string {
  return deck.slides.map((slide) => renderSlide(slide, assetUrls)).join("\n");
}

function renderSlide(slide: Slide, assetUrls: readonly string[]): string {
  const { options } = slide;
  const attributes: [string, string | undefined][] = [
    ["id", slide.id],
    ["class", [`layout-${slide.layout}`, ...(options.classes ?? [])].join(" ")],
    ["data-timing", slide.seconds > 0 ? String(slide.seconds) : undefined],
    ["data-transition", options.transition],
    ["data-background-color", options.backgroundColor],
    [
      "data-background-image",
      options.backgroundImage && fillAssetUrls(options.backgroundImage, assetUrls),
    ],
  ];
  const attributeText = attributes
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
  const notes = slide.notesHtml ? `\n<aside class="notes">${slide.notesHtml}</aside>` : "";
  return `<section${attributeText}>\n${fillAssetUrls(slide.html, assetUrls)}${notes}\n</section>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The slides for the built page's HTML: the first slide shows before any script runs, and the
 * script stays small. Asset URLs are not known yet, so they become attributes the runtime fills
 * in (`fillPrerenderedAssets`) rather than URLs the browser would fetch and miss.
 */
export function prerenderSlides(deck: Deck): string {
  return renderSlides(deck, [])
    .replace(/\bsrc="__deck_asset_(\d+)__"/g, 'data-deck-asset-src="$1"')
    .replace(/\bdata-background-image="__deck_asset_(\d+)__"/g, 'data-deck-asset-background="$1"');
}

/** Points pre-rendered images and backgrounds at their bundled files. */
export function fillPrerenderedAssets(slides: ParentNode, assetUrls: readonly string[]): void {
  for (const element of slides.querySelectorAll<HTMLElement>("[data-deck-asset-src]")) {
    const url = assetUrls[Number(element.dataset.deckAssetSrc)];
    if (url) element.setAttribute("src", url);
  }
  for (const element of slides.querySelectorAll<HTMLElement>("[data-deck-asset-background]")) {
    const url = assetUrls[Number(element.dataset.deckAssetBackground)];
    if (url) element.setAttribute("data-background-image", url);
  }
}

/** Puts the slides in place: fills in pre-rendered ones, or renders them (dev server, HMR). */
export function mountSlides(slides: HTMLElement, deck: Deck, assetUrls: readonly string[]): void {
  if (slides.hasAttribute("data-prerendered")) fillPrerenderedAssets(slides, assetUrls);
  else slides.innerHTML = renderSlides(deck, assetUrls);
}
