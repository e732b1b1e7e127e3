import path from "node:path";
import { REHEARSAL_FILE } from "../deck/rehearsal.ts";
import { keptCopyOf } from "./build-cache.ts";
import { type BuildInputs, type BuildStamp, inputsUnchangedBut, readStamp } from "./build-stamp.ts";
import { SETTINGS_FILE } from "./read-deck.ts";

/** A last build whose slides alone may be built again: its stamp, and its kept copy. */
export interface QuickCandidate {
  stamp: BuildStamp;
  kept: string;
}

/**
 * The last build, when nothing it was built from changed except the deck's text (its Markdown,
 * deck.yaml, its rehearsal, its source text) and its kept copy is whole: only then may the slides
 * alone be built. Cheap (the inputs' hashes, no deck built), so that a build that needs the
 * bundler starts it at once.
 */
export function quickCandidate(inputs: BuildInputs): QuickCandidate | undefined {
  const stamp = readStamp(inputs);
  const kept = stamp?.quick && keptCopyOf(inputs, stamp);
  if (!stamp || !kept) return undefined;
  const slidesDir = path.resolve(inputs.slidesDir);
  const source = stamp.quick?.source;
  const isText = (file: string) =>
    file === source ||
    (path.dirname(file) === slidesDir &&
      (/\.(?:md|markdown)$/i.test(file) ||
        [SETTINGS_FILE, REHEARSAL_FILE].includes(path.basename(file))));
  return inputsUnchangedBut(inputs, stamp, isText) ? { stamp, kept } : undefined;
}
