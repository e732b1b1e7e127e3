declare module "subset-font" {
  /** Subsets a font to the glyphs of `text` (harfbuzz's subsetter, compiled to WebAssembly). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "woff2" | "woff" | "truetype" | "sfnt" },
  ): Promise<Buffer>;
}
