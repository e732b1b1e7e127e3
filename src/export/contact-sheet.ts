import { parseArgs } from "node:util";
import { DECK_ORIGIN, failOnProblems, openDeckPage } from "../browser/deck-page.ts";
import { launchBrowser } from "../browser/launch-browser.ts";
import { buildFromEnvironment } from "../vite/build-command.ts";
import { writeFileAtomic } from "./write-file.ts";

/**
 * `npm run contact-sheet`: every slide of the built deck at 1280×720, as one PNG grid, for looking
 * at the whole talk at once (the README shows it).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: "docs/contact-sheet.png" },
      dist: { type: "string" },
      columns: { type: "string", default: "4" },
    },
  });
  const dist = values.dist ?? (await buildFromEnvironment())?.outDir;
  if (dist === undefined) return 1;
  const browser = await launchBrowser();
  try {
    const deckPage = await openDeckPage(browser, dist, { width: 1280, height: 720 });
    const { page } = deckPage;
    await page.goto(`${DECK_ORIGIN}/index.html?transition=none`);
    await page.waitForSelector(".reveal[data-deck-ready]");
    await page.evaluate(() => document.fonts.ready);
    // Fragments shown below fade in; a picture is taken at once, so nothing may be on its way.
    await page.addStyleTag({ content: ".reveal * { transition: none !important; }" });
    const ids = await page.$$eval(".reveal .slides section:not(.stack)", (sections) =>
      sections.map((s) => s.id),
    );
    const shots: string[] = [];
    for (const [index, id] of ids.entries()) {
      console.log(`slide ${index + 1}/${ids.length}`);
      await page.evaluate((target) => {
        location.hash = `#/${target}`;
      }, id);
      await page.waitForSelector(`section.present[id="${id}"]`);
      // Show every fragment and the last step of code walk-throughs, as a reader would see them.
      await page.evaluate(() => {
        for (const fragment of document.querySelectorAll("section.present .fragment"))
          fragment.classList.add("visible");
        for (const line of document.querySelectorAll("section.present .code-line"))
          line.classList.remove("is-muted");
      });
      shots.push(await page.screenshot({ type: "png", encoding: "base64" }));
    }
    failOnProblems(deckPage);
    const sheet = await browser.newPage();
    await sheet.setViewport({ width: 1600, height: 900 });
    const images = shots.map((shot) => `<img src="data:image/png;base64,${shot}">`).join("");
    await sheet.setContent(
      `<style>body{margin:0;padding:12px;background:#3a3845;display:grid;grid-template-columns:repeat(${Number(values.columns)},1fr);gap:12px}img{width:100%;display:block;border-radius:4px}</style>${images}`,
    );
    writeFileAtomic(values.out, await sheet.screenshot({ type: "png", fullPage: true }));
    console.log(`wrote ${values.out} (${ids.length} slides)`);
    return 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `error: ${error.message}` : error);
    process.exit(1);
  },
);
