import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runBuildCommand } from "../../src/vite/build-command.ts";
import { buildFolders, expectSameFiles } from "../helpers/build-folders.ts";
import { fixtureDeck, ROOT } from "../helpers/deck-server.ts";

// The cache of built decks lives only in the bundled commands (engine-identity.ts): these tests
// run `npm run build -- --force` as package.json runs it, and compare what it writes with a build
// from the TypeScript sources, which caches nothing.

const folders = buildFolders();
afterAll(() => folders.removeAll());

/** `npm run build -- --force` of a slides folder into a folder; what it printed. */
function buildCommand(slidesDir: string, outDir: string): string {
  const run = spawnSync(process.execPath, ["src/cli/run.mjs", "build", "--force"], {
    cwd: ROOT,
    env: { ...process.env, DECK_DIR: slidesDir, DECK_OUT_DIR: outDir, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 90_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The same build from the TypeScript sources, into a new folder. */
async function buildFromSources(slidesDir: string): Promise<string> {
  const outDir = folders.make("caches-fresh-");
  const built = await runBuildCommand({
    root: ROOT,
    slidesDir,
    outDir,
    force: true,
    print: () => undefined,
    printError: () => undefined,
  });
  expect(built).toBeDefined();
  return outDir;
}

async function expectSameAsFromSources(slidesDir: string, outDir: string) {
  expectSameFiles(outDir, await buildFromSources(slidesDir));
}

describe("the build's cache of the deck", () => {
  test("gives the files a build without it writes, as the slides and styles change", async () => {
    const slides = folders.make("caches-slides-");
    cpSync(fixtureDeck("engine"), slides, { recursive: true });
    const out = folders.make("caches-dist-");
    const single = () => readFileSync(path.join(out, "engine-fixture.html"), "utf8");

    buildCommand(slides, out);
    // Built again as it was: the deck from the cache.
    buildCommand(slides, out);
    await expectSameAsFromSources(slides, out);

    // A slide edited: the deck is built again, not taken from the cache.
    appendFileSync(path.join(slides, "02-plain.md"), "\nA line written after the first build.\n");
    buildCommand(slides, out);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain(
      "A line written after the first build.",
    );
    expect(single()).toContain("A line written after the first build.");
    await expectSameAsFromSources(slides, out);

    // The deck's own stylesheet: the deck from the cache, the single file's styles new.
    writeFileSync(path.join(slides, "style.css"), ".tip { color: rebeccapurple; }\n");
    buildCommand(slides, out);
    expect(single()).toMatch(/\.tip\{color:(?:rebeccapurple|#639)\}/);
    await expectSameAsFromSources(slides, out);

    // Another theme: a setting, so the deck is built again.
    const settings = path.join(slides, "deck.yaml");
    writeFileSync(settings, `${readFileSync(settings, "utf8")}\ntheme: dark\n`);
    buildCommand(slides, out);
    await expectSameAsFromSources(slides, out);
  }, 120_000);
});
