import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Deck } from "../deck/model.ts";
import { writeCacheFile } from "./cache-file.ts";

const FONT_FACE = /@font-face\{[^}]*\}/g;
const RULE = /([^{}]+)\{([^{}]*)\}/g;

/** The class names that a deck's HTML uses, for finding which of KaTeX's fonts it needs. */
export function classesIn(html: string): Set<string> {
  const classes = new Set<string>();
  for (const match of html.matchAll(/\bclass="([^"]*)"/g)) {
    for (const name of (match[1] ?? "").split(/\s+/)) if (name) classes.add(name);
  }
  return classes;
}

/**
 * KaTeX's stylesheet for one deck: its rules, and the @font-face of only the font families the
 * deck's formulas use (a family is used when every class of a rule that sets it is on the
 * slides), in woff2 alone. The fonts are then subset to the deck's characters like the others.
 */
export function mathStylesheet(css: string, classes: ReadonlySet<string>): string {
  const used = new Set(["KaTeX_Main"]);
  const rules = css.replace(FONT_FACE, "");
  for (const [, selectors = "", body = ""] of rules.matchAll(RULE)) {
    const family = /font(?:-family)?:[^;]*?(KaTeX_\w+)/.exec(body)?.[1];
    if (!family) continue;
    const matches = selectors
      .split(",")
      .some((selector) =>
        [...selector.matchAll(/\.([\w-]+)/g)]
          .map((m) => m[1] ?? "")
          .every((name) => name === "katex" || classes.has(name)),
      );
    if (matches) used.add(family);
  }
  const faces = [...css.matchAll(FONT_FACE)]
    .map((match) => match[0])
    .filter((face) => used.has(/font-family:(KaTeX_\w+)/.exec(face)?.[1] ?? ""))
    .map((face) =>
      face.replace(/src:[^;}]*/, (src) => {
        const woff2 = /url\(fonts\/([\w-]+\.woff2)\)/.exec(src)?.[1];
        return woff2 ? `src:url("katex/dist/fonts/${woff2}") format("woff2")` : src;
      }),
    );
  return `${faces.join("\n")}\n${rules}`;
}

/**
 * Writes the deck's math stylesheet into the cache and returns its path, or undefined when no
 * slide has a formula: decks without math load nothing of KaTeX.
 */
export function writeMathStylesheet(deck: Deck, cacheDir: string): string | undefined {
  const html = deck.slides.map((slide) => `${slide.html}${slide.notesHtml}`).join("\n");
  if (!html.includes('class="katex')) return undefined;
  const require = createRequire(import.meta.url);
  const css = readFileSync(require.resolve("katex/dist/katex.min.css"), "utf8");
  const sheet = mathStylesheet(css, classesIn(html));
  const name = `katex-${createHash("sha256").update(sheet).digest("hex").slice(0, 16)}.css`;
  const file = path.join(cacheDir, name);
  if (!existsSync(file)) writeCacheFile(file, sheet);
  return file;
}
