import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  type BuildInputs,
  currentStamp,
  saveStamp,
  slidesRead,
  stampBuild,
} from "../../src/vite/build-stamp.ts";

let root: string;
let where: BuildInputs;

// A project of its own: engine folders, a deck, and a "built" output folder.
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "deck-stamp-"));
  for (const folder of ["src", "themes", "slides", "dist/assets", "elsewhere"]) {
    mkdirSync(path.join(root, folder), { recursive: true });
  }
  writeFileSync(path.join(root, "src/main.ts"), "code");
  writeFileSync(path.join(root, "themes/default.css"), "css");
  writeFileSync(path.join(root, "slides/01.md"), "# One");
  writeFileSync(path.join(root, "elsewhere/pier.jpg"), "photo");
  writeFileSync(path.join(root, "index.html"), "<html>");
  writeFileSync(path.join(root, "dist/index.html"), "<html>built");
  writeFileSync(path.join(root, "dist/assets/index.js"), "js");
  writeFileSync(path.join(root, "dist/talk.html"), "single");
  where = { root, slidesDir: path.join(root, "slides"), outDir: path.join(root, "dist") };
  const extra = [path.join(root, "elsewhere/pier.jpg")];
  saveStamp(where, stampBuild(where, extra, path.join(root, "dist/talk.html"), ["a warning"]));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the build stamp", () => {
  test.each([
    ["saved", () => writeFileSync(path.join(root, "slides/01.md"), "# Uno")],
    ["added", () => writeFileSync(path.join(root, "slides/02.md"), "# Two")],
    ["removed", () => rmSync(path.join(root, "slides/01.md"))],
  ])("takes a slide %s while the build ran for not built: the next build builds", (_, edit) => {
    const read = slidesRead(where);
    edit();
    const single = path.join(root, "dist/talk.html");
    saveStamp(where, stampBuild(where, [], single, [], read));
    expect(currentStamp(where)).toBeUndefined();
    // Stamped as the files are now, the same output would be taken for current.
    saveStamp(where, stampBuild(where, [], single, [], slidesRead(where)));
    expect(currentStamp(where)?.singleFile).toBe(single);
  });

  test("says the output folder is current when nothing changed, even files touched", () => {
    utimesSync(path.join(root, "slides/01.md"), new Date(), new Date(2030, 1, 1));
    const stamp = currentStamp(where);
    expect(stamp?.singleFile).toBe(path.join(root, "dist/talk.html"));
    expect(stamp?.lines).toEqual(["a warning"]);
  });

  test.each([
    ["a slide's text", () => writeFileSync(path.join(root, "slides/01.md"), "# Uno")],
    ["a new slide file", () => writeFileSync(path.join(root, "slides/02.md"), "# Two")],
    ["a slide file removed", () => rmSync(path.join(root, "slides/01.md"))],
    ["the engine's code", () => writeFileSync(path.join(root, "src/main.ts"), "code 2")],
    ["a theme", () => writeFileSync(path.join(root, "themes/dark.css"), "dark")],
    [
      "a file the build read outside",
      () => writeFileSync(path.join(root, "elsewhere/pier.jpg"), "new"),
    ],
    ["an output file edited", () => writeFileSync(path.join(root, "dist/talk.html"), "edited")],
    ["an output file removed", () => rmSync(path.join(root, "dist/assets/index.js"))],
    ["a file added to the output", () => writeFileSync(path.join(root, "dist/extra.txt"), "x")],
    [
      "packages installed",
      () => {
        mkdirSync(path.join(root, "node_modules"), { recursive: true });
        writeFileSync(path.join(root, "node_modules/.package-lock.json"), "{}");
      },
    ],
  ])("asks for a build after %s", (_what, change) => {
    change();
    expect(currentStamp(where)).toBeUndefined();
  });

  test("asks for a build of another slides folder into the same output folder", () => {
    mkdirSync(path.join(root, "other"));
    expect(currentStamp({ ...where, slidesDir: path.join(root, "other") })).toBeUndefined();
  });
});
