import { spawn, spawnSync } from "node:child_process";
import { ROOT } from "./deck-server.ts";

// As package.json runs it: the engine bundled once by the launcher, then plain JavaScript.
const CLI = ["src/cli/run.mjs", "export"];

/** Runs the export command line (what `npm run pdf` / `npm run handout` run after building). */
export function runExport(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", ...env },
    encoding: "utf8",
    timeout: 90_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts the export command line in the background. */
export function startExport(args: readonly string[]) {
  return spawn(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
  });
}

/** Every process below `pid`, found through /proc's parent links. */
export function descendants(pid: number): number[] {
  const table = spawnSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).stdout;
  const children = new Map<number, number[]>();
  for (const line of table.trim().split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const visit = (id: number) => {
    for (const child of children.get(id) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** True while a process is running (zombies count as gone). */
export function isRunning(pid: number): boolean {
  const state = spawnSync("ps", ["-o", "stat=", "-p", String(pid)], {
    encoding: "utf8",
  }).stdout.trim();
  return state !== "" && !state.startsWith("Z");
}
