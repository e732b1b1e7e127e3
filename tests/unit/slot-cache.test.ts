import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  projectCache,
  readSlot,
  SLOTS_KEPT,
  type SlotCache,
  slotFile,
  writeSlot,
} from "../../src/vite/slot-cache.ts";
import { ROOT } from "../helpers/deck-server.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheIn(engine = "engine one"): SlotCache {
  const dir = mkdtempSync(path.join(tmpdir(), "slot-cache-"));
  made.push(dir);
  return { dir, engine };
}

describe("a cache of one value a slot", () => {
  test("gives back what was kept for the same key, to the last field", () => {
    const cache = cacheIn();
    expect(readSlot(cache, "/decks/a", "key")).toBeUndefined();
    const value = { slides: [{ title: "One", notes: undefined }], seen: new Set(["x"]) };
    writeSlot(cache, "/decks/a", "key", value);
    expect(readSlot(cache, "/decks/a", "key")).toStrictEqual(value);
  });

  test("gives nothing for another key, another engine or another slot", () => {
    const cache = cacheIn();
    writeSlot(cache, "/decks/a", "key", "kept");
    expect(readSlot(cache, "/decks/a", "other key")).toBeUndefined();
    expect(readSlot({ ...cache, engine: "engine two" }, "/decks/a", "key")).toBeUndefined();
    expect(readSlot(cache, "/decks/b", "key")).toBeUndefined();
  });

  test("holds one value a slot: the last written", () => {
    const cache = cacheIn();
    writeSlot(cache, "/decks/a", "first", 1);
    writeSlot(cache, "/decks/a", "second", 2);
    expect(readSlot(cache, "/decks/a", "first")).toBeUndefined();
    expect(readSlot(cache, "/decks/a", "second")).toBe(2);
  });

  test("takes a damaged entry for none", () => {
    const cache = cacheIn();
    writeSlot(cache, "/decks/a", "key", "kept");
    const [entry = ""] = readdirSync(cache.dir);
    writeFileSync(path.join(cache.dir, entry), "not what v8 wrote");
    expect(readSlot(cache, "/decks/a", "key")).toBeUndefined();
  });

  test(`keeps the ${SLOTS_KEPT} slots written last`, () => {
    const cache = cacheIn();
    const slots = Array.from({ length: SLOTS_KEPT + 2 }, (_, index) => `/decks/${index}`);
    slots.forEach((slot, index) => {
      writeSlot(cache, slot, "key", index);
      // Written a second apart, as builds are: the order does not hang on the clock's grain.
      utimesSync(slotFile(cache.dir, slot), index + 1, index + 1);
    });
    expect(readdirSync(cache.dir)).toHaveLength(SLOTS_KEPT);
    expect(readSlot(cache, slots[0] ?? "", "key")).toBeUndefined();
    expect(readSlot(cache, slots[1] ?? "", "key")).toBeUndefined();
    expect(readSlot(cache, slots.at(-1) ?? "", "key")).toBe(SLOTS_KEPT + 1);
  });

  test("caches nothing where the engine runs from its TypeScript sources", () => {
    expect(projectCache(ROOT, "deck-model")).toBeUndefined();
  });
});
