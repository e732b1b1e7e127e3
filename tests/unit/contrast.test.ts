import { describe, expect, test } from "vitest";
import { measureContrast, requiredContrast } from "../../src/check/contrast.ts";

type Colour = readonly [number, number, number];

/** A w×h image painted pixel by pixel. */
function image(paint: (x: number, y: number) => Colour, w = 20, h = 10) {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data.set([...paint(x, y), 255], (y * w + x) * 4);
  return { width: w, height: h, data };
}

const inGlyph = (x: number, y: number) => x >= 5 && x < 8 && y >= 2 && y < 8;
/** A slide with a glyph drawn on it, and the same slide with its text hidden. */
function slide(background: (x: number, y: number) => Colour, ink: Colour) {
  return {
    shown: image((x, y) => (inGlyph(x, y) ? ink : background(x, y))),
    hidden: image(background),
  };
}
const everywhere = [{ x: 0, y: 0, width: 20, height: 10 }];

describe("measureContrast", () => {
  test("measures the text's ink against what is under it", () => {
    const { shown, hidden } = slide(() => [255, 255, 255], [0, 0, 0]);
    expect(measureContrast(shown, hidden, everywhere, "black")).toEqual({
      ratio: 21,
      foreground: "#000000",
      background: "#ffffff",
    });
  });

  test("finds low contrast, and clips boxes to the image", () => {
    const { shown, hidden } = slide(() => [251, 250, 247], [196, 196, 196]);
    const measured = measureContrast(
      shown,
      hidden,
      [{ x: -5, y: -5, width: 100, height: 100 }],
      "",
    );
    expect(measured?.ratio).toBeCloseTo(1.67, 1);
  });

  test("over a speckled photo, dark text fails though most of the box is the text's own colour", () => {
    // Near-black grain with bright specks on a fifth of the pixels, and dark grey text on it.
    const grain = (x: number, y: number): Colour =>
      (x * 7 + y * 3) % 5 === 0 ? [230, 230, 230] : [20, 20, 20];
    const { shown, hidden } = slide(grain, [40, 40, 40]);
    const measured = measureContrast(shown, hidden, everywhere, "#282828");
    expect(measured?.foreground).toBe("#282828");
    expect(measured?.ratio).toBeLessThan(1.5);
  });

  test("text drawn in its background's colour is invisible: its CSS colour tells, at 1:1", () => {
    const { shown, hidden } = slide(() => [200, 60, 10], [200, 60, 10]);
    expect(measureContrast(shown, hidden, everywhere, "rgb(200, 60, 10)")).toMatchObject({
      ratio: 1,
      foreground: "#c83c0a",
    });
  });

  test("returns nothing for a box outside the image", () => {
    const { shown, hidden } = slide(() => [0, 0, 0], [1, 1, 1]);
    expect(
      measureContrast(shown, hidden, [{ x: 50, y: 50, width: 5, height: 5 }], ""),
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
