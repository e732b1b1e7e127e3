import sharp from "sharp";

/**
 * Writes a stand-in for a photo straight from a phone: 4032×3024, JPEG at quality 92 (3–5 MB),
 * turned by its EXIF orientation like a phone's. Its content is coarse colour fields with grain,
 * which compresses about as badly as a real photo. For the size budgets and the benchmark.
 */
export async function writePhonePhoto(file: string, seed: number, orientation = 1): Promise<void> {
  const width = 4032;
  const height = 3024;
  let state = seed * 2654435761;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const coarse = Buffer.alloc(64 * 48 * 3);
  for (let i = 0; i < coarse.length; i++) coarse[i] = Math.floor(random() * 256);
  const pixels = await sharp(coarse, { raw: { width: 64, height: 48, channels: 3 } })
    .resize(width, height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = Math.max(0, Math.min(255, (pixels[i] ?? 0) + (random() - 0.5) * 40));
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .toFile(file);
}
