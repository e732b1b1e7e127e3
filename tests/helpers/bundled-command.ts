import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { ROOT } from "./deck-server.ts";

const CACHE = path.join(ROOT, "node_modules/.cache/deck-cli");

/**
 * The bundled file of one of src/cli/run.mjs's commands (a worker exists only there): `build
 * --help` bundles them first, when they are not yet current.
 */
export function bundledCommand(name: string): string {
  const help = spawnSync(process.execPath, ["src/cli/run.mjs", "build", "--help"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(help.status).toBe(0);
  const stamp = JSON.parse(readFileSync(path.join(CACHE, "stamp.json"), "utf8")) as { dir: string };
  return path.join(CACHE, stamp.dir, `${name}.mjs`);
}
