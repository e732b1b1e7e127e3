import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { buildDeck } from "../deck/build-deck.ts";
import type { DeckAhead } from "./deck-ahead.ts";
import { type DeckLocation, readDeck } from "./read-deck.ts";

/**
 * The worker that builds the deck ahead (see deck-ahead.ts): reads the slides folder it is
 * given and posts the input it read with the deck built from it.
 */
if (isMainThread || !parentPort) {
  console.error("deck-worker is started by `npm run build`, not on its own");
  process.exit(2);
}
const location = workerData as DeckLocation;
const input = readDeck(location).value;
const message: DeckAhead = { input, result: buildDeck(input) };
parentPort.postMessage(message);
