import path from "node:path";
import { defineConfig } from "vite";
import { cspPlugin } from "./src/vite/csp.ts";
import { deckPlugin, loadDeck } from "./src/vite/deck-plugin.ts";
import { deckCharacters, fontSubsetPlugin } from "./src/vite/font-subset.ts";
import { deckIconPlugin } from "./src/vite/icon.ts";
import { OFFLINE_MODE, offlinePlugins, openFromDiskPlugin } from "./src/vite/offline.ts";
import { writeRevealStylesheets } from "./src/vite/reveal-css.ts";

// DECK_DIR builds another slides folder (tests and forks use it); the default is ./slides.
const slidesDir = path.resolve(process.env.DECK_DIR ?? "slides");
const outDir = process.env.DECK_OUT_DIR ?? "dist";
const themesDir = path.resolve("themes");

// Served decks may not be framed by other sites (a <meta> CSP cannot say this; headers can).
const headers = {
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
};

// reveal.css in parts: a page loads its print view's and scroll view's rules only in those views.
const revealCss = writeRevealStylesheets(path.resolve("node_modules/.cache/deck-reveal"));

export default defineConfig(({ mode }) => {
  const offline = mode === OFFLINE_MODE;
  return {
    resolve: {
      alias: [
        { find: /^reveal\.js\/reveal\.css$/, replacement: revealCss.core },
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
        () => deckCharacters(loadDeck({ slidesDir, themesDir }).deck),
        path.resolve("node_modules/.cache/deck-fonts"),
      ),
      ...(offline ? offlinePlugins() : [openFromDiskPlugin()]),
      cspPlugin(),
    ],
    server: { host: "127.0.0.1", port: 5173, strictPort: false, headers },
    preview: { host: "127.0.0.1", port: 4173, headers },
    build: {
      outDir,
      // The offline build adds its one file next to the normal build's output.
      emptyOutDir: !offline,
      target: "es2022",
      // Every browser that runs reveal.js 6 supports modulepreload; the polyfill is dead weight.
      modulePreload: { polyfill: false },
    },
  };
});
