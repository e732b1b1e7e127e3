import { describe, expect, test } from "vitest";
import { textArea } from "../../src/check/text-area.ts";

const viewport = { width: 1280, height: 720 };
const run = (...rects: { x: number; y: number; width: number; height: number }[]) => ({ rects });

describe("textArea", () => {
  test("is the box of whole pixels around every line of every text", () => {
    const area = textArea(
      [
        run({ x: 100.4, y: 50.6, width: 200, height: 30 }),
        run({ x: 80, y: 400, width: 10.2, height: 20.1 }),
      ],
      viewport,
    );
    expect(area).toEqual({ x: 80, y: 50, width: 221, height: 371 });
  });

  test("stays within the viewport, and is nothing for a slide without text", () => {
    expect(textArea([run({ x: -20, y: 700, width: 2000, height: 100 })], viewport)).toEqual({
      x: 0,
      y: 700,
      width: 1280,
      height: 20,
    });
    expect(textArea([], viewport)).toBeUndefined();
    expect(textArea([run({ x: 1300, y: 10, width: 50, height: 10 })], viewport)).toBeUndefined();
  });
});
