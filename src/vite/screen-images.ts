import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { writeCacheFile } from "./cache-file.ts";

/** How an image is shown, as far as its size on the screen goes. */
export interface ImageUse {
  /**
   * A slide's background, with its CSS size and position: `cover` (reveal.js's default) fills the
   * slide and is cut to it, `contain` fits inside it. Else the image is in a slide, in its box.
   */
  background?: { size: string; position: string } | undefined;
  /** The share of the slide's width the image is given (`{width=40%}`); default: all of it. */
  widthShare?: number | undefined;
}

/** The screen images are made for: a 1920×1080 projector. */
export const SCREEN = { width: 1920, height: 1080 } as const;
/** Images in a slide are at most this tall, in slide pixels (themes/_base.css caps them there). */
export const INLINE_MAX_HEIGHT = 520;
/** Pixels per screen pixel kept for an image in a slide: sharp when a PDF is zoomed, ≤ 2. */
const INLINE_DENSITY = 1.5;
/** Files smaller than this are not worth re-encoding. */
const SMALL_FILE = 150_000;
const RASTER = /\.(?:jpe?g|png|webp|avif|tiff?|heic|heif)$/i;

/** How an image is cut to its box: sharp's `fit`, and for `cover`, which part stays. */
export interface TargetSize {
  width: number;
  height: number;
  fit: "inside" | "cover";
  /** sharp's position for `cover`: the CSS background-position's keywords. */
  position: string;
}

// CSS background-position keywords as sharp's gravity; other positions are kept whole.
const GRAVITY: Record<string, string> = {
  center: "centre",
  top: "north",
  bottom: "south",
  left: "west",
  right: "east",
  "top left": "northwest",
  "left top": "northwest",
  "top right": "northeast",
  "right top": "northeast",
  "bottom left": "southwest",
  "left bottom": "southwest",
  "bottom right": "southeast",
  "right bottom": "southeast",
};

/** The size, in pixels, an image needs at most to look sharp where it is shown. */
export function targetSize(slide: { width: number; height: number }, use: ImageUse): TargetSize {
  const scale = SCREEN.width / slide.width;
  const screen = { width: SCREEN.width, height: Math.round(slide.height * scale) };
  if (use.background) {
    const gravity = GRAVITY[use.background.position.trim().replace(/\s+/g, " ")];
    if (use.background.size === "cover" && gravity) {
      return { ...screen, fit: "cover", position: gravity };
    }
    return { ...screen, fit: "inside", position: "centre" };
  }
  const density = scale * INLINE_DENSITY;
  return {
    width: Math.round(slide.width * (use.widthShare ?? 1) * density),
    height: Math.round(INLINE_MAX_HEIGHT * density),
    fit: "inside",
    position: "centre",
  };
}

/**
 * An image made for the screen it is shown on: a photo straight from a phone is turned upright,
 * resized to what a 1920×1080 projector shows (see `targetSize`), stripped of its metadata
 * (location included) and re-encoded: photos as JPEG (mozjpeg), because Chromium's PDF printing
 * embeds JPEG as it is but stores WebP's pixels losslessly (three photos: 15.3 MB of PDF as
 * WebP), and PNG as PNG, for screenshots and diagrams. Vector images, animations, small files
 * and images already small enough are used as they are. The result is cached by the file's
 * content and the size it is made for; the original is never touched. Returns the file the
 * deck should bundle.
 */
export async function imageForScreen(
  file: string,
  slide: { width: number; height: number },
  use: ImageUse,
  cacheDir: string,
): Promise<string> {
  if (!RASTER.test(file) || !existsSync(file) || statSync(file).size < SMALL_FILE) return file;
  const target = targetSize(slide, use);
  const bytes = readFileSync(file);
  const lossless = /\.png$/i.test(file);
  const extension = lossless ? "png" : "jpg";
  const key = createHash("sha256")
    .update(bytes)
    .update(JSON.stringify({ target, lossless, version: 2 }))
    .digest("hex")
    .slice(0, 24);
  const cached = path.join(cacheDir, `${path.parse(file).name}-${key}.${extension}`);
  if (existsSync(cached)) return cached;
  // A command asks twice for each photo at once (the bundler, and the next quick build's recipe):
  // it is made once.
  let making = beingMade.get(cached);
  if (!making) {
    making = makeForScreen(file, bytes, target, lossless, cached);
    beingMade.set(cached, making);
    void making.finally(() => beingMade.delete(cached)).catch(() => undefined);
  }
  return making;
}

const beingMade = new Map<string, Promise<string>>();

async function makeForScreen(
  file: string,
  bytes: Buffer,
  target: TargetSize,
  lossless: boolean,
  cached: string,
): Promise<string> {
  // Loaded for the first photo to make: most decks have none (it takes a command 40 ms).
  const { default: sharp } = await import("sharp");
  const image = sharp(bytes).rotate();
  const { width = 0, height = 0 } = await image.metadata();
  const fitsAlready = width <= target.width && height <= target.height;
  if (fitsAlready && !/\.(?:tiff?|heic|heif)$/i.test(file)) return file;
  // Browsers show TIFF and HEIF badly or not at all: those become JPEG even when small enough.
  const encoded = await image
    .resize({
      width: target.width,
      height: target.height,
      fit: target.fit,
      position: target.position,
      withoutEnlargement: true,
    })
    .toFormat(
      lossless ? "png" : "jpeg",
      lossless ? { compressionLevel: 9 } : { quality: 80, mozjpeg: true },
    )
    .toBuffer();
  if (encoded.length >= bytes.length) return file;
  writeCacheFile(cached, encoded);
  return cached;
}
