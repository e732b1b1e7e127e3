import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { writeCacheFile } from "./cache-file.ts";
import type { QuickRecipe } from "./quick-build.ts";

/**
 * What a build was made from and what it wrote: enough to tell, without building, that building
 * again would write the same files. Kept in node_modules/.cache, never in the output folder.
 */
export interface BuildStamp {
  /** The slides folder built. */
  slidesDir: string;
  /** Every input file (absolute path) and the SHA-1 of its content, or "" when it was missing. */
  inputs: Record<string, string>;
  /** Every file written (absolute path), with its size and modification time. */
  outputs: Record<string, [number, number]>;
  /** The single-file deck among them. */
  singleFile: string;
  /** The lines the build printed about the deck (its warnings), printed again when it is skipped. */
  lines: string[];
  /** What a build of changed slides alone compares and replaces (quick-build.ts). */
  quick?: QuickRecipe | undefined;
}

/** The folders and files a build of a deck reads, besides what the bundler's module graph names. */
export interface BuildInputs {
  root: string;
  slidesDir: string;
  outDir: string;
}

// The engine (its code, its themes, its page), the deck, and the packages installed: npm rewrites
// node_modules/.package-lock.json whenever it changes node_modules.
function inputFolders(inputs: BuildInputs): string[] {
  return [
    inputs.slidesDir,
    path.join(inputs.root, "src"),
    path.join(inputs.root, "themes"),
    path.join(inputs.root, "public"),
  ];
}

function inputFiles(inputs: BuildInputs): string[] {
  return ["index.html", "vite.config.ts", "package.json", "node_modules/.package-lock.json"].map(
    (file) => path.join(inputs.root, file),
  );
}

/** Every file under a folder, recursively, skipping dot files; none when it does not exist. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function contentHash(file: string): string {
  if (!existsSync(file)) return "";
  return createHash("sha1").update(readFileSync(file)).digest("hex");
}

/** The stamp's file for an output folder. */
export function stampFile(root: string, outDir: string): string {
  const key = createHash("sha1").update(path.resolve(outDir)).digest("hex").slice(0, 16);
  return path.join(root, "node_modules/.cache/deck-build", `${key}.json`);
}

/**
 * The stamp of a build that just finished: the deck's folders, the engine's files and `extra`
 * (the bundler's inputs outside them, e.g. an image beside the slides folder), and every file
 * now in the output folder.
 */
export function stampBuild(
  inputs: BuildInputs,
  extra: readonly string[],
  singleFile: string,
  lines: readonly string[],
  readFirst?: Readonly<Record<string, string>>,
): BuildStamp {
  const files = new Set([
    ...inputFolders(inputs).flatMap(filesUnder),
    ...inputFiles(inputs),
    ...Object.keys(readFirst ?? {}),
  ]);
  for (const file of extra) files.add(path.resolve(file));
  const slidesDir = path.resolve(inputs.slidesDir) + path.sep;
  // The slides as they were when the build read them (`slidesRead`): a file saved meanwhile is
  // then built again next time, not taken for built; one added meanwhile was not read ("").
  const hashOf = (file: string) =>
    readFirst === undefined
      ? contentHash(file)
      : (readFirst[file] ?? (file.startsWith(slidesDir) ? "" : contentHash(file)));
  const stamp: BuildStamp = {
    slidesDir: path.resolve(inputs.slidesDir),
    inputs: {},
    outputs: {},
    singleFile,
    lines: [...lines],
  };
  for (const file of [...files].sort()) stamp.inputs[file] = hashOf(file);
  stamp.outputs = stampOutputs(inputs.outDir);
  return stamp;
}

/**
 * The slides folder's files and their hashes, taken as a build starts reading them: what
 * `stampBuild` records for them, whatever is saved while the build runs.
 */
export function slidesRead(inputs: BuildInputs): Record<string, string> {
  return Object.fromEntries(
    filesUnder(path.resolve(inputs.slidesDir)).map((file) => [file, contentHash(file)]),
  );
}

/** Saves a build's stamp (atomically: a command reading it meanwhile sees the old one whole). */
export function saveStamp(inputs: BuildInputs, stamp: BuildStamp): void {
  writeCacheFile(stampFile(inputs.root, inputs.outDir), JSON.stringify(stamp));
}

/** The stamp of the last build into `outDir`, when it was of this slides folder. */
export function readStamp(inputs: BuildInputs): BuildStamp | undefined {
  const file = stampFile(inputs.root, inputs.outDir);
  if (!existsSync(file)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(file, "utf8")) as BuildStamp;
    return stamp.slidesDir === path.resolve(inputs.slidesDir) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the output folder holds exactly what the stamped build wrote, untouched. */
export function outputsUnchanged(inputs: BuildInputs, stamp: BuildStamp): boolean {
  const outputs = filesUnder(inputs.outDir);
  if (outputs.length !== Object.keys(stamp.outputs).length) return false;
  return outputs.every((output) => {
    const recorded = stamp.outputs[output];
    const stat = statSync(output);
    return recorded !== undefined && recorded[0] === stat.size && recorded[1] === stat.mtimeMs;
  });
}

/**
 * Whether building now would read the same files as the stamped build: no input changed, none
 * was added to the deck's or the engine's folders.
 */
export function inputsUnchanged(inputs: BuildInputs, stamp: BuildStamp): boolean {
  return inputsUnchangedBut(inputs, stamp, () => false);
}

/**
 * `inputsUnchanged`, except for the files `skipped` says may have changed, appeared or gone
 * (a deck's text, for a build of its slides alone: quick-build.ts).
 */
export function inputsUnchangedBut(
  inputs: BuildInputs,
  stamp: BuildStamp,
  skipped: (file: string) => boolean,
): boolean {
  const now = [...inputFolders(inputs).flatMap(filesUnder), ...inputFiles(inputs)];
  if (now.some((input) => !(input in stamp.inputs) && !skipped(input))) return false;
  return Object.entries(stamp.inputs).every(
    ([input, hash]) => skipped(input) || contentHash(input) === hash,
  );
}

/** The stamp's outputs, as the output folder holds them now. */
export function stampOutputs(outDir: string): BuildStamp["outputs"] {
  const outputs: BuildStamp["outputs"] = {};
  for (const file of filesUnder(outDir)) {
    const stat = statSync(file);
    outputs[file] = [stat.size, stat.mtimeMs];
  }
  return outputs;
}

/**
 * The stamp of the last build into `outDir`, when building now would write the same files: the
 * inputs are unchanged, and the output folder holds exactly what that build wrote, untouched.
 */
export function currentStamp(inputs: BuildInputs): BuildStamp | undefined {
  const stamp = readStamp(inputs);
  // Outputs first: their check is a stat per file, the inputs' a hash.
  if (!stamp || !outputsUnchanged(inputs, stamp)) return undefined;
  return inputsUnchanged(inputs, stamp) ? stamp : undefined;
}
