import { describe, expect, test } from "vitest";
import { measureContrast, requiredContrast } from "../../src/check/contrast.ts";

/** A w×h image of one colour with a rectangle of another, like a glyph on a background. */
function image(background: number[], ink: number[], w = 20, h = 10) {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const colour = x >= 5 && x < 8 && y >= 2 && y < 8 ? ink : background;
      data.set([...colour, 255], (y * w + x) * 4);
    }
  }
  return { width: w, height: h, data };
}

describe("measureContrast", () => {
  test("takes the most common colour as background and the most different as text", () => {
    const measured = measureContrast(image([255, 255, 255], [0, 0, 0]), [
      { x: 0, y: 0, width: 20, height: 10 },
    ]);
    expect(measured).toEqual({ ratio: 21, foreground: "#000000", background: "#ffffff" });
  });

  test("finds low contrast, and clips boxes to the image", () => {
    const measured = measureContrast(image([251, 250, 247], [196, 196, 196]), [
      { x: -5, y: -5, width: 100, height: 100 },
    ]);
    expect(measured?.ratio).toBeCloseTo(1.67, 1);
  });

  test("returns nothing for a box outside the image", () => {
    expect(
      measureContrast(image([0, 0, 0], [1, 1, 1]), [{ x: 50, y: 50, width: 5, height: 5 }]),
    ).toBeUndefined();
  });
});

describe("requiredContrast", () => {
  test("is 3:1 for large text (24 px, or 18.66 px bold) and 4.5:1 otherwise", () => {
    expect(requiredContrast(24, false)).toBe(3);
    expect(requiredContrast(19, true)).toBe(3);
    expect(requiredContrast(19, false)).toBe(4.5);
    expect(requiredContrast(16, true)).toBe(4.5);
  });
});
