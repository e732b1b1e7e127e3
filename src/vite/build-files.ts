import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, createLogger, type Logger, mergeConfig, type Plugin } from "vite";
import projectConfig from "../../vite.config.ts";
import { replaceFolder } from "./replace-folder.ts";
import { unfinished } from "./unfinished-builds.ts";

/** What to build: the project's config, on a slides folder, into a folder. */
export interface BuildFilesOptions {
  root: string;
  /** Default: $DECK_DIR, else `slides`, as in `npm run build`. */
  slidesDir?: string | undefined;
  outDir: string;
  /** Where Vite's own messages go; default: nowhere. */
  logger?: Logger | undefined;
  /** Receives every file the build read outside node_modules (for the build stamp). */
  inputs?: Set<string> | undefined;
  /** Receives the font files the build bundled, subset (for the next build of slides alone). */
  fonts?: Set<string> | undefined;
}

// The files a build read, as its module graph names them.
function collectInputs(inputs: Set<string>): Plugin {
  return {
    name: "deck-build-inputs",
    apply: "build",
    buildEnd() {
      for (const id of this.getModuleIds()) {
        const file = id.split("?")[0] ?? "";
        if (path.isAbsolute(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
          inputs.add(file);
        }
      }
    },
  };
}

// The font files the build bundled (as subsets: font-subset.ts), by their source files.
function collectFonts(root: string, fonts: Set<string>): Plugin {
  return {
    name: "deck-build-fonts",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== "asset" || !output.fileName.endsWith(".woff2")) continue;
        for (const file of output.originalFileNames) fonts.add(path.resolve(root, file));
      }
    },
  };
}

/**
 * Builds a deck with the project's vite.config.ts, as `npm run build` does, for the tools and
 * tests that build other decks.
 */
export async function buildFiles(options: BuildFilesOptions): ReturnType<typeof build> {
  const mode = "production";
  // The project's config, imported rather than loaded from its file: Vite would bundle the file
  // and the engine's code under it again, and the deck would be built once more by that copy.
  // It reads DECK_DIR when called, so two builds of different decks can run at once.
  // Called synchronously, so that no other build sees this DECK_DIR.
  const config = withDeckDir(options.slidesDir, () =>
    typeof projectConfig === "function"
      ? projectConfig({ command: "build", mode, isSsrBuild: false, isPreview: false })
      : projectConfig,
  );
  const resolved = await config;
  return asProduction(() =>
    build(
      mergeConfig(resolved, {
        root: options.root,
        configFile: false,
        mode,
        logLevel: options.logger ? "warn" : "silent",
        customLogger: options.logger,
        build: { outDir: options.outDir, emptyOutDir: true },
        plugins: [
          ...(options.inputs ? [collectInputs(options.inputs)] : []),
          ...(options.fonts ? [collectFonts(options.root, options.fonts)] : []),
        ],
      }),
    ),
  );
}

let productionBuilds = 0;
let nodeEnvBefore: string | undefined;

/**
 * Runs builds with NODE_ENV=production, which is what Vite reads to make a production build (no
 * dev-only code, minified CSS). The commands start without NODE_ENV, which Vite takes as that; a
 * process that set another (a test runner sets `test`) would otherwise build something else than
 * `npm run build` does. Given back once the last build running at the same time is done.
 */
async function asProduction<T>(run: () => Promise<T>): Promise<T> {
  if (productionBuilds++ === 0) nodeEnvBefore = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    return await run();
  } finally {
    if (--productionBuilds === 0) {
      if (nodeEnvBefore === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnvBefore;
    }
  }
}

/** What `buildDeckFolder` wrote. */
export interface BuiltDeck {
  /** The folder: `index.html` and `assets/` for a web server, and the single file. */
  outDir: string;
  /** The self-contained deck that opens from `file://`, e.g. `dist/my-talk.html`. */
  singleFile: string;
  /** Every file the builds read outside node_modules. */
  inputs: string[];
  /** The font files it bundled, subset to the deck's characters, in order. */
  fonts: string[];
}

/**
 * Builds everything `npm run build` promises into `outDir`: the deck for a web server and the
 * single-file deck beside it, made from the first (single-file.ts). Both are written into a fresh
 * folder next to `outDir` that then replaces it, so `outDir` always holds one complete, current
 * build, never half of one.
 */
export async function buildDeckFolder(
  options: Omit<BuildFilesOptions, "inputs" | "fonts">,
): Promise<BuiltDeck> {
  const inputs = new Set<string>();
  const fonts = new Set<string>();
  const target = path.resolve(options.outDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const staging = mkdtempSync(`${target}.building-`);
  unfinished.add(staging);
  // Loaded while the bundler's threads build, when this one mostly waits for them.
  const singleFile = import("./single-file.ts");
  singleFile.catch(() => undefined); // awaited below, unless the build fails first
  try {
    await buildFiles({ ...options, outDir: staging, inputs, fonts });
    const single = await (await singleFile).makeSingleFile(staging);
    writeFileSync(path.join(staging, single.fileName), single.html);
    replaceFolder(staging, target);
    return {
      outDir: target,
      singleFile: path.join(target, single.fileName),
      inputs: [...inputs],
      fonts: [...fonts].sort(),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    unfinished.delete(staging);
  }
}

/** A Vite logger that passes on Vite's warnings and errors, but not the deck plugin's own. */
export function viteWarningsLogger(print: (line: string) => void): Logger {
  const logger = createLogger("warn", { allowClearScreen: false });
  const pass = (message: string) => {
    // The deck's diagnostics are printed once, by the command, with their summary; so is a
    // failure, with what failed (Vite's own line says only that the build failed).
    if (!message.includes("[plugin deck]") && !/Build failed in \d/.test(message)) print(message);
  };
  return { ...logger, warn: pass, warnOnce: pass, error: pass, info: () => undefined };
}

/**
 * Runs `run` with DECK_DIR set to `slidesDir` (the project's config reads it each time it is
 * called), then restores it: at once, or when the promise `run` returns settles.
 */
export function withDeckDir<T>(slidesDir: string | undefined, run: () => T): T {
  const saved = process.env.DECK_DIR;
  if (slidesDir) process.env.DECK_DIR = slidesDir;
  const restore = () => {
    if (saved === undefined) delete process.env.DECK_DIR;
    else process.env.DECK_DIR = saved;
  };
  let result: T;
  try {
    result = run();
  } catch (error) {
    restore();
    throw error;
  }
  // A promise keeps DECK_DIR until it settles; anything else gives it back at once.
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
