import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DeckInput } from "../deck/build-deck.ts";
import type { Deck, Result } from "../deck/model.ts";
import { type DeckLocation, readDeck } from "./read-deck.ts";
import { projectCache, readSlot, writeSlot } from "./slot-cache.ts";

/** A deck built by the worker, with the input it was built from. */
export interface DeckAhead {
  input: DeckInput;
  result: Result<Deck>;
}

// The worker is a command of its own in the bundled CLI (src/cli/run.mjs), next to this code.
const WORKER_FILE = new URL("./deck-worker.mjs", import.meta.url);

/**
 * Starts building the deck on another thread while this one loads the bundler: the Markdown
 * pipeline's first run is mostly the JIT warming up, which the idle core can do meanwhile. A deck
 * whose slides are as the last build of the same engine read them is taken from the cache
 * (slot-cache.ts), with no thread at all. Resolves to undefined when there is no worker (the
 * sources run as TypeScript) or it failed; the caller then builds the deck itself, so the result
 * is the same either way.
 */
export function buildDeckAhead(location: DeckLocation): Promise<DeckAhead | undefined> {
  if (!existsSync(fileURLToPath(WORKER_FILE))) return Promise.resolve(undefined);
  const input = readDeck(location).value;
  const cache = projectCache(path.dirname(location.themesDir), "deck-model");
  // Building a deck is a pure function of its input: the slides as read, which is the key.
  const key = JSON.stringify(input);
  const cached = cache && readSlot<Result<Deck>>(cache, location.slidesDir, key);
  if (cached) return Promise.resolve({ input, result: cached });
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_FILE, { workerData: input });
    worker.once("message", (message: DeckAhead) => {
      if (cache) writeSlot(cache, location.slidesDir, key, message.result);
      resolve(message);
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
}
