import { describe, expect, test } from "vitest";
import { fontFilesOf } from "../../src/vite/font-preload.ts";

describe("fontFilesOf", () => {
  test("names each @font-face file once, from the page's folder", () => {
    const css =
      '@font-face{font-family:A;src:url(./a-400.woff2)format("woff2")}.x{background:url(./photo.png)}' +
      "@font-face{font-family:A;font-weight:700;src:url('a-700.woff2') format('woff2'),url(./a-700.woff) format('woff')}" +
      '@font-face{font-family:B;src:url("./a-400.woff2?v=1")}';
    expect(fontFilesOf(css, "assets/index-abc.css")).toEqual([
      "assets/a-400.woff2",
      "assets/a-700.woff2",
      "assets/a-700.woff",
    ]);
  });

  test("leaves out inlined and other sites' fonts", () => {
    const css =
      "@font-face{src:url(data:font/woff2;base64,AAAA)}@font-face{src:url(https://fonts.example/x.woff2)}@font-face{src:url(//cdn.example/y.woff2)}";
    expect(fontFilesOf(css, "assets/index.css")).toEqual([]);
  });
});
