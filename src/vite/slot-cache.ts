import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { pruneOldest, writeCacheFile } from "./cache-file.ts";
import { engineIdentity } from "./engine-identity.ts";

/**
 * A cache that keeps one value for each slot (a slides folder, a deck folder): the last value
 * made there, with the key it was made for. What the engine makes is a pure function of its
 * input and of its code, so a value is taken again only for the same key and the same engine.
 * One value a slot keeps the cache as small as the project.
 */
export interface SlotCache {
  /** The cache's folder, e.g. `node_modules/.cache/deck-model`. */
  dir: string;
  /** What names the code that makes the values (engine-identity.ts). */
  engine: string;
}

/**
 * The cache `name` of the project in `root` (in its node_modules/.cache), for the engine as this
 * process runs it; undefined where nothing is cached (engine-identity.ts).
 */
export function projectCache(root: string, name: string): SlotCache | undefined {
  const engine = engineIdentity(root);
  return engine === undefined
    ? undefined
    : { dir: path.join(root, "node_modules/.cache", name), engine };
}

interface Entry {
  key: string;
  value: unknown;
}

function hash(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The file that holds a slot's value in the cache folder `dir`. */
export function slotFile(dir: string, slot: string): string {
  return path.join(dir, `${hash(path.resolve(slot)).slice(0, 16)}.bin`);
}

function entryKey(cache: SlotCache, key: string): string {
  return hash(`${cache.engine}\0${key}`);
}

/**
 * The value kept in `slot` for `key`, or undefined. It comes back as v8's structured clone gave
 * it (the same as a worker's message), so it is the same value to the last field.
 */
export function readSlot<T>(cache: SlotCache, slot: string, key: string): T | undefined {
  try {
    const entry = deserialize(readFileSync(slotFile(cache.dir, slot))) as Partial<Entry>;
    return entry.key === entryKey(cache, key) ? (entry.value as T) : undefined;
  } catch {
    // None yet, or one that another Node version wrote: the value is made again.
    return undefined;
  }
}

/** How many slots a cache keeps: the folders built last. */
export const SLOTS_KEPT = 16;

/**
 * Keeps `value` in `slot` for `key`, in place of what the slot held; the slot written longest ago
 * goes when there are more than SLOTS_KEPT.
 */
export function writeSlot(cache: SlotCache, slot: string, key: string, value: unknown): void {
  const entry: Entry = { key: entryKey(cache, key), value };
  try {
    writeCacheFile(slotFile(cache.dir, slot), serialize(entry));
    pruneOldest(cache.dir, ".bin", SLOTS_KEPT);
  } catch {
    // A cache that cannot be written costs the next build its time, not its result.
  }
}
