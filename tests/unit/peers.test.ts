import { describe, expect, test } from "vitest";
import { inTurn } from "../../src/bench/peers.ts";

describe("inTurn (the bench's side-by-side rounds)", () => {
  test("runs every tool once a round, in turn, and leaves the warm-up round out", () => {
    const order: string[] = [];
    let clock = 0;
    const tool = (name: string) => () => {
      order.push(name);
      clock += 1;
      return clock;
    };
    const times = inTurn(2, [tool("ours"), tool("peer")]);
    expect(order).toEqual(["ours", "peer", "ours", "peer", "ours", "peer"]);
    expect(times).toEqual([
      [3, 5],
      [4, 6],
    ]);
  });
});
