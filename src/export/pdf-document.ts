import { createRequire } from "node:module";
import type { PDFDocument, PDFRef } from "@cantoo/pdf-lib";

import type { OutlineEntry } from "./outline.ts";

type PdfLib = typeof import("@cantoo/pdf-lib");
let pdfLib: PdfLib | undefined;

/**
 * Loads the PDF library once, a tenth of a second of a command's start: the exports load it on
 * another thread while Chromium starts (pdf-finisher.ts).
 */
export function loadPdfLibrary(): PdfLib {
  pdfLib ??= createRequire(import.meta.url)("@cantoo/pdf-lib") as PdfLib;
  return pdfLib;
}

/** Document information written into an exported PDF. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  lang: string;
}

/** What `finishPdf` made: the bytes and the page count. */
export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
}

/** An exported PDF and the title of the deck it shows. */
export interface ExportedPdf extends FinishedPdf {
  deckTitle: string;
}

/** Adds the document information and, when given, the bookmarks to a PDF that Chromium printed. */
export async function finishPdf(
  printed: Uint8Array,
  info: PdfInfo,
  outline: readonly OutlineEntry[] = [],
): Promise<FinishedPdf> {
  const { PDFDocument, ParseSpeeds } = loadPdfLibrary();
  // pdf-lib waits for the next timer every 100 objects read and 50 written, to keep a page
  // responsive; a command has nothing else to do, and the waits were most of its 60 ms (measured).
  const document = await PDFDocument.load(printed, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  document.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) document.setAuthor(info.author);
  if (info.subject) document.setSubject(info.subject);
  document.setLanguage(info.lang);
  document.setCreator("deck engine (reveal.js, printed by Chromium)");
  if (outline.length > 0) addOutline(document, outline);
  return {
    bytes: await document.save({ objectsPerTick: Number.POSITIVE_INFINITY }),
    pages: document.getPageCount(),
  };
}

// PDF 1.7, 12.3.3: an outline is a linked tree of dictionaries (Parent, Prev, Next, First, Last,
// Count) under the catalog's /Outlines; each item opens a page with /Dest.
function addOutline(document: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber } = loadPdfLibrary();
  const { context } = document;
  const pages = document.getPages();
  const rootRef = context.nextRef();

  const addItems = (items: readonly OutlineEntry[], parent: PDFRef): PDFRef[] => {
    const refs = items.map(() => context.nextRef());
    items.forEach((item, index) => {
      const page = pages[Math.min(item.pageIndex, pages.length - 1)];
      const dict = PDFDict.withContext(context);
      dict.set(PDFName.of("Title"), PDFHexString.fromText(item.title));
      dict.set(PDFName.of("Parent"), parent);
      if (page) {
        dict.set(
          PDFName.of("Dest"),
          context.obj([page.ref, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull]),
        );
      }
      const previous = refs[index - 1];
      const next = refs[index + 1];
      if (previous) dict.set(PDFName.of("Prev"), previous);
      if (next) dict.set(PDFName.of("Next"), next);
      const children = addItems(item.children, refs[index] as PDFRef);
      if (children.length > 0) {
        dict.set(PDFName.of("First"), children[0] as PDFRef);
        dict.set(PDFName.of("Last"), children.at(-1) as PDFRef);
        dict.set(PDFName.of("Count"), PDFNumber.of(children.length));
      }
      context.assign(refs[index] as PDFRef, dict);
    });
    return refs;
  };

  const top = addItems(entries, rootRef);
  const root = PDFDict.withContext(context);
  root.set(PDFName.of("Type"), PDFName.of("Outlines"));
  root.set(PDFName.of("First"), top[0] as PDFRef);
  root.set(PDFName.of("Last"), top.at(-1) as PDFRef);
  root.set(PDFName.of("Count"), PDFNumber.of(countEntries(entries)));
  context.assign(rootRef, root);
  document.catalog.set(PDFName.of("Outlines"), rootRef);
  document.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

function countEntries(entries: readonly OutlineEntry[]): number {
  return entries.reduce((total, entry) => total + 1 + countEntries(entry.children), 0);
}
