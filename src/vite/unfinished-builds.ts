import { rmSync } from "node:fs";

/** The folders of builds under way in this process (see buildDeckFolder). */
export const unfinished = new Set<string>();

/** Removes the folders of builds still under way; for a command interrupted with Ctrl-C. */
export function removeUnfinishedBuilds(): void {
  for (const folder of unfinished) rmSync(folder, { recursive: true, force: true });
  unfinished.clear();
}
