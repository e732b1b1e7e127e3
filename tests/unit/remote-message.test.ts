import { describe, expect, test } from "vitest";
import { parseRemoteMessage } from "../../src/present/remote-message.ts";

describe("parseRemoteMessage", () => {
  test("passes navigation, hello and bye on, rebuilt from the checked fields", () => {
    const position = {
      type: "position",
      position: { indexh: 3, indexv: 0, indexf: 1, extra: "x" },
      at: 1_800_000_000_000,
      sender: { id: "abc-1", role: "remote", name: "x" },
      notes: "secret",
    };
    expect(parseRemoteMessage(JSON.stringify(position))).toEqual({
      type: "position",
      position: { indexh: 3, indexv: 0, indexf: 1 },
      at: 1_800_000_000_000,
      sender: { id: "abc-1", role: "remote" },
    });
    expect(parseRemoteMessage('{"type":"hello"}')).toEqual({ type: "hello", sender: undefined });
    // A window that never moved says 0, less the phone's clock offset.
    const unmoved = '{"type":"position","position":{"indexh":0,"indexv":0},"at":-3}';
    expect(parseRemoteMessage(unmoved)).toMatchObject({ at: -3 });
    expect(parseRemoteMessage('{"type":"bye","sender":{"id":"a","role":"audience"}}')).toEqual({
      type: "bye",
      sender: { id: "a", role: "audience" },
    });
  });

  test.each([
    ["not JSON", "{"],
    ["no type", "{}"],
    ["another type", '{"type":"eval","code":"x"}'],
    ["a negative slide", '{"type":"position","position":{"indexh":-1,"indexv":0},"at":1}'],
    ["a fractional slide", '{"type":"position","position":{"indexh":1.5,"indexv":0},"at":1}'],
    ["a string slide", '{"type":"position","position":{"indexh":"1","indexv":0},"at":1}'],
    ["no time", '{"type":"position","position":{"indexh":1,"indexv":0}}'],
    [
      "a time that is no number",
      '{"type":"position","position":{"indexh":1,"indexv":0},"at":"now"}',
    ],
    ["a bad sender", '{"type":"hello","sender":{"id":"<script>","role":"audience"}}'],
    ["an unknown role", '{"type":"hello","sender":{"id":"a","role":"admin"}}'],
    ["a bye from nobody", '{"type":"bye"}'],
    ["too long", `{"type":"hello","pad":"${"x".repeat(2000)}"}`],
  ])("drops %s", (_what, raw) => {
    expect(parseRemoteMessage(raw)).toBeUndefined();
  });
});
