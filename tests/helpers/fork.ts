import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./deck-server.ts";

/** A copy of the project with another talk in its slides/, as a speaker's fork has. */
export interface Fork {
  dir: string;
  /** Runs a command in the fork, with the fork's own defaults: its slides/ and its dist/. */
  run(command: string, args: string[]): { status: number | null; output: string };
  remove(): void;
}

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

/**
 * What a speaker does with the engine: fork the project, put their own talk (`slidesFrom`) in
 * slides/, and delete tests/talk/ (the one step the README asks for).
 */
export function forkWithTalk(slidesFrom: string): Fork {
  const dir = mkdtempSync(path.join(tmpdir(), "deck-fork-"));
  for (const file of projectFiles()) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  spawnSync("git", ["init", "--quiet"], { cwd: dir });
  rmSync(path.join(dir, "slides"), { recursive: true });
  cpSync(slidesFrom, path.join(dir, "slides"), { recursive: true });
  rmSync(path.join(dir, "tests/talk"), { recursive: true, force: true });
  return {
    dir,
    run(command, args) {
      const { DECK_DIR: _deck, DECK_OUT_DIR: _out, ...env } = process.env;
      const result = spawnSync(command, args, {
        cwd: dir,
        encoding: "utf8",
        env: { ...env, NO_COLOR: "1" },
        timeout: 240_000,
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
