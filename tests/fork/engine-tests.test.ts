import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixtureDeck } from "../helpers/deck-server.ts";
import { type Fork, forkWithTalk } from "../helpers/fork.ts";

/*
 * The engine's unit tests, run again in a fork with another talk and no tests/talk/: none of them
 * may lean on the talk in slides/. `npm run test:fork`, run by CI after `npm test`, which already
 * runs them with DECK_DIR pointing nowhere; this catches a test that reads slides/ by its path.
 */

let fork: Fork;
beforeAll(() => {
  fork = forkWithTalk(fixtureDeck("fork"));
});
afterAll(() => fork?.remove());

describe("a fork with another talk in slides/", () => {
  test("passes the engine's unit tests", () => {
    const unit = fork.run(process.execPath, [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "unit",
    ]);
    expect(unit.status, unit.output).toBe(0);
    expect(unit.output).toMatch(/Tests\s+\d+ passed/);
  });
});
