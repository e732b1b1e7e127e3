import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What names the engine's code as this process runs it, for the caches of what that code makes:
 * this bundled file (src/cli/run.mjs bundles into a new folder whenever a file of the engine
 * changes), the packages as installed (KaTeX and QR codes are loaded from node_modules) and Node's
 * version. Undefined when the sources run as TypeScript (the tests), where a
 * source edited under a cache would not change the name: nothing is cached there.
 */
export function engineIdentity(root: string): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".mjs")) return undefined;
  const installed = statSync(path.join(root, "node_modules/.package-lock.json"), {
    throwIfNoEntry: false,
  });
  return [here, installed?.size, installed?.mtimeMs, process.version].join("\n");
}
