import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { qrCodeSvg, shownUrl } from "../../src/deck/share-code.ts";

const URL = "https://example.org/talks/rust-for-kubernetes-addons";

// What a phone's camera reads from the drawing: the SVG rasterised, then decoded.
async function decode(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg))
    .resize(600)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe("the deck's public address", () => {
  test("is drawn as a QR code that decodes to it, labelled for screen readers", async () => {
    const svg = qrCodeSvg(URL);
    expect(svg).toMatch(
      /^<svg class="deck-share-code" role="img" aria-label="QR code of https:\/\/example\.org\/talks\/rust-for-kubernetes-addons"/,
    );
    expect(svg).not.toContain("<script");
    expect(await decode(svg)).toBe(URL);
  });

  test("goes onto the title and the closing slide, as a code and as a link", () => {
    const deck = buildDeck({
      slidesDir: "s",
      files: [{ path: "s/1.md", text: "# Talk\n\n## Middle\n\nText\n\n## Thanks\n\nBye\n" }],
      settingsFile: { path: "s/deck.yaml", text: `url: ${URL}\n` },
      themes: ["default"],
    });
    expect(deck.diagnostics).toEqual([]);
    const shared = deck.value.slides.map((slide) => slide.html.includes('class="deck-share"'));
    expect(shared).toEqual([true, false, true]);
    expect(deck.value.slides[0]?.html).toContain(
      `<a href="${URL}">example.org/talks/rust-for-kubernetes-addons</a>`,
    );
    expect(shownUrl("https://example.org/")).toBe("example.org");
  });

  test("must be a web address", () => {
    const deck = buildDeck({
      slidesDir: "s",
      files: [{ path: "s/1.md", text: "# Talk\n" }],
      settingsFile: { path: "s/deck.yaml", text: "url: javascript:alert(1)\n" },
      themes: ["default"],
    });
    expect(deck.diagnostics).toMatchObject([
      { line: 1, severity: "error", code: "invalid-setting" },
    ]);
    expect(deck.value.slides[0]?.html).not.toContain("deck-share");
  });
});
