import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a file of the build cache whole or not at all: builds run side by side (tests, a fork's
 * commands) and one must never read half of what another is writing.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
