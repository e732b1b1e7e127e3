import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixtureDeck, ROOT } from "../helpers/deck-server.ts";
import { readPdf } from "../helpers/read-pdf.ts";

/*
 * What a speaker does with the engine: fork the project, put their own talk in slides/, and
 * delete tests/talk/ (the one step the README asks for). In a copy of the project, the engine's
 * checks and commands must then pass on that talk. The browser tests are not run again here:
 * they already run with DECK_DIR pointing nowhere (vitest.config.ts), so none of them reads the
 * default deck, whatever it is.
 */

let fork: string;

/** The project's own files: what git tracks, or would (a fork of this working tree). */
function projectFiles(): string[] {
  const listed = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout
    .split("\n")
    .filter((file) => file !== "" && existsSync(path.join(ROOT, file)));
}

function run(command: string, args: string[]) {
  // The fork's own defaults, its slides/ and its dist/, as a speaker runs the commands.
  const { DECK_DIR: _deck, DECK_OUT_DIR: _out, ...env } = process.env;
  const result = spawnSync(command, args, {
    cwd: fork,
    encoding: "utf8",
    env: { ...env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  fork = mkdtempSync(path.join(tmpdir(), "deck-fork-"));
  for (const file of projectFiles()) {
    mkdirSync(path.dirname(path.join(fork, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(fork, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(fork, "node_modules"), "dir");
  spawnSync("git", ["init", "--quiet"], { cwd: fork });
  rmSync(path.join(fork, "slides"), { recursive: true });
  cpSync(fixtureDeck("fork"), path.join(fork, "slides"), { recursive: true });
  // A fork may have deleted the talk's tests already, as the README says to.
  rmSync(path.join(fork, "tests/talk"), { recursive: true, force: true });
});

afterAll(() => {
  if (fork) rmSync(fork, { recursive: true, force: true });
});

describe("a fork with another talk in slides/", () => {
  test("passes the typecheck, the lint of the project's code, and the engine's unit tests", () => {
    for (const script of ["typecheck", "lint"]) {
      const result = run("npm", ["run", "--silent", script]);
      expect(result.output, `npm run ${script}`).not.toMatch(/error/i);
      expect(result.status, result.output).toBe(0);
    }
    const unit = run(process.execPath, [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "unit",
    ]);
    expect(unit.status, unit.output).toBe(0);
    expect(unit.output).toMatch(/Tests\s+\d+ passed/);
  });

  test("checks clean, and builds, prints and hands out the new talk", async () => {
    const check = run("npm", ["run", "--silent", "check"]);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain(
      "4 slides checked, rendered at 1280x720 and 1920x1080: 0 errors, 0 warnings",
    );

    const pdf = run("npm", ["run", "--silent", "pdf"]);
    expect(pdf.status, pdf.output).toBe(0);
    expect(readdirSync(path.join(fork, "dist")).sort()).toEqual([
      "assets",
      "index.html",
      "sourdough-for-engineers.html",
    ]);
    const slides = await readPdf(path.join(fork, "exports/sourdough-for-engineers.pdf"));
    expect(slides.pages).toBe(4);
    expect(slides.info).toMatchObject({ Title: "Sourdough for engineers", Author: "Grace Hopper" });
    const { width, height } = await slides.size(1);
    expect(width / height).toBeCloseTo(4 / 3, 2);

    const handout = run("npm", ["run", "--silent", "handout"]);
    expect(handout.status, handout.output).toBe(0);
    const printed = await readPdf(path.join(fork, "exports/sourdough-for-engineers-handout.pdf"));
    expect(await printed.text(1)).toContain("Bread & Bytes Night");
  });
});
