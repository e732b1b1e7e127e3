import { spawnSync } from "node:child_process";

/**
 * Runs `npm run <script> -- <args>` in `cwd` as a user runs it, and returns the milliseconds from
 * the process's start to its exit (npm's own start included); throws with its errors if it fails.
 */
export function timeNpmScript(
  cwd: string,
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): number {
  const started = performance.now();
  const run = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    cwd,
    env,
    encoding: "utf8",
    timeout: 300_000,
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`npm run ${script} failed:\n${run.stderr}`);
  return ms;
}
