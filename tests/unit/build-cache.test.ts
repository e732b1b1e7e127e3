import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { keepBuild, keptBuildDir, restoreBuild } from "../../src/vite/build-cache.ts";
import {
  type BuildInputs,
  currentStamp,
  filesUnder,
  saveStamp,
  stampBuild,
} from "../../src/vite/build-stamp.ts";

let root: string;
let where: BuildInputs;
const out = (file: string) => path.join(root, "dist", file);

// A project of its own with a "built" output folder, stamped and kept as a build leaves it.
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "deck-kept-"));
  for (const folder of ["src", "themes", "slides", "dist/assets"]) {
    mkdirSync(path.join(root, folder), { recursive: true });
  }
  writeFileSync(path.join(root, "src/main.ts"), "code");
  writeFileSync(path.join(root, "slides/01.md"), "# One");
  writeFileSync(out("index.html"), "<html>built");
  writeFileSync(out("assets/index.js"), "js");
  writeFileSync(out("talk.html"), "single");
  where = { root, slidesDir: path.join(root, "slides"), outDir: path.join(root, "dist") };
  saveStamp(where, stampBuild(where, [], out("talk.html"), ["a warning"]));
  keepBuild(where);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the kept copy of the last build", () => {
  test("gives a removed output folder back, which is then current", () => {
    rmSync(path.join(root, "dist"), { recursive: true });
    const stamp = restoreBuild(where);
    expect(stamp?.singleFile).toBe(out("talk.html"));
    expect(stamp?.lines).toEqual(["a warning"]);
    expect(readFileSync(out("assets/index.js"), "utf8")).toBe("js");
    expect(readFileSync(out("talk.html"), "utf8")).toBe("single");
    expect(currentStamp(where)).toBeDefined();
  });

  test("undoes edits, additions and removals in the output folder", () => {
    writeFileSync(out("talk.html"), "edited");
    writeFileSync(out("notes.txt"), "added");
    rmSync(out("assets/index.js"));
    expect(restoreBuild(where)).toBeDefined();
    expect(filesUnder(path.join(root, "dist")).map((file) => path.relative(root, file))).toEqual([
      "dist/assets/index.js",
      "dist/index.html",
      "dist/talk.html",
    ]);
    expect(readFileSync(out("talk.html"), "utf8")).toBe("single");
  });

  test.each([
    ["a slide changed", () => writeFileSync(path.join(root, "slides/01.md"), "# Uno")],
    ["the engine changed", () => writeFileSync(path.join(root, "src/main.ts"), "code 2")],
    [
      "the copy lost a file",
      () => rmSync(path.join(keptBuildDir(root, where.outDir), "talk.html")),
    ],
    ["there is no copy", () => rmSync(keptBuildDir(root, where.outDir), { recursive: true })],
  ])("is not given back when %s: the folder is left for a build", (_what, change) => {
    rmSync(path.join(root, "dist"), { recursive: true });
    change();
    expect(restoreBuild(where)).toBeUndefined();
    expect(filesUnder(path.join(root, "dist"))).toEqual([]);
  });
});
