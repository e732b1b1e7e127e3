import { existsSync, renameSync, rmSync } from "node:fs";

/**
 * Puts the folder `from` where `to` is, replacing it: renames are atomic on one file system, so
 * `to` holds the old folder or the new one, whole, never a mix. The old one is moved aside first,
 * and back when the new one cannot take its place.
 */
export function replaceFolder(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  const old = `${from}.old`;
  renameSync(to, old);
  try {
    renameSync(from, to);
  } catch (error) {
    renameSync(old, to);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
