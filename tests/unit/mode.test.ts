import { describe, expect, test } from "vitest";
import { readMode } from "../../src/runtime/mode.ts";

describe("readMode", () => {
  test.each([
    ["", "audience"],
    ["?presenter", "presenter"],
    ["?preview", "preview"],
    ["?receiver&progress=false&postMessageEvents=true", "receiver"],
    ["?print-pdf", "print"],
    ["?presenter&print-pdf", "print"],
  ])("%s → %s", (search, mode) => {
    expect(readMode(search)).toBe(mode);
  });
});
