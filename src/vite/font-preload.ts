import path from "node:path";
import type { HtmlTagDescriptor, Plugin } from "vite";

/**
 * The font files a stylesheet's `@font-face` rules name, as paths from the page's folder: the
 * stylesheet's own `url(…)`s are relative to where it was written. Inlined fonts (`data:`) need no
 * fetching and are left out.
 */
export function fontFilesOf(css: string, cssFileName: string): string[] {
  const files = new Set<string>();
  for (const [rule] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    for (const match of rule.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
      const url = match[2] ?? "";
      if (/^(?:data:|[a-z][a-z0-9+.-]*:\/\/|\/\/)/i.test(url)) continue;
      files.add(path.posix.join(path.posix.dirname(cssFileName), url.split(/[?#]/)[0] ?? ""));
    }
  }
  return [...files];
}

/**
 * Preloads, from the page's `<head>`, the fonts of the stylesheet the page comes with. Without it
 * the browser asks for them only once the script runs (it loads every face then, see main.ts) or
 * once text is laid out: the first slide was laid out and painted in fallback letters first, and
 * again when they came (14 ms later for the first slide, measured). Every face preloaded is one
 * the script then loads, so none is preloaded in vain (a console warning). Not for the single
 * file, whose fonts are inside it.
 */
export function fontPreloadPlugin(): Plugin {
  return {
    name: "deck-font-preload",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context): HtmlTagDescriptor[] {
        const stylesheets = [...(context.chunk?.viteMetadata?.importedCss ?? [])];
        return stylesheets.flatMap((fileName) => {
          const asset = context.bundle?.[fileName];
          if (asset?.type !== "asset") return [];
          return fontFilesOf(String(asset.source), fileName).map((file) => ({
            tag: "link",
            attrs: {
              rel: "preload",
              href: `./${file}`,
              as: "font",
              type: file.endsWith(".woff") ? "font/woff" : "font/woff2",
              crossorigin: true,
            },
            injectTo: "head",
          }));
        });
      },
    },
  };
}
