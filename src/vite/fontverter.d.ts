declare module "fontverter" {
  /** Converts a font between sfnt (TrueType/OpenType), woff and woff2. */
  export function convert(font: Buffer, toFormat: "sfnt" | "woff" | "woff2"): Promise<Buffer>;
}
