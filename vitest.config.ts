import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser test files each launch Chromium and a server; two at once fits 2-core machines.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Browsers under load take their time: reveal.js writes the URL at most once a second,
          // transitions run for 0.8 s. Poll for the condition itself, generously.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
