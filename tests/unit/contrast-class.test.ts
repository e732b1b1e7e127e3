import { describe, expect, test } from "vitest";
import { contrastClass } from "../../src/runtime/contrast-class.ts";

describe("contrastClass", () => {
  test("marks a background dark or light by its brightness, as reveal.js does", () => {
    expect(contrastClass("rgb(11, 16, 32)")).toBe("has-dark-background");
    expect(contrastClass("rgb(251, 250, 247)")).toBe("has-light-background");
    // Brightness 127.5 and 128.6: either side of reveal.js's line.
    expect(contrastClass("rgb(0, 217, 0)")).toBe("has-dark-background");
    expect(contrastClass("rgb(0, 219, 0)")).toBe("has-light-background");
  });

  test("gives a transparent or unreadable colour no class", () => {
    expect(contrastClass("rgba(0, 0, 0, 0)")).toBeUndefined();
    expect(contrastClass("rgba(0, 0, 0, 0.5)")).toBe("has-dark-background");
    expect(contrastClass("transparent")).toBeUndefined();
  });
});
