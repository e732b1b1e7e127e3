import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import {
  type BuildInputs,
  type BuildStamp,
  filesUnder,
  inputsUnchanged,
  readStamp,
  saveStamp,
  stampFile,
  stampOutputs,
} from "./build-stamp.ts";
import { pruneOldest } from "./cache-file.ts";
import { replaceFolder } from "./replace-folder.ts";
import { unfinished } from "./unfinished-builds.ts";

/** Where the copy of the last build into `outDir` is kept: beside its stamp. */
export function keptBuildDir(root: string, outDir: string): string {
  return stampFile(root, outDir).replace(/\.json$/, "");
}

/**
 * Keeps a copy of the output folder that was just built and stamped, so that the same files can
 * be given back without building when the folder is removed or edited. Best effort: a copy that
 * cannot be made (disk full, another build replacing it) leaves none, never half of one.
 */
export function keepBuild(inputs: BuildInputs): void {
  const kept = keptBuildDir(inputs.root, inputs.outDir);
  const staging = `${kept}.${process.pid}.partial`;
  try {
    cpSync(inputs.outDir, staging, { recursive: true });
    replaceFolder(staging, kept);
    // The stamps and copies of the output folders built longest ago go (a stamp is its folder's
    // name, hashed, with `.json`); a folder built again is then built in full once.
    pruneOldest(path.dirname(kept), ".json", BUILDS_KEPT, (name) => [
      name.slice(0, -".json".length),
    ]);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** How many output folders' stamps and copies are kept: those built last. */
export const BUILDS_KEPT = 16;

/**
 * When the output folder was removed or edited since the last build but nothing it was built
 * from changed, puts that build's files back (the kept copy) and returns its stamp, renewed;
 * undefined when a build is needed.
 */
export function restoreBuild(inputs: BuildInputs): BuildStamp | undefined {
  const stamp = readStamp(inputs);
  const kept = stamp && keptCopyOf(inputs, stamp);
  if (!stamp || !kept) return undefined;
  if (!inputsUnchanged(inputs, stamp)) return undefined;
  const outDir = path.resolve(inputs.outDir);
  const staging = mkdtempSync(`${outDir}.restoring-`);
  unfinished.add(staging);
  try {
    cpSync(kept, staging, { recursive: true });
    replaceFolder(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    unfinished.delete(staging);
  }
  const renewed: BuildStamp = { ...stamp, outputs: stampOutputs(outDir) };
  saveStamp(inputs, renewed);
  return renewed;
}

/** The kept copy of the stamped build, when it holds what that build wrote, and nothing else. */
export function keptCopyOf(inputs: BuildInputs, stamp: BuildStamp): string | undefined {
  const kept = keptBuildDir(inputs.root, inputs.outDir);
  return existsSync(kept) && holdsOutputs(kept, inputs.outDir, stamp) ? kept : undefined;
}

// The kept copy has the files the stamped build wrote, at their sizes, and no other.
function holdsOutputs(kept: string, outDir: string, stamp: BuildStamp): boolean {
  const outputs = Object.entries(stamp.outputs);
  if (filesUnder(kept).length !== outputs.length) return false;
  return outputs.every(([file, [size]]) => {
    const copy = path.join(kept, path.relative(path.resolve(outDir), file));
    return statSync(copy, { throwIfNoEntry: false })?.size === size;
  });
}
