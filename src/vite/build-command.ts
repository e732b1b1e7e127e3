import { statSync } from "node:fs";
import path from "node:path";
import { formatDiagnostic, hasErrors } from "../deck/diagnostics.ts";
import type { Diagnostic } from "../deck/model.ts";
import { keepBuild, restoreBuild } from "./build-cache.ts";
import type { BuiltDeck } from "./build-files.ts";
import { currentStamp, saveStamp, slidesRead, stampBuild } from "./build-stamp.ts";
import { buildDeckAhead } from "./deck-ahead.ts";
import type { DeckBuild } from "./deck-plugin.ts";
import { quickCandidate } from "./quick-candidate.ts";
import { displayPath } from "./read-deck.ts";

/** Where a command builds from and to, and where it prints. */
export interface BuildCommandOptions {
  root: string;
  /** Absolute path of the slides folder. */
  slidesDir: string;
  outDir: string;
  /** Lines for the speaker: what was built. */
  print: (line: string) => void;
  /** Lines about problems: diagnostics, failures. */
  printError: (line: string) => void;
  /** Build even when the output folder is current. */
  force?: boolean;
}

/** What a command needs of a built deck folder. */
export type BuiltFolder = Pick<BuiltDeck, "outDir" | "singleFile">;

/**
 * What `npm run build` does, and what the exports do before printing: runs the pipeline, prints
 * its diagnostics like a compiler, and builds the deck folder only when there is no error. A
 * failure is reported as diagnostics and one summary line, never as a stack trace of the
 * bundler; it returns undefined, and nothing was written.
 */
export async function runBuildCommand(
  options: BuildCommandOptions,
): Promise<BuiltFolder | undefined> {
  const started = performance.now();
  const where = { root: options.root, slidesDir: options.slidesDir, outDir: options.outDir };
  const stamp = options.force ? undefined : currentStamp(where);
  const unchanged = `nothing in ${displayPath(options.slidesDir)}/ or the engine changed since it was built`;
  if (stamp) {
    for (const line of stamp.lines) options.printError(line);
    options.print(`${displayPath(options.outDir)}/ is current: ${unchanged}`);
    return { outDir: path.resolve(options.outDir), singleFile: stamp.singleFile };
  }
  const restored = options.force ? undefined : restoreBuild(where);
  if (restored) {
    for (const line of restored.lines) options.printError(line);
    options.print(`${displayPath(options.outDir)}/ is as the last build wrote it: ${unchanged}`);
    return { outDir: path.resolve(options.outDir), singleFile: restored.singleFile };
  }
  const location = { slidesDir: options.slidesDir, themesDir: path.join(options.root, "themes") };
  const read = slidesRead(where);
  const ahead = buildDeckAhead(location);
  // The bundler and the deck's plugins are loaded only when there is something to build.
  const { loadDeck, expectBuiltDeck } = await import("./deck-plugin.ts");
  expectBuiltDeck(ahead);
  const printed: string[] = [];
  const printError = (line: string) => {
    printed.push(line);
    options.printError(line);
  };
  const report = (deck: DeckBuild): boolean => {
    for (const diagnostic of deck.diagnostics) printError(formatDiagnostic(diagnostic));
    if (!hasErrors(deck.diagnostics)) return true;
    options.printError(`build failed: ${countSummary(deck.diagnostics)}; nothing was written`);
    return false;
  };
  const done = (folder: BuiltFolder, how = "") => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const size = `${Math.round(statSync(folder.singleFile).size / 1000)} kB`;
    const diagnostics = deck?.diagnostics ?? [];
    const warnings = diagnostics.length > 0 ? `, ${countSummary(diagnostics)}` : "";
    options.print(
      `built ${displayPath(folder.outDir)}/ for a web server and ${displayPath(folder.singleFile)} (one file, ${size}) in ${seconds} s${warnings}${how}`,
    );
    return folder;
  };
  let deck: DeckBuild | undefined;
  // Only the slides' text changed since the last build: its bundle is theirs too (quick-build.ts).
  const candidate = options.force ? undefined : quickCandidate(where);
  if (candidate) {
    // Loaded meanwhile, for when the slides alone cannot be built after all.
    import("./build-files.ts").catch(() => undefined);
    const loaded = await loadDeck(location);
    deck = loaded;
    if (!report(loaded)) return undefined;
    // Anything that goes wrong here (a photo that cannot be read, the kept copy) is left to
    // the full build, which reports it as a build does.
    const quick = await import("./quick-build.ts")
      .then(({ quickBuild }) => quickBuild(where, candidate, loaded, location, { printed, read }))
      .catch(() => undefined);
    if (quick) return done(quick, " (the slides alone: the rest as the last build made it)");
  }
  const { buildDeckFolder, viteWarningsLogger } = await import("./build-files.ts");
  // The bundler starts at once: what it does before it needs the deck overlaps the deck's build
  // on the other thread, and its plugins wait for the deck.
  const building = buildDeckFolder({
    root: options.root,
    slidesDir: options.slidesDir,
    outDir: options.outDir,
    logger: viteWarningsLogger(printError),
  });
  if (!deck) {
    deck = await loadDeck(location);
    if (!report(deck)) {
      // The deck plugin fails the build on the same errors; it writes nothing.
      await building.catch(() => undefined);
      return undefined;
    }
  }
  // What the next build of changed slides alone compares, made while the bundler works (a photo
  // it makes for the screen is the bundler's own, made once: screen-images.ts), but for the
  // fonts' characters, which wait for the fonts the bundler took.
  const recipeDeck = deck;
  const bundledFonts = building.then((built) => built.fonts);
  // A failed build is reported below; the recipe is then not awaited.
  bundledFonts.catch(() => undefined);
  const recipe = import("./quick-build.ts")
    .then(({ quickRecipe }) => quickRecipe(recipeDeck, location, bundledFonts))
    .catch(() => undefined);
  let folder: BuiltDeck;
  try {
    folder = await building;
  } catch (error) {
    options.printError(`error: ${bundlerMessage(error)}`);
    options.printError("build failed; nothing was written");
    return undefined;
  }
  // Photos are read by the deck plugin, not imported: the module graph does not name them.
  const graph = [...folder.inputs, ...deck.assetFiles];
  saveStamp(where, {
    ...stampBuild(where, graph, folder.singleFile, printed, read),
    quick: await recipe,
  });
  keepBuild(where);
  return done(folder);
}

function countSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return errors > 0
    ? `${plural(errors, "error")}, ${plural(warnings, "warning")}`
    : plural(warnings, "warning");
}

// The bundler's errors carry their own first line; their stacks are the bundler's internals.
function bundlerMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.replace(/^Build failed with \d+ errors?:\s*/, "").trim();
}

/** `runBuildCommand` as the commands run it: `slides/` ($DECK_DIR) into `dist/` ($DECK_OUT_DIR). */
export function buildFromEnvironment(
  root = process.cwd(),
  force = false,
): Promise<BuiltFolder | undefined> {
  return runBuildCommand({
    root,
    force,
    slidesDir: path.resolve(root, process.env.DECK_DIR ?? "slides"),
    outDir: path.resolve(root, process.env.DECK_OUT_DIR ?? "dist"),
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  });
}
