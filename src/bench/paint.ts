import type { Page } from "puppeteer-core";

/**
 * When the page first painted text or an image (its First Contentful Paint), in ms from
 * navigation, waiting for the browser to report it: the same measure for every deck tool.
 */
export function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const paint = list.getEntriesByName("first-contentful-paint")[0];
          if (paint) resolve(paint.startTime);
        }).observe({ type: "paint", buffered: true });
      }),
  );
}
