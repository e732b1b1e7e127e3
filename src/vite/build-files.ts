import path from "node:path";
import { build } from "vite";
import { OFFLINE_MODE } from "./offline.ts";

/** What to build: the project's config, on a slides folder, into a folder. */
export interface BuildFilesOptions {
  root: string;
  /** Default: $DECK_DIR, else `slides`, as in `npm run build`. */
  slidesDir?: string | undefined;
  outDir: string;
  /** The single-file build (`vite build --mode offline`), added beside a normal build's files. */
  offline?: boolean;
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
      logLevel: "silent",
      build: { outDir: options.outDir, emptyOutDir: !options.offline },
    }),
  );
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
