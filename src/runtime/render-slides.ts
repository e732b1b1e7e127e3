import { ASSET_PLACEHOLDER } from "../deck/asset-placeholder.ts";
import type { Deck, Slide } from "../deck/model.ts";

/** Replaces asset placeholders with the URLs the bundler gave the files. */
export function fillAssetUrls(html: string, assetUrls: readonly string[]): string {
  return html.replace(
    ASSET_PLACEHOLDER,
    (match, index: string) => assetUrls[Number(index)] ?? match,
  );
}

/**
 * The `<section>` elements of the whole deck, as reveal.js expects them inside `.slides`: slides
 * below another one are nested with it in a vertical stack, a `<section>` of sections.
 */
export function renderSlides(deck: Deck, assetUrls: readonly string[]): string {
  const stacks: Slide[][] = [];
  for (const slide of deck.slides) {
    const last = stacks.at(-1);
    if (slide.below && last) last.push(slide);
    else stacks.push([slide]);
  }
  return stacks
    .map((stack) => {
      const sections = stack.map((slide) => renderSlide(slide, assetUrls)).join("\n");
      return stack.length > 1 ? `<section>\n${sections}\n</section>` : sections;
    })
    .join("\n");
}

/** The slides among `<section>`s: those that are not a vertical stack of others. */
export function slideSections(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("section")).filter(
    (section) => !section.querySelector("section"),
  );
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
      options.backgroundImage && backgroundUrl(fillAssetUrls(options.backgroundImage, assetUrls)),
    ],
    ...Object.entries(options.attributes ?? {}).map(([name, value]): [string, string] => [
      name,
      fillAssetUrls(value, assetUrls),
    ]),
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
  return renderSlides(deck, []).replace(
    /\s([a-z][\w-]*)="__deck_asset_(\d+)__"/g,
    (_match, name: string, index: string) => ` ${PRERENDERED_ASSET}${name}="${index}"`,
  );
}

// `data-deck-asset-src="3"`: the element's `src` is asset 3, filled in once its URL is known.
const PRERENDERED_ASSET = "data-deck-asset-";

/** Points pre-rendered images, videos and backgrounds at their bundled files. */
export function fillPrerenderedAssets(slides: ParentNode, assetUrls: readonly string[]): void {
  for (const element of slides.querySelectorAll<HTMLElement>("*")) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (!name.startsWith(PRERENDERED_ASSET)) continue;
      const url = assetUrls[Number(value)];
      const attribute = name.slice(PRERENDERED_ASSET.length);
      if (url) {
        element.setAttribute(
          attribute,
          attribute === "data-background-image" ? backgroundUrl(url) : url,
        );
      }
    }
  }
}

/**
 * Puts the slides in place: fills in pre-rendered ones, or renders them on the dev server (a build
 * always pre-renders them, so the built script carries no renderer).
 */
export function mountSlides(slides: HTMLElement, deck: Deck, assetUrls: readonly string[]): void {
  if (slides.hasAttribute("data-prerendered")) fillPrerenderedAssets(slides, assetUrls);
  else if (import.meta.env.DEV) slides.innerHTML = renderSlides(deck, assetUrls);
}

/**
 * A background's URL as reveal.js can use it: it writes `url(…)` without quotes, which a small
 * SVG that the bundler inlined as `data:image/svg+xml,<svg …'…'>` breaks; base64 has no quotes.
 */
export function backgroundUrl(url: string): string {
  const prefix = "data:image/svg+xml,";
  if (!url.startsWith(prefix)) return url;
  const bytes = new TextEncoder().encode(decodeURIComponent(url.slice(prefix.length)));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
