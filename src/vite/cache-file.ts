import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a file of the build cache whole or not at all: builds run side by side (tests, a fork's
 * commands) and one must never read half of what another is writing.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/**
 * Removes all but the `keep` newest entries of a cache folder whose names end in `suffix` (by
 * the time they were written), with `companions(name)`, the files and folders that go with each.
 * Caches kept by the folder a deck is built from or into would otherwise grow with every folder
 * ever built (a test's temporary folders, a speaker's other decks). Best effort: an entry another
 * build removes meanwhile is skipped.
 */
export function pruneOldest(
  dir: string,
  suffix: string,
  keep: number,
  companions: (name: string) => string[] = () => [],
): void {
  let entries: { name: string; written: number }[];
  try {
    entries = readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .map((name) => ({ name, written: statSync(path.join(dir, name)).mtimeMs }));
  } catch {
    return;
  }
  entries.sort((a, b) => b.written - a.written);
  for (const { name } of entries.slice(keep)) {
    for (const file of [name, ...companions(name)]) {
      rmSync(path.join(dir, file), { recursive: true, force: true });
    }
  }
}
