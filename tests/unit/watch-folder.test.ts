import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { watchFolder } from "../../src/vite/watch-folder.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A watched temporary folder, and the files it has reported so far. */
function watched() {
  const dir = mkdtempSync(path.join(tmpdir(), "deck-watch-"));
  const seen: string[] = [];
  const stop = watchFolder(dir, (file) => seen.push(path.relative(dir, file)));
  cleanups.push(() => {
    stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, seen };
}

describe("watchFolder", () => {
  test("reports a file written, renamed away and back, and written again", async () => {
    const { dir, seen } = watched();
    const file = path.join(dir, "02-more.md");
    writeFileSync(file, "## One\n");
    await expect.poll(() => seen).toContain("02-more.md");
    renameSync(file, path.join(dir, "00-more.md"));
    await expect.poll(() => seen).toContain("00-more.md");
    renameSync(path.join(dir, "00-more.md"), file);
    seen.length = 0;
    writeFileSync(file, "## Two\n");
    await expect.poll(() => seen).toContain("02-more.md");
  });

  test("reports a save by rename, and files in a folder made after the watch began", async () => {
    const { dir, seen } = watched();
    writeFileSync(path.join(dir, "talk.md.tmp"), "## New\n");
    renameSync(path.join(dir, "talk.md.tmp"), path.join(dir, "talk.md"));
    await expect.poll(() => seen).toContain("talk.md");
    mkdirSync(path.join(dir, "img"));
    await expect.poll(() => seen).toContain("img");
    writeFileSync(path.join(dir, "img", "chart.svg"), "<svg/>");
    await expect.poll(() => seen).toContain(path.join("img", "chart.svg"));
  });

  test("watches nothing, and throws nothing, for a folder that is not there", () => {
    const stop = watchFolder(path.join(tmpdir(), "deck-watch-missing", "slides"), () => undefined);
    expect(stop).not.toThrow();
  });

  test("stops reporting once stopped", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "deck-watch-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const seen: string[] = [];
    const stop = watchFolder(dir, (file) => seen.push(file));
    writeFileSync(path.join(dir, "a.md"), "## A\n");
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    stop();
    const before = seen.length;
    writeFileSync(path.join(dir, "b.md"), "## B\n");
    // A second watch of the same folder sees b.md: by then the stopped one would have, too.
    const later: string[] = [];
    const other = watchFolder(dir, (file) => later.push(path.basename(file)));
    writeFileSync(path.join(dir, "c.md"), "## C\n");
    await expect.poll(() => later).toContain("c.md");
    other();
    expect(seen.length).toBe(before);
  });
});
