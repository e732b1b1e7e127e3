import path from "node:path";
import { defineConfig } from "vitest/config";

// What browser tests need: Chromium under load takes its time; reveal.js writes the URL at most
// once a second and transitions run for 0.8 s. Tests poll for the condition itself, generously.
const browserTests = {
  environment: "node",
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 120_000,
  expect: { poll: { timeout: 15_000, interval: 50 } },
} as const;

// Each worker imports Vite, the engine and the drivers once, not once per test file (isolate:
// false): the files share no state but what they clean up (servers, browsers, temporary folders,
// the environment they set), and the unit tests run in less than half the time.

// The engine's tests build the decks in tests/fixtures/ and never read slides/: if one fell back
// on the default deck, it would find none here and fail, instead of passing on this talk only.
const engineEnv = {
  DECK_DIR: path.resolve("tests/fixtures/decks/engine-tests-read-no-default-deck"),
};

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
          isolate: false,
          env: engineEnv,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          env: engineEnv,
          ...browserTests,
        },
      },
      // The talk's own tests, the only ones that read slides/; a fork with another talk deletes them.
      { test: { name: "talk", include: ["tests/talk/**/*.test.ts"], ...browserTests } },
      // The engine's unit tests again, in a fork with another talk (`npm run test:fork`, in CI).
      {
        test: {
          name: "fork",
          include: ["tests/fork/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
        },
      },
      // Firefox and WebKit (`npm run test:browsers`), each where it is installed; not in `npm test`.
      {
        test: {
          name: "engines",
          include: ["tests/engines/**/*.test.ts"],
          env: engineEnv,
          ...browserTests,
        },
      },
    ],
  },
});
