import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { imageForScreen, targetSize } from "../../src/vite/screen-images.ts";

const SLIDE = { width: 1280, height: 720 };
let dir: string;
let photo: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "deck-images-"));
  photo = path.join(dir, "phone.jpg");
  // What a phone writes: 4032×3024, turned by its EXIF orientation, with a location in it.
  const noise = Buffer.alloc(4032 * 3024 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  await sharp(noise, { raw: { width: 4032, height: 3024, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1" } })
    .toFile(photo);
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("images made for the screen", () => {
  test("size what a 1920×1080 projector shows: a slide's box, or its whole background", () => {
    expect(targetSize(SLIDE, {})).toMatchObject({ width: 2880, height: 1170, fit: "inside" });
    expect(targetSize(SLIDE, { widthShare: 0.4 })).toMatchObject({ width: 1152, height: 1170 });
    expect(targetSize(SLIDE, { background: { size: "cover", position: "top" } })).toMatchObject({
      width: 1920,
      height: 1080,
      fit: "cover",
      position: "north",
    });
    expect(
      targetSize(SLIDE, { background: { size: "contain", position: "center" } }),
    ).toMatchObject({ width: 1920, height: 1080, fit: "inside" });
  });

  test("resizes a phone photo, upright, without its location, and leaves the original alone", async () => {
    const before = readFileSync(photo);
    const cache = path.join(dir, "cache");
    const made = await imageForScreen(photo, SLIDE, { widthShare: 0.4 }, cache);
    expect(made).not.toBe(photo);
    expect(path.extname(made)).toBe(".jpg");
    const meta = await sharp(made).metadata();
    // Upright (portrait), inside 1152×1170: as high as the box allows.
    expect([meta.width, meta.height]).toEqual([878, 1170]);
    expect(meta.exif).toBeUndefined();
    expect(statSync(made).size).toBeLessThan(statSync(photo).size / 4);
    expect(readFileSync(photo).equals(before)).toBe(true);
    // Cached by content: the second time is the same file.
    expect(await imageForScreen(photo, SLIDE, { widthShare: 0.4 }, cache)).toBe(made);
  });

  test("gives a photo asked for twice at once (the bundler, and the next build's recipe) as one file", async () => {
    const cache = path.join(dir, "cache-twice");
    const both = await Promise.all([
      imageForScreen(photo, SLIDE, {}, cache),
      imageForScreen(photo, SLIDE, {}, cache),
    ]);
    expect(both[0]).not.toBe(photo);
    expect(both[1]).toBe(both[0]);
    // One file, and no half-written one beside it.
    expect(readdirSync(cache)).toEqual([path.basename(both[0])]);
    const meta = await sharp(both[0]).metadata();
    expect([meta.width, meta.height]).toEqual([878, 1170]);
  });

  test("passes vector images, small files and images small enough through as they are", async () => {
    const svg = path.join(dir, "logo.svg");
    writeFileSync(svg, `<svg xmlns="http://www.w3.org/2000/svg">${" ".repeat(200_000)}</svg>`);
    const small = path.join(dir, "small.png");
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#369" } })
      .png()
      .toFile(small);
    const cache = path.join(dir, "cache");
    expect(await imageForScreen(svg, SLIDE, {}, cache)).toBe(svg);
    expect(await imageForScreen(small, SLIDE, {}, cache)).toBe(small);
  });
});
