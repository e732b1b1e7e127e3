import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { pruneOldest } from "../../src/vite/cache-file.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("a cache folder pruned to its newest entries", () => {
  test("loses the entries written longest ago, with the folders that go with them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prune-"));
    made.push(dir);
    // Five builds' stamps and kept copies, written a second apart; a file of another kind.
    for (let index = 0; index < 5; index++) {
      const stamp = path.join(dir, `build-${index}.json`);
      writeFileSync(stamp, "{}");
      mkdirSync(path.join(dir, `build-${index}`));
      writeFileSync(path.join(dir, `build-${index}`, "index.html"), "<!doctype html>");
      utimesSync(stamp, 1000 + index, 1000 + index);
    }
    writeFileSync(path.join(dir, "notes.txt"), "not an entry");
    pruneOldest(dir, ".json", 3, (name) => [name.replace(/\.json$/, "")]);
    expect(readdirSync(dir).sort()).toEqual([
      "build-2",
      "build-2.json",
      "build-3",
      "build-3.json",
      "build-4",
      "build-4.json",
      "notes.txt",
    ]);
  });

  test("does nothing to a folder that is not there", () => {
    const missing = path.join(tmpdir(), "prune-missing-folder");
    pruneOldest(missing, ".json", 1);
    expect(existsSync(missing)).toBe(false);
  });
});
