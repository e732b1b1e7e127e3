import { Worker } from "node:worker_threads";
import { PDFDocument } from "@cantoo/pdf-lib";
import { describe, expect, test } from "vitest";
import { finishPdf, type PdfInfo } from "../../src/export/pdf-document.ts";
import {
  type FinishRequest,
  type FinishResponse,
  startPdfFinisher,
} from "../../src/export/pdf-finisher.ts";
import { bundledCommand } from "../helpers/bundled-command.ts";

const info: PdfInfo = { title: "Talk", author: "Ada", subject: "Why", lang: "en" };
const outline = [
  { title: "Intro", pageIndex: 0, children: [] },
  { title: "Part I", pageIndex: 1, children: [{ title: "Détail", pageIndex: 1, children: [] }] },
];

async function blankPdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage([400, 225]);
  return document.save();
}

function askWorker(request: FinishRequest): Promise<FinishResponse> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bundledCommand("pdf-worker"));
    worker.once("message", (response: FinishResponse) => {
      resolve(response);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.postMessage(request);
  });
}

describe("the PDF finished on another thread", () => {
  test("is the PDF finished here, byte for byte", async () => {
    const printed = await blankPdf(2);
    const here = await finishPdf(printed, info, outline);
    const response = await askWorker({ printed, info, outline });
    expect(response).toStrictEqual({ finished: here });
    expect(here.pages).toBe(2);
  });

  test("says why a file that is not a PDF could not be finished", async () => {
    const printed = new TextEncoder().encode("not a pdf");
    const response = await askWorker({ printed, info, outline: [] });
    expect(response).toMatchObject({ error: expect.stringMatching(/pdf|header/i) });
  });

  test("is finished here when the commands run from their TypeScript sources", async () => {
    const finish = startPdfFinisher();
    const printed = await blankPdf(3);
    expect(await finish(printed, info)).toStrictEqual(await finishPdf(printed, info));
  });
});
