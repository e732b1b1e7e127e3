import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SLIDE_SIZES } from "../runtime/reveal-config.ts";
import { keepBuild } from "./build-cache.ts";
import { type BuildInputs, saveStamp, stampBuild } from "./build-stamp.ts";
import { inlineBuiltUrls } from "./built-files.ts";
import { withoutPolicy, withPagePolicy } from "./csp.ts";
import { type DeckBuild, deckModuleSource, imageCacheDir } from "./deck-plugin.ts";
import { earlyPaintScript, paintsWithoutScript } from "./early-paint.ts";
import { charactersInFont } from "./font-coverage.ts";
import { deckCharacters, fontCacheDir } from "./font-subset.ts";
import { offlineFileName, openFromDiskScript } from "./offline.ts";
import { type PageParts, pageParts, replacePageParts } from "./page-parts.ts";
import type { QuickCandidate } from "./quick-candidate.ts";
import type { DeckLocation } from "./read-deck.ts";
import { replaceFolder } from "./replace-folder.ts";
import { unfinished } from "./unfinished-builds.ts";

/**
 * What a build of changed slides alone compares with the last build, and what it replaces in its
 * pages. Everything the bundle is made of besides the deck's text is in the first three: the deck
 * module (its stylesheets, its photos as made for the screen, the themes), the characters each
 * font is subset to, the page's early paint script; the files they name are in the build stamp.
 */
export interface QuickRecipe {
  module: string;
  /**
   * The characters of the deck that each bundled font has, one font a line: a character no font
   * has (an emoji, an arrow) changes no subset, and the slides are still built alone.
   */
  characters: string;
  /** The font files the build bundled as subsets (build-files.ts). */
  fonts: string[];
  earlyPaint: string;
  /** The deck's `source` text (essay.txt), which the Markdown pipeline reads: "" for none. */
  source: string;
  /** What the last build's pages show of its deck. */
  parts: PageParts;
}

/**
 * The recipe of a deck as loaded, to keep with its build's stamp, for the fonts a build of it
 * bundles (awaited last: a full build knows them when it is done).
 */
export async function quickRecipe(
  build: DeckBuild,
  location: DeckLocation,
  bundledFonts: Promise<readonly string[]> | readonly string[],
): Promise<QuickRecipe> {
  const { deck } = build;
  const module = await deckModuleSource(build, true, imageCacheDir(location.themesDir));
  const fonts = [...(await bundledFonts)];
  return {
    module,
    characters: await fontCharacters(fonts, deckCharacters(deck), location),
    fonts,
    earlyPaint: paintsWithoutScript(deck)
      ? earlyPaintScript(SLIDE_SIZES[deck.settings.aspect])
      : "",
    source: build.sourceFile ? path.resolve(build.sourceFile.path) : "",
    parts: pageParts(deck),
  };
}

/**
 * Builds the deck folder for changed slides without the bundler: the last build's files (kept
 * beside its stamp), its pages with this deck's slides, data, title and language, its policy
 * hashed again. Only when everything else the bundle is made of is the same (`QuickRecipe`);
 * undefined otherwise, and nothing was written. The files are then the ones a full build writes
 * (a test compares them).
 */
export async function quickBuild(
  inputs: BuildInputs,
  { stamp, kept }: QuickCandidate,
  build: DeckBuild,
  location: DeckLocation,
  /** What the build printed of the deck, and its slides as it read them (`slidesRead`). */
  stamping: { printed: readonly string[]; read: Readonly<Record<string, string>> },
): Promise<{ outDir: string; singleFile: string } | undefined> {
  const last = stamp.quick;
  // A stamp of an older engine has no fonts: its build is full.
  if (!last?.fonts) return undefined;
  const next = await quickRecipe(build, location, last.fonts);
  const same =
    next.module === last.module &&
    next.characters === last.characters &&
    next.earlyPaint === last.earlyPaint &&
    next.source === last.source;
  if (!same) return undefined;
  const page = servedPage(
    readFileSync(path.join(kept, "index.html"), "utf8"),
    last.parts,
    next.parts,
  );
  const lastSingle = path.basename(stamp.singleFile);
  const single = singlePage(
    readFileSync(path.join(kept, lastSingle), "utf8"),
    kept,
    last.parts,
    next.parts,
  );
  if (!page || !single) return undefined;
  const outDir = path.resolve(inputs.outDir);
  const staging = mkdtempSync(`${outDir}.building-`);
  unfinished.add(staging);
  try {
    cpSync(kept, staging, {
      recursive: true,
      filter: (file) => path.relative(kept, file) !== lastSingle,
    });
    writeFileSync(path.join(staging, "index.html"), page);
    const singleName = offlineFileName(next.parts.title);
    writeFileSync(path.join(staging, singleName), single);
    replaceFolder(staging, outDir);
    const singleFile = path.join(outDir, singleName);
    const { printed, read } = stamping;
    const stamped = stampBuild(inputs, Object.keys(stamp.inputs), singleFile, printed, read);
    saveStamp(inputs, { ...stamped, quick: next });
    keepBuild(inputs);
    return { outDir, singleFile };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    unfinished.delete(staging);
  }
}

// Each font with the characters of the deck it has (font-coverage.ts, cached by the font).
async function fontCharacters(
  fonts: readonly string[],
  characters: string,
  location: DeckLocation,
): Promise<string> {
  const cacheDir = fontCacheDir(path.dirname(location.themesDir));
  const lines: string[] = [];
  for (const font of fonts) {
    lines.push(`${font}\0${await charactersInFont(readFileSync(font), characters, cacheDir)}`);
  }
  return lines.join("\n");
}

// The served page with the other deck: its parts, the script that goes on to the single file
// (named by the title), and its policy, hashed again for that script.
function servedPage(html: string, from: PageParts, to: PageParts): string | undefined {
  const page = replacePageParts(withoutPolicy(html), from, to);
  if (!page) return undefined;
  const script = (parts: PageParts) =>
    `<script>${openFromDiskScript(offlineFileName(parts.title))}</script>`;
  const redirect = script(from);
  if (!page.includes(redirect)) return undefined;
  return withPagePolicy(page.replace(redirect, () => script(to)));
}

// The single file with the other deck: its parts as the single file has them (with the files of
// the folder as data URLs, as single-file.ts makes them), and its policy, hashed again.
function singlePage(
  html: string,
  folder: string,
  from: PageParts,
  to: PageParts,
): string | undefined {
  const inline = (parts: PageParts): PageParts => ({
    root: parts.root,
    title: parts.title,
    slides: inlineBuiltUrls(parts.slides, folder),
    data: inlineBuiltUrls(parts.data, folder),
  });
  const page = replacePageParts(withoutPolicy(html), inline(from), inline(to));
  return page && withPagePolicy(page);
}
