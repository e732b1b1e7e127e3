import path from "node:path";
import { defineConfig } from "vite";
import { cspPlugin } from "./src/vite/csp.ts";
import { deckPlugin, loadDeck } from "./src/vite/deck-plugin.ts";
import { earlyPaintPlugin } from "./src/vite/early-paint.ts";
import { fontPreloadPlugin } from "./src/vite/font-preload.ts";
import { deckCharacters, fontCacheDir, fontSubsetPlugin } from "./src/vite/font-subset.ts";
import { deckIconPlugin } from "./src/vite/icon.ts";
import { openFromDiskPlugin } from "./src/vite/offline.ts";
import { writeRevealStylesheets } from "./src/vite/reveal-css.ts";

// Served decks may not be framed by other sites (a <meta> CSP cannot say this; headers can).
const headers = {
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
};

// reveal.css in parts: the first slide loads what it needs, the rest comes after it or only in the
// print and scroll views (see src/vite/reveal-css.ts).
const revealCss = writeRevealStylesheets(path.resolve("node_modules/.cache/deck-reveal"));

export default defineConfig(() => {
  // DECK_DIR builds another slides folder (tests and forks use it); the default is ./slides. Read
  // here, not once at the top: the commands build with this config in their own process.
  const slidesDir = path.resolve(process.env.DECK_DIR ?? "slides");
  const outDir = process.env.DECK_OUT_DIR ?? "dist";
  const themesDir = path.resolve("themes");
  return {
    resolve: {
      alias: [
        { find: /^reveal\.js\/reveal\.css$/, replacement: revealCss.core },
        { find: /^@deck\/reveal-later\.css$/, replacement: revealCss.later },
        { find: /^@deck\/reveal-print\.css$/, replacement: revealCss.print },
        { find: /^@deck\/reveal-scroll\.css$/, replacement: revealCss.scroll },
      ],
    },
    // Relative asset URLs, so the built deck works from any folder or sub-path.
    base: "./",
    plugins: [
      deckPlugin({ slidesDir, themesDir }),
      deckIconPlugin(slidesDir),
      fontSubsetPlugin(
        async () => deckCharacters((await loadDeck({ slidesDir, themesDir })).deck),
        fontCacheDir(path.resolve()),
      ),
      // The fonts' preloads before the early paint's script: the browser asks for them while it
      // waits for the stylesheet, which that script waits for.
      fontPreloadPlugin(),
      earlyPaintPlugin(async () => (await loadDeck({ slidesDir, themesDir })).deck),
      // The single file is made from this build's output (src/vite/single-file.ts).
      openFromDiskPlugin(),
      cspPlugin(),
    ],
    server: { host: "127.0.0.1", port: 5173, strictPort: false, headers },
    preview: { host: "127.0.0.1", port: 4173, headers },
    // Lightning CSS resolves imports and URLs too: no PostCSS to load and run in each build.
    css: { transformer: "lightningcss" as const },
    build: {
      outDir,
      target: "es2022",
      // Every browser that runs reveal.js 6 supports modulepreload; the polyfill is dead weight.
      modulePreload: { polyfill: false },
    },
  };
});
