import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DeckInput } from "../deck/build-deck.ts";
import { diagnosticAt } from "../deck/diagnostics.ts";
import type { Diagnostic, Result, SourceFile } from "../deck/model.ts";
import { REHEARSAL_FILE } from "../deck/rehearsal.ts";
import { decodeSource } from "../deck/source.ts";

/** Where a deck lives on disk. */
export interface DeckLocation {
  /** Absolute path of the slides folder. */
  slidesDir: string;
  /** Absolute path of the themes folder. */
  themesDir: string;
}

/** The name of the optional deck settings file inside the slides folder. */
export const SETTINGS_FILE = "deck.yaml";

/** A stylesheet in the slides folder that the deck loads after its theme. */
export const DECK_STYLESHEET = "style.css";

const SLIDE_FILE = /\.(?:md|markdown)$/i;
const ASSET_FILE =
  /\.(?:png|jpe?g|gif|svg|webp|avif|ico|mp4|webm|ogg|mp3|wav|m4a|woff2?|ttf|otf|pdf|css|json|csv)$/i;

/** How a path is shown to the author: relative to the working folder when it is inside it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? absolute
    : relative.split(path.sep).join("/");
}

/**
 * Reads the slides folder (Markdown files, `deck.yaml`, the last rehearsal) and the theme names:
 * the fs edge.
 */
export function readDeck(location: DeckLocation): Result<DeckInput> {
  const diagnostics: Diagnostic[] = [];
  const slidesDir = displayPath(location.slidesDir);
  const themes = listThemes(location.themesDir);
  const input: DeckInput = { slidesDir, files: [], themes };
  if (!existsSync(location.slidesDir) || !statSync(location.slidesDir).isDirectory()) {
    diagnostics.push(
      diagnosticAt(
        { file: slidesDir, line: 1, column: 1 },
        "error",
        "missing-slides-dir",
        "the slides folder does not exist; create it with one Markdown file per slide group",
      ),
    );
    return { value: input, diagnostics };
  }
  const files: SourceFile[] = [];
  const otherFiles: string[] = [];
  for (const entry of readdirSync(location.slidesDir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const absolute = path.join(location.slidesDir, entry.name);
    const shown = displayPath(absolute);
    if (
      SLIDE_FILE.test(entry.name) ||
      entry.name === SETTINGS_FILE ||
      entry.name === REHEARSAL_FILE
    ) {
      const decoded = decodeSource(shown, readFileSync(absolute));
      diagnostics.push(...decoded.diagnostics);
      if (!decoded.value) continue;
      if (entry.name === SETTINGS_FILE) input.settingsFile = decoded.value;
      else if (entry.name === REHEARSAL_FILE) input.rehearsalFile = decoded.value;
      else files.push(decoded.value);
    } else if (!ASSET_FILE.test(entry.name)) {
      otherFiles.push(shown);
    }
  }
  input.files = files;
  input.otherFiles = otherFiles;
  return { value: input, diagnostics };
}

/** The stylesheet every theme builds on; files starting with `_` are not themes. */
export const BASE_STYLESHEET = "_base.css";

/** Theme names: the `.css` files in the themes folder, except those starting with `_`. */
export function listThemes(themesDir: string): string[] {
  if (!existsSync(themesDir)) return [];
  return readdirSync(themesDir)
    .filter((name) => name.endsWith(".css") && !name.startsWith("_"))
    .map((name) => name.slice(0, -".css".length))
    .sort();
}
