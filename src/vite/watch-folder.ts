import { existsSync, type FSWatcher, watch } from "node:fs";
import path from "node:path";

/**
 * Calls `changed` with each file added, changed, renamed or removed in `dir` or below, from a
 * watch on the folders themselves: a save by rename (an editor writing a copy and moving it over
 * the file), or a file renamed away and back, is one more event in its folder, where a watch on
 * the file follows the old file. Returns what stops the watch.
 */
export function watchFolder(dir: string, changed: (file: string) => void): () => void {
  // A folder that is not there yet has nothing to report; the caller's other watch sees it come.
  if (!existsSync(dir)) return () => undefined;
  let watcher: FSWatcher | undefined = watch(dir, { recursive: true }, (_event, name) => {
    changed(name ? path.join(dir, name.toString()) : dir);
  });
  // The folder itself deleted: nothing left to watch, and nothing to throw at the dev server.
  watcher.on("error", () => stop());
  const stop = () => {
    watcher?.close();
    watcher = undefined;
  };
  return stop;
}
