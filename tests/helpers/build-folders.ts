import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { keptBuildDir } from "../../src/vite/build-cache.ts";
import { filesUnder, stampFile } from "../../src/vite/build-stamp.ts";
import { slotFile } from "../../src/vite/slot-cache.ts";
import { ROOT } from "./deck-server.ts";

/**
 * Temporary folders for builds to read and write, and `removeAll`, which removes them with what a
 * build keeps of each in node_modules/.cache (its stamp, its kept copy, its deck).
 */
export function buildFolders() {
  const made: string[] = [];
  return {
    make(prefix: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of made.splice(0)) {
        rmSync(dir, { recursive: true, force: true });
        rmSync(keptBuildDir(ROOT, dir), { recursive: true, force: true });
        rmSync(stampFile(ROOT, dir), { force: true });
        rmSync(slotFile(path.join(ROOT, "node_modules/.cache/deck-model"), dir), { force: true });
      }
    },
  };
}

// Every file of a folder, by its path in it, with its bytes.
function contents(dir: string): Map<string, string> {
  return new Map(
    filesUnder(dir).map((file) => [
      path.relative(dir, file),
      readFileSync(file).toString("base64"),
    ]),
  );
}

/** Expects the folder `actual` to hold the files of `expected`, byte for byte, and no other. */
export function expectSameFiles(actual: string, expected: string): void {
  const want = contents(expected);
  const have = contents(actual);
  expect([...have.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [file, bytes] of want) expect(have.get(file), file).toBe(bytes);
}
