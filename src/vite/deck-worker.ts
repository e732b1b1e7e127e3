import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { buildDeck, type DeckInput } from "../deck/build-deck.ts";
import type { DeckAhead } from "./deck-ahead.ts";

/**
 * The worker that builds the deck ahead (see deck-ahead.ts): builds the deck from the input it
 * is given (the slides as the command read them) and posts both.
 */
if (isMainThread || !parentPort) {
  console.error("deck-worker is started by `npm run build`, not on its own");
  process.exit(2);
}
const input = workerData as DeckInput;
const message: DeckAhead = { input, result: buildDeck(input) };
parentPort.postMessage(message);
