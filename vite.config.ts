import path from "node:path";
import { defineConfig } from "vite";
import { cspPlugin } from "./src/vite/csp.ts";
import { deckPlugin } from "./src/vite/deck-plugin.ts";

// DECK_DIR builds another slides folder (tests and forks use it); the default is ./slides.
const slidesDir = path.resolve(process.env.DECK_DIR ?? "slides");

export default defineConfig({
  // Relative asset URLs, so the built deck works from any folder or sub-path.
  base: "./",
  plugins: [deckPlugin({ slidesDir, themesDir: path.resolve("themes") }), cspPlugin()],
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1", port: 4173 },
  build: { outDir: process.env.DECK_OUT_DIR ?? "dist", emptyOutDir: true, target: "es2022" },
});
