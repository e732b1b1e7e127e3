import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { writeCacheFile } from "./cache-file.ts";

/** reveal.css in parts: what every page needs, what only its print view and scroll view need. */
export interface RevealStylesheets {
  core: string;
  /** `html.reveal-print` rules: the `?print-pdf` layout. */
  print: string;
  /** reveal.js's scroll view (`?view=scroll`). */
  scroll: string;
}

const PRINT = /reveal-print/;
const SCROLL = /reveal-scroll|scroll-page|loading-scroll-mode|scrollbar/;

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
 * Splits reveal.js's stylesheet so that a page loads only what it shows: the print view's rules
 * and the scroll view's go to stylesheets of their own, which the runtime loads in those modes
 * (a fifth of reveal.css). Plain rules are split selector by selector; @-blocks go whole.
 */
export function splitRevealStylesheet(css: string): RevealStylesheets {
  const parts = { core: [] as string[], print: [] as string[], scroll: [] as string[] };
  for (const block of topLevelBlocks(css)) {
    const brace = block.indexOf("{");
    const head = block.slice(0, brace);
    const body = block.slice(brace);
    if (head.trimStart().startsWith("@")) {
      parts.core.push(block);
      continue;
    }
    const selectors = selectorsOf(head);
    const pick = (test: (selector: string) => boolean) => selectors.filter(test).join(",");
    const print = pick((s) => PRINT.test(s));
    const scroll = pick((s) => !PRINT.test(s) && SCROLL.test(s));
    const core = pick((s) => !PRINT.test(s) && !SCROLL.test(s));
    if (print) parts.print.push(`${print}${body}`);
    if (scroll) parts.scroll.push(`${scroll}${body}`);
    if (core) parts.core.push(`${core}${body}`);
  }
  return { core: parts.core.join(""), print: parts.print.join(""), scroll: parts.scroll.join("") };
}

/** Writes reveal.css's parts into the cache (once per reveal.js version) and returns their paths. */
export function writeRevealStylesheets(cacheDir: string): Record<keyof RevealStylesheets, string> {
  const require = createRequire(import.meta.url);
  const css = readFileSync(require.resolve("reveal.js/reveal.css"), "utf8");
  const key = createHash("sha256").update(css).digest("hex").slice(0, 12);
  const parts = splitRevealStylesheet(css);
  const files = {} as Record<keyof RevealStylesheets, string>;
  for (const name of ["core", "print", "scroll"] as const) {
    const file = path.join(cacheDir, `reveal-${name}-${key}.css`);
    if (!existsSync(file)) writeCacheFile(file, parts[name]);
    files[name] = file;
  }
  return files;
}
