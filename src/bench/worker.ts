import path from "node:path";
import { launchBrowser } from "../browser/launch-browser.ts";
import { printHandout } from "../export/handout-pdf.ts";
import { printSlides } from "../export/slides-pdf.ts";
import { buildDeckFolder } from "../vite/build-files.ts";

/**
 * One measured task, in its own process so that its peak memory is its own:
 * `worker.ts build|pdf|handout <slidesDir> <outDir>`; prints `{"ms":…,"maxRssMb":…}`, and
 * for a PDF its size in bytes.
 */
async function main(): Promise<void> {
  const [task, slidesDir = "slides", outDir = "dist"] = process.argv.slice(2);
  const root = process.cwd();
  const started = performance.now();
  let bytes = 0;
  if (task === "build") {
    // Both outputs, as `npm run build` writes them.
    await buildDeckFolder({ root, slidesDir: path.resolve(slidesDir), outDir });
  } else if (task === "pdf" || task === "handout") {
    const browser = await launchBrowser();
    try {
      const progress = () => undefined;
      const pdf =
        task === "pdf"
          ? await printSlides(browser, { distDir: outDir, fragments: false, progress })
          : await printHandout(browser, { distDir: outDir, paper: "a4", perPage: 3, progress });
      bytes = pdf.bytes.length;
    } finally {
      await browser.close();
    }
  } else {
    throw new Error(`unknown task ${task}`);
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
