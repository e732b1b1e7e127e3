import { createRequire } from "node:module";
import { escapeHtml } from "./escape-html.ts";
import type { Slide } from "./model.ts";

/** The address as the slide prints it: without `https://` and a trailing slash. */
export function shownUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

/**
 * A QR code of `url` as inline SVG, drawn now (no script in the deck, nothing fetched): dark on
 * light with its quiet zone, as phone cameras read it best; labelled for screen readers.
 */
export function qrCodeSvg(url: string): string {
  // Loaded by the first deck with an address: the others never pay for it.
  const QRCode = createRequire(import.meta.url)("qrcode") as typeof import("qrcode");
  let svg = "";
  // The SVG renderer calls back at once; a URL too long for a QR code throws.
  QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" }, (error, text) => {
    if (error) throw error;
    svg = text;
  });
  const label = escapeHtml(`QR code of ${url}`);
  return svg
    .replace(/<svg /, () => `<svg class="deck-share-code" role="img" aria-label="${label}" `)
    .replace(/<\?xml[^>]*>\s*/, "")
    .trim();
}

/** The figure the title and closing slides get: the QR code, and the address as a link. */
export function shareFigure(url: string): string {
  const href = escapeHtml(url);
  return `<figure class="deck-share">${qrCodeSvg(url)}<figcaption><a href="${href}">${escapeHtml(shownUrl(url))}</a></figcaption></figure>`;
}

/**
 * The deck's slides with its public address (the `url` setting) on the first and the last slide,
 * as text and as a QR code, so the audience can take the slides home; the slides unchanged when
 * the deck has no address.
 */
export function addShareCode(slides: readonly Slide[], url: string): Slide[] {
  if (!url || slides.length === 0) return [...slides];
  const last = slides.length - 1;
  return slides.map((slide, index) =>
    index === 0 || index === last
      ? { ...slide, html: `${slide.html}\n${shareFigure(url)}` }
      : slide,
  );
}
