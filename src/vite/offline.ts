import type { Plugin, PluginOption } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";
import { slugify } from "../deck/slug.ts";

/** The Vite mode that builds the single-file deck: `vite build --mode offline`. */
export const OFFLINE_MODE = "offline";

/** The file name of the single-file deck for a page: the talk's title, e.g. `my-talk.html`. */
export function offlineFileName(html: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? "";
  return `${slugify(title) || "deck"}.html`;
}

/**
 * The single-file deck: scripts, styles, fonts and images inlined into one HTML file that opens by
 * double-click from `file://` (Vite's normal output needs a server), named after the talk.
 */
export function offlinePlugins(): PluginOption[] {
  return [
    viteSingleFile({ removeViteModuleLoader: true }),
    {
      name: "deck-offline-name",
      apply: "build",
      enforce: "post",
      generateBundle: {
        order: "post",
        handler(_options, bundle) {
          const page = bundle["index.html"];
          if (page?.type !== "asset") return;
          const fileName = offlineFileName(String(page.source));
          delete bundle["index.html"];
          this.emitFile({ type: "asset", fileName, source: page.source });
        },
      },
    },
  ];
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
        const target = JSON.stringify(`./${offlineFileName(html)}`);
        const script = `<script>if (location.protocol === "file:") location.replace(${target} + location.search + location.hash);</script>`;
        return html.replace(/<head>/i, (head) => `${head}\n    ${script}`);
      },
    },
  };
}
