import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer, preview, type ViteDevServer } from "vite";
import {
  type BuiltDeck,
  buildDeckFolder,
  buildFiles,
  withDeckDir,
} from "../../src/vite/build-files.ts";
import { makeSingleFile } from "../../src/vite/single-file.ts";

/** The project root (where vite.config.ts is). */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A running server and its base URL. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** A fixture deck under tests/fixtures/decks: engine tests build these, never `slides/`. */
export function fixtureDeck(name: string): string {
  return path.join(ROOT, "tests/fixtures/decks", name);
}

/** Builds a deck into a fresh temporary folder, like `npm run build`. */
export async function buildDeckTo(slidesDir: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "deck-dist-"));
  await buildFiles({ root: ROOT, slidesDir, outDir });
  return outDir;
}

/** Builds what `npm run build` builds (the served deck and the single file) into a fresh folder. */
export function buildDeckFolderTo(slidesDir: string): Promise<BuiltDeck> {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "deck-dist-")), "dist");
  return buildDeckFolder({ root: ROOT, slidesDir, outDir });
}

/** Builds the single-file deck, as `npm run build` makes it, into `outDir`; returns its path. */
export async function buildOfflineTo(outDir: string, slidesDir: string): Promise<string> {
  const served = await buildDeckTo(slidesDir);
  try {
    const single = await makeSingleFile(served);
    const file = path.join(outDir, single.fileName);
    writeFileSync(file, single.html);
    return file;
  } finally {
    rmSync(served, { recursive: true, force: true });
  }
}

/** Builds a deck and serves it like `npm run preview`. */
export async function buildAndPreview(slidesDir: string): Promise<Served & { outDir: string }> {
  const outDir = await buildDeckTo(slidesDir);
  const server = await preview({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("preview server has no URL");
  return {
    url,
    outDir,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Starts the dev server (`npm start`) on a slides folder. */
export async function startDevServer(
  slidesDir: string,
): Promise<Served & { server: ViteDevServer }> {
  const server = await withDeckDir(slidesDir, () =>
    createServer({
      root: ROOT,
      configFile: path.join(ROOT, "vite.config.ts"),
      logLevel: "silent",
      server: { host: "127.0.0.1", port: 0, strictPort: false },
    }),
  );
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("dev server has no URL");
  return { url, server, close: () => server.close() };
}

/** The slide ids of the engine's own fixture deck (tests/fixtures/decks/engine), in order. */
export const ENGINE_SLIDE_IDS = [
  "engine-fixture",
  "plain-text",
  "part-one",
  "code-steps",
  "a-chart",
  "fragments",
  "an-image",
  "part-two",
  "last-point",
  "thank-you",
] as const;

/** Writes a throwaway slides folder from `{ fileName: text }` and returns its path. */
export function writeDeck(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "deck-slides-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
