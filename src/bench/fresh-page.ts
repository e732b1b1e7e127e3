import type { Browser, BrowserContext, Page } from "puppeteer-core";

/** A 1280×720 page in a browser context of its own: a venue laptop's cold cache. */
export async function openFreshPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  return { context, page };
}
