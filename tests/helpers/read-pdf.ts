import { readFileSync } from "node:fs";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A bookmark as PDF.js reads it. */
export interface Bookmark {
  title: string;
  items: Bookmark[];
}

/** Reads a PDF with PDF.js (Mozilla's reader), as a PDF viewer would. */
export async function readPdf(file: string) {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 })
    .promise;
  const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
  const outline = ((await document.getOutline()) ?? []) as Bookmark[];
  return {
    pages: document.numPages,
    info,
    outline,
    /** The text of page `n` (1-based), with runs joined by spaces. */
    async text(n: number): Promise<string> {
      const content = await (await document.getPage(n)).getTextContent();
      return content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ");
    },
    /** Width and height of page `n` in points. */
    async size(n: number): Promise<{ width: number; height: number }> {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (await document.getPage(n)).view;
      return { width: x1 - x0, height: y1 - y0 };
    },
    /** The fill colours page `n` paints with, as `#rrggbb`. */
    async fillColours(n: number): Promise<string[]> {
      const operators = await (await document.getPage(n)).getOperatorList();
      const colours = new Set<string>();
      operators.fnArray.forEach((fn, index) => {
        if (fn === OPS.setFillRGBColor) colours.add(String(operators.argsArray[index]?.[0]));
      });
      return [...colours];
    },
  };
}
