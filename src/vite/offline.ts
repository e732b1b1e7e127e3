import type { Plugin } from "vite";
import { htmlToText } from "../deck/plain-text.ts";
import { slugify } from "../deck/slug.ts";

/**
 * The file name of the single-file deck for a page: the talk's title as the page has it, read
 * back from HTML, e.g. `my-talk.html` (the PDFs take the same name); never the served page's
 * `index.html`.
 */
export function offlineFileName(html: string): string {
  const title = htmlToText(/<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? "");
  const name = slugify(title) || "deck";
  return `${name === "index" ? "index-deck" : name}.html`;
}

/** The served page's script that goes on to the single file `fileName` when opened from disk. */
export function openFromDiskScript(fileName: string): string {
  const target = JSON.stringify(`./${fileName}`);
  return `if (location.protocol === "file:") location.replace(${target} + location.search + location.hash);`;
}

/**
 * A built `index.html` opened from disk shows nothing: browsers refuse module scripts from
 * `file://`. This plugin gives it a small inline script that, there and only there, goes on to the
 * single-file deck beside it, with the same query (`?presenter`, `?print-pdf`) and slide.
 */
export function openFromDiskPlugin(): Plugin {
  return {
    name: "deck-open-from-disk",
    apply: "build",
    transformIndexHtml: {
      // After the deck plugin has given the page its title, which names the single file.
      order: "post",
      handler(html) {
        const script = `<script>${openFromDiskScript(offlineFileName(html))}</script>`;
        return html.replace(/<head>/i, (head) => `${head}\n    ${script}`);
      },
    },
  };
}
