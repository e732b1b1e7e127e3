import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { build, createLogger, type Logger } from "vite";
import { OFFLINE_MODE } from "./offline.ts";

/** What to build: the project's config, on a slides folder, into a folder. */
export interface BuildFilesOptions {
  root: string;
  /** Default: $DECK_DIR, else `slides`, as in `npm run build`. */
  slidesDir?: string | undefined;
  outDir: string;
  /** The single-file build (`vite build --mode offline`), added beside a normal build's files. */
  offline?: boolean;
  /** Where Vite's own messages go; default: nowhere. */
  logger?: Logger | undefined;
}

/**
 * Builds a deck with the project's vite.config.ts, as `npm run build` does, for the tools and
 * tests that build other decks.
 */
export function buildFiles(options: BuildFilesOptions): ReturnType<typeof build> {
  return withDeckDir(options.slidesDir, () =>
    build({
      root: options.root,
      configFile: path.join(options.root, "vite.config.ts"),
      mode: options.offline ? OFFLINE_MODE : "production",
      logLevel: options.logger ? "warn" : "silent",
      customLogger: options.logger,
      build: { outDir: options.outDir, emptyOutDir: !options.offline },
    }),
  );
}

/** What `buildDeckFolder` wrote. */
export interface BuiltDeck {
  /** The folder: `index.html` and `assets/` for a web server, and the single file. */
  outDir: string;
  /** The self-contained deck that opens from `file://`, e.g. `dist/my-talk.html`. */
  singleFile: string;
}

/**
 * Builds everything `npm run build` promises into `outDir`: the deck for a web server and the
 * single-file deck beside it. Both are built into a fresh folder next to `outDir` that then
 * replaces it, so `outDir` always holds one complete, current build, never half of one.
 */
export async function buildDeckFolder(
  options: Omit<BuildFilesOptions, "offline">,
): Promise<BuiltDeck> {
  const target = path.resolve(options.outDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const staging = mkdtempSync(`${target}.building-`);
  unfinished.add(staging);
  try {
    await buildFiles({ ...options, outDir: staging });
    const before = new Set(readdirSync(staging));
    await buildFiles({ ...options, outDir: staging, offline: true });
    const single = readdirSync(staging).find((name) => name.endsWith(".html") && !before.has(name));
    if (!single) throw new Error("the single-file build wrote no HTML file");
    replaceFolder(staging, target);
    return { outDir: target, singleFile: path.join(target, single) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    unfinished.delete(staging);
  }
}

const unfinished = new Set<string>();

/** Removes the folders of builds still under way; for a command interrupted with Ctrl-C. */
export function removeUnfinishedBuilds(): void {
  for (const folder of unfinished) rmSync(folder, { recursive: true, force: true });
  unfinished.clear();
}

// Renames are atomic on one file system; the old folder is moved aside first, then removed.
function replaceFolder(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  const old = `${from}.old`;
  renameSync(to, old);
  try {
    renameSync(from, to);
  } catch (error) {
    renameSync(old, to);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/** A Vite logger that passes on Vite's warnings and errors, but not the deck plugin's own. */
export function viteWarningsLogger(print: (line: string) => void): Logger {
  const logger = createLogger("warn", { allowClearScreen: false });
  const pass = (message: string) => {
    // The deck's diagnostics are printed once, by the command, with their summary.
    if (!message.includes("[plugin deck]")) print(message);
  };
  return { ...logger, warn: pass, warnOnce: pass, error: pass, info: () => undefined };
}

/**
 * Runs `run`, which loads vite.config.ts, with DECK_DIR set to `slidesDir`, then restores it: the
 * config reads DECK_DIR each time it is loaded.
 */
export async function withDeckDir<T>(
  slidesDir: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const saved = process.env.DECK_DIR;
  if (slidesDir) process.env.DECK_DIR = slidesDir;
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env.DECK_DIR;
    else process.env.DECK_DIR = saved;
  }
}
