import type { Deck, Slide } from "../deck/model.ts";

const PLACEHOLDER = /__deck_asset_(\d+)__/g;

/** Replaces asset placeholders with the URLs the bundler gave the files. */
export function fillAssetUrls(html: string, assetUrls: readonly string[]): string {
  return html.replace(PLACEHOLDER, (match, index: string) => assetUrls[Number(index)] ?? match);
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
