import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runBuildCommand } from "../../src/vite/build-command.ts";
import { buildFolders, expectSameFiles } from "../helpers/build-folders.ts";
import { fixtureDeck, ROOT } from "../helpers/deck-server.ts";

const folders = buildFolders();
afterAll(() => folders.removeAll());

/** A copy of the engine fixture (code steps, a chart, fragments, a photo, notes) to edit. */
function engineDeck(): string {
  const dir = folders.make("quick-slides-");
  cpSync(fixtureDeck("engine"), dir, { recursive: true });
  return dir;
}

/** `npm run build` of a slides folder into a folder, as the command runs it; what it printed. */
async function build(slidesDir: string, outDir: string, force = false) {
  const lines: string[] = [];
  const built = await runBuildCommand({
    root: ROOT,
    slidesDir,
    outDir,
    force,
    print: (line) => lines.push(line),
    printError: (line) => lines.push(line),
  });
  return { built, output: lines.join("\n") };
}

/** Builds the edited slides again into `outDir`, and from scratch elsewhere: the same files? */
async function rebuildAndCompare(slidesDir: string, outDir: string) {
  const again = await build(slidesDir, outDir);
  const fresh = folders.make("quick-full-");
  const full = await build(slidesDir, fresh, true);
  expect(full.built).toBeDefined();
  expectSameFiles(outDir, fresh);
  return again.output;
}

const SLIDES_ALONE = /the slides alone/;

// Each test builds the deck several times over (up to nine): a loaded machine takes seconds.
describe("a build of changed slides alone", { timeout: 120_000 }, () => {
  test("writes the files a full build writes, for edited, added and removed slides", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    expect((await build(slides, out)).output).not.toMatch(SLIDES_ALONE);

    const plain = path.join(slides, "02-plain.md");
    writeFileSync(plain, readFileSync(plain, "utf8").replace(/\n/, "\n\nA new first line.\n"));
    appendFileSync(path.join(slides, "08-part-two.md"), "\n## Added later\n\nNote:\nSaid late.\n");
    rmSync(path.join(slides, "06-fragments.md"));
    expect(await rebuildAndCompare(slides, out)).toMatch(SLIDES_ALONE);
  });

  test("follows the settings the page shows: a new title names the single file", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    await build(slides, out);
    const settings = path.join(slides, "deck.yaml");
    writeFileSync(
      settings,
      readFileSync(settings, "utf8")
        .replace(/^title: .*$/m, "title: Engine fixture, again")
        .replace(/^author: .*$/m, "author: Grace Hopper"),
    );
    expect(await rebuildAndCompare(slides, out)).toMatch(SLIDES_ALONE);
    expect(existsSync(path.join(out, "engine-fixture-again.html"))).toBe(true);
    expect(existsSync(path.join(out, "engine-fixture.html"))).toBe(false);
  });

  test("is not done when what the bundle is made of changed: the build is full, and right", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    await build(slides, out);
    // A letter the fonts have that the deck had not: new font subsets.
    appendFileSync(path.join(slides, "02-plain.md"), "\nÆsop's fables.\n");
    expect(await rebuildAndCompare(slides, out)).not.toMatch(SLIDES_ALONE);
    // The deck's own stylesheet.
    writeFileSync(path.join(slides, "style.css"), ".tip { color: teal; }\n");
    expect(await rebuildAndCompare(slides, out)).not.toMatch(SLIDES_ALONE);
    // Another theme.
    const settings = path.join(slides, "deck.yaml");
    writeFileSync(settings, `${readFileSync(settings, "utf8")}\ntheme: dark\n`);
    expect(await rebuildAndCompare(slides, out)).not.toMatch(SLIDES_ALONE);
    // And then the slides alone again.
    appendFileSync(path.join(slides, "02-plain.md"), "\nAesop again.\n");
    expect(await rebuildAndCompare(slides, out)).toMatch(SLIDES_ALONE);
  });

  test("is done for characters no font has (an emoji, an arrow): their subsets are the same", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    await build(slides, out);
    appendFileSync(path.join(slides, "02-plain.md"), "\nShipped 🚀 → done ✓.\n");
    expect(await rebuildAndCompare(slides, out)).toMatch(SLIDES_ALONE);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Shipped 🚀 → done ✓.");
  });

  test("keeps the deck's data at the page's end when a slide says `</body>`", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    await build(slides, out);
    appendFileSync(path.join(slides, "09-end.md"), "\n<!-- old ending: </body> -->\n");
    expect(await rebuildAndCompare(slides, out)).toMatch(SLIDES_ALONE);
    const page = readFileSync(path.join(out, "index.html"), "utf8");
    expect(page.indexOf('id="deck-data"')).toBeGreaterThan(page.indexOf("old ending"));
  });

  test("leaves what it cannot read to a full build, which reports it", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    // Not a photo, and large enough to be made for the screen once a slide shows it.
    writeFileSync(path.join(slides, "img", "broken.jpg"), Buffer.alloc(200_000, 7));
    await build(slides, out);
    appendFileSync(path.join(slides, "02-plain.md"), "\n![A broken photo](img/broken.jpg)\n");
    const broken = await build(slides, out);
    expect(broken.built).toBeUndefined();
    expect(broken.output).toMatch(/build failed; nothing was written/);
  });

  test("reports a deck's errors as a full build does, and writes nothing", async () => {
    const slides = engineDeck();
    const out = folders.make("quick-dist-");
    await build(slides, out);
    const before = folders.make("quick-before-");
    cpSync(out, before, { recursive: true });
    appendFileSync(path.join(slides, "02-plain.md"), "\n![gone](missing.png)\n");
    const broken = await build(slides, out);
    expect(broken.built).toBeUndefined();
    expect(broken.output).toMatch(/02-plain\.md:\d+:\d+ error missing-asset .*missing\.png/);
    expect(broken.output).toMatch(/build failed: 1 error.*nothing was written/);
    expectSameFiles(out, before);
  });
});
