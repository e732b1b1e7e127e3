import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import { describe, expect, test } from "vitest";
import { finishPdf } from "../../src/export/pdf-document.ts";
import { readPdf } from "../helpers/read-pdf.ts";

async function blankPdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage([400, 225]);
  return document.save();
}

describe("finishPdf", () => {
  test("writes document information and a nested outline that PDF readers show", async () => {
    const { bytes, pages } = await finishPdf(
      await blankPdf(3),
      { title: "Talk — “quoted”", author: "Ada", subject: "Why", lang: "en" },
      [
        { title: "Intro", pageIndex: 0, children: [] },
        {
          title: "Part I",
          pageIndex: 1,
          children: [{ title: "Détail", pageIndex: 2, children: [] }],
        },
      ],
    );
    expect(pages).toBe(3);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pdf-")), "out.pdf");
    writeFileSync(file, bytes);
    const pdf = await readPdf(file);
    expect(pdf.info).toMatchObject({ Title: "Talk — “quoted”", Author: "Ada", Subject: "Why" });
    expect(pdf.outline.map((item) => [item.title, item.items.map((child) => child.title)])).toEqual(
      [
        ["Intro", []],
        ["Part I", ["Détail"]],
      ],
    );
  });
});
