import { readFileSync, statSync } from "node:fs";
import { writeCacheFile } from "../vite/cache-file.ts";

/** What is recorded of a Chromium unpacked whole: where it is, and its size and time then. */
interface UnpackedRecord {
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * The Chromium that `recordFile` says was unpacked whole, when that file is still as it was then;
 * undefined when there is no record, or the file has since been removed or changed (another
 * process may be unpacking it again: only the package, under its lock, may then be asked).
 */
export function recordedChromium(recordFile: string): string | undefined {
  try {
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as UnpackedRecord;
    const stat = statSync(record.file);
    return stat.size === record.size && stat.mtimeMs === record.mtimeMs ? record.file : undefined;
  } catch {
    return undefined;
  }
}

// What @sparticuz/chromium reads, as it is loaded, to tell AWS's own Linux (its helper.js).
const AWS_HOSTS = ["AWS_EXECUTION_ENV", "AWS_LAMBDA_JS_RUNTIME", "CODEBUILD_BUILD_IMAGE"];

/**
 * Whether the record may stand in for loading the package: not on AWS's own Linux (Lambda,
 * CodeBuild), where loading it sets the library and font paths Chromium needs there.
 */
export function recordStandsIn(env: Readonly<Record<string, string | undefined>>): boolean {
  return !AWS_HOSTS.some((name) => env[name]);
}

/** Records a Chromium unpacked whole, written whole or not at all: a reader never sees half. */
export function recordChromium(recordFile: string, file: string): void {
  const stat = statSync(file);
  const record: UnpackedRecord = { file, size: stat.size, mtimeMs: stat.mtimeMs };
  writeCacheFile(recordFile, JSON.stringify(record));
}
