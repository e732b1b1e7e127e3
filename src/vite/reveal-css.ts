import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { writeCacheFile } from "./cache-file.ts";

/**
 * reveal.css in parts: what the first slide needs, what can come right after it, and what only
 * the print view and the scroll view need.
 */
export interface RevealStylesheets {
  core: string;
  /**
   * What no page shows before the speaker does something: the lightbox overlay of preview links,
   * the overview, jump-to-slide, fullscreen, and printing the screen view with Ctrl-P. Nearly half
   * of reveal.css, gzipped; the runtime loads it after the first slide.
   */
  later: string;
  /** `html.reveal-print` rules: the `?print-pdf` layout. */
  print: string;
  /** reveal.js's scroll view (`?view=scroll`). */
  scroll: string;
}

const PRINT = /reveal-print/;
const SCROLL = /reveal-scroll|scroll-page|loading-scroll-mode|scrollbar/;
// Only what reveal.js creates or switches on when asked: never elements it makes at the start (the
// pause overlay, its notes panel), which would stand in the page unstyled until the rest arrived.
const LATER =
  /r-overlay|data-preview|\.overview|overview-|jump-to-slide|:fullscreen|html:not\(\.print-pdf\)/;
// Animations of the overlay only.
const LATER_KEYFRAMES = /^@keyframes\s+(?:fade-in|scale-up)\b/;

type Part = keyof RevealStylesheets;

const SPLIT_VERSION = "core-later-print-scroll 2";

// Which part a selector goes to.
function partOf(selector: string): Part {
  if (PRINT.test(selector)) return "print";
  if (SCROLL.test(selector)) return "scroll";
  if (LATER.test(selector)) return "later";
  return "core";
}

// The top-level blocks of a stylesheet: rules and @-blocks, by brace depth.
function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) {
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return blocks;
}

// A selector list's selectors, split at commas outside parentheses (`:not(.a,.b)` stays whole).
function selectorsOf(list: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "(") depth++;
    else if (list[i] === ")") depth--;
    else if (list[i] === "," && depth === 0) {
      selectors.push(list.slice(start, i));
      start = i + 1;
    }
  }
  selectors.push(list.slice(start));
  return selectors;
}

/**
 * Splits reveal.js's stylesheet so that a page loads only what it shows, and the first slide
 * only what it needs (see RevealStylesheets). Plain rules are split selector by selector; the rules
 * inside `@media` are split the same way, each part keeping its `@media`; other @-blocks stay
 * whole in the core, except the overlay's animations.
 */
export function splitRevealStylesheet(css: string): RevealStylesheets {
  const parts: Record<Part, string[]> = { core: [], later: [], print: [], scroll: [] };
  for (const block of topLevelBlocks(css)) {
    const brace = block.indexOf("{");
    const head = block.slice(0, brace).trim();
    const body = block.slice(brace);
    if (head.startsWith("@media")) {
      const inner = splitRevealStylesheet(body.slice(1, -1));
      for (const part of Object.keys(parts) as Part[]) {
        if (inner[part]) parts[part].push(`${head}{${inner[part]}}`);
      }
    } else if (head.startsWith("@")) {
      parts[LATER_KEYFRAMES.test(head) ? "later" : "core"].push(block);
    } else {
      const selectors = selectorsOf(head);
      for (const part of Object.keys(parts) as Part[]) {
        const mine = selectors.filter((selector) => partOf(selector) === part).join(",");
        if (mine) parts[part].push(`${mine}${body}`);
      }
    }
  }
  return {
    core: parts.core.join(""),
    later: parts.later.join(""),
    print: parts.print.join(""),
    scroll: parts.scroll.join(""),
  };
}

/** Writes reveal.css's parts into the cache (once per reveal.js version) and returns their paths. */
export function writeRevealStylesheets(cacheDir: string): Record<keyof RevealStylesheets, string> {
  const require = createRequire(import.meta.url);
  const css = readFileSync(require.resolve("reveal.js/reveal.css"), "utf8");
  // The split is part of the key: a cache written by an older split is not used.
  const key = createHash("sha256").update(css).update(SPLIT_VERSION).digest("hex").slice(0, 12);
  const names = ["core", "later", "print", "scroll"] as const;
  const files = Object.fromEntries(
    names.map((name) => [name, path.join(cacheDir, `reveal-${name}-${key}.css`)]),
  ) as Record<keyof RevealStylesheets, string>;
  // Split once per key: every build's config reads this (6 ms a split, measured).
  if (names.every((name) => existsSync(files[name]))) return files;
  const parts = splitRevealStylesheet(css);
  for (const name of names) {
    if (!existsSync(files[name])) writeCacheFile(files[name], parts[name]);
  }
  return files;
}
