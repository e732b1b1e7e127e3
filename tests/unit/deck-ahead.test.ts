import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, test } from "vitest";
import { buildDeck, type DeckInput } from "../../src/deck/build-deck.ts";
import { buildDeckAhead, type DeckAhead } from "../../src/vite/deck-ahead.ts";
import { readDeck } from "../../src/vite/read-deck.ts";
import { bundledCommand } from "../helpers/bundled-command.ts";
import { fixtureDeck, ROOT } from "../helpers/deck-server.ts";

const themesDir = path.join(ROOT, "themes");

function runWorker(file: string, input: DeckInput): Promise<DeckAhead> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: input });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

describe("the deck built ahead, on another thread", () => {
  test.each(["authoring", "engine"])(
    "is the deck built here, to the last field, for the %s fixture",
    async (name) => {
      const slidesDir = fixtureDeck(name);
      const input = readDeck({ slidesDir, themesDir }).value;
      const ahead = await runWorker(bundledCommand("deck-worker"), input);
      expect(ahead.input).toStrictEqual(input);
      expect(ahead.result).toStrictEqual(buildDeck(input));
      expect(ahead.result.value.slides.length).toBeGreaterThan(3);
    },
  );

  test("is not built when the commands run from their TypeScript sources", async () => {
    await expect(
      buildDeckAhead({ slidesDir: fixtureDeck("engine"), themesDir }),
    ).resolves.toBeUndefined();
  });
});
