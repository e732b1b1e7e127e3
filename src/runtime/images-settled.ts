/**
 * Resolves once every image in the document has loaded (and decoded) or failed. Layout measured
 * before that is wrong: an image still loading is 0 px tall, and reveal.js's print view centres
 * each page on the height it measures once. Self-contained, so that a browser driver can pass it
 * to `page.evaluate` as well.
 */
export async function imagesSettled(): Promise<void> {
  await Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined)));
}

/**
 * Lays the deck out again whenever one of its images finishes loading: reveal.js centres the
 * current slide on the height it measured, which grows when a late image arrives.
 */
export function relayoutOnImageLoad(slides: HTMLElement, layout: () => void): void {
  // `load` does not bubble; it is seen on the way down.
  slides.addEventListener(
    "load",
    (event) => {
      if (event.target instanceof HTMLImageElement) layout();
    },
    { capture: true },
  );
}
