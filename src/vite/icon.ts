import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { contentTypeOf } from "../browser/dist-file.ts";

/** Icon files a deck may put in its slides folder, first found wins; else the engine's own. */
export const DECK_ICON_FILES = [
  "icon.svg",
  "icon.png",
  "favicon.svg",
  "favicon.png",
  "favicon.ico",
];

/** The engine's icon: a slide on a stand, in the default theme's accent. */
// Relative to the project, as the commands and the dev server run there (the commands run bundled).
export const DEFAULT_ICON = path.resolve("src/vite/icon.svg");

/** The icon file a deck shows in the browser's tab: the deck's own, or the engine's. */
export function findDeckIcon(slidesDir: string): string {
  const own = DECK_ICON_FILES.map((name) => path.join(slidesDir, name)).find(existsSync);
  return own ?? DEFAULT_ICON;
}

/**
 * The `<link rel="icon">` of a deck, with the icon inside it as a data URL: the browser asks for
 * no `favicon.ico` (a 404 and a console error over http), and the single file carries it too.
 */
export function iconLink(file: string): string {
  const type = contentTypeOf(file);
  const data = readFileSync(file).toString("base64");
  return `<link rel="icon" type="${type}" href="data:${type};base64,${data}">`;
}

/** Puts the deck's icon into the page, for the dev server and both builds. */
export function deckIconPlugin(slidesDir: string): Plugin {
  return {
    name: "deck-icon",
    transformIndexHtml(html) {
      return html.replace(/<\/title>/, (end) => `${end}\n    ${iconLink(findDeckIcon(slidesDir))}`);
    },
  };
}
