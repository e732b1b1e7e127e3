import { appendFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  recordChromium,
  recordedChromium,
  recordStandsIn,
} from "../../src/browser/unpacked-chromium.ts";

function unpacked(): { binary: string; record: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "unpacked-chromium-"));
  const binary = path.join(dir, "chromium");
  writeFileSync(binary, "the whole browser");
  return { binary, record: path.join(dir, "record.json") };
}

describe("the record of a Chromium unpacked whole", () => {
  test("gives the browser back while it is the file recorded", () => {
    const { binary, record } = unpacked();
    expect(recordedChromium(record)).toBeUndefined();
    recordChromium(record, binary);
    expect(recordedChromium(record)).toBe(binary);
  });

  test("gives nothing once the file is another: being unpacked again, removed, touched", () => {
    const { binary, record } = unpacked();
    recordChromium(record, binary);
    appendFileSync(binary, " and more");
    expect(recordedChromium(record)).toBeUndefined();

    recordChromium(record, binary);
    utimesSync(binary, new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect(recordedChromium(record)).toBeUndefined();

    recordChromium(record, binary);
    rmSync(binary);
    expect(recordedChromium(record)).toBeUndefined();
  });

  test("gives nothing for a record that is not one", () => {
    const { record } = unpacked();
    writeFileSync(record, "{ half a rec");
    expect(recordedChromium(record)).toBeUndefined();
  });

  test("is not used on AWS's Linux, where loading the package sets up Chromium's libraries", () => {
    expect(recordStandsIn({ HOME: "/root" })).toBe(true);
    expect(recordStandsIn({ AWS_EXECUTION_ENV: "AWS_Lambda_nodejs20.x" })).toBe(false);
    expect(recordStandsIn({ AWS_LAMBDA_JS_RUNTIME: "nodejs22.x" })).toBe(false);
    expect(
      recordStandsIn({
        CODEBUILD_BUILD_IMAGE: "aws/codebuild/amazonlinux-x86_64-standard:5.0-nodejs20",
      }),
    ).toBe(false);
  });
});
