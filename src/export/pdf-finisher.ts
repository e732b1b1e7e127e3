import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { OutlineEntry } from "./outline.ts";
import { type FinishedPdf, finishPdf, type PdfInfo } from "./pdf-document.ts";

/** What the exports ask of the PDF finisher: `finishPdf`'s arguments. */
export interface FinishRequest {
  printed: Uint8Array;
  info: PdfInfo;
  outline: readonly OutlineEntry[];
}

/** The finisher's answer: the finished PDF, or why it could not be read. */
export type FinishResponse = { finished: FinishedPdf } | { error: string };

/** `finishPdf`, as an export calls it. */
export type FinishPdf = (
  printed: Uint8Array,
  info: PdfInfo,
  outline?: readonly OutlineEntry[],
) => Promise<FinishedPdf>;

// The worker is a command of its own in the bundled CLI (src/cli/run.mjs), next to this code.
const WORKER_FILE = new URL("./pdf-worker.mjs", import.meta.url);

/**
 * Starts loading the PDF library on another thread, as an export starts: loaded here, it held
 * this thread for a tenth of a second while the deck page waited for its files (measured). The
 * returned function finishes one PDF there. Without the worker (the sources run as TypeScript),
 * or if it fails, the PDF is finished on this thread, with the same result.
 */
export function startPdfFinisher(): FinishPdf {
  if (!existsSync(fileURLToPath(WORKER_FILE))) return finishPdf;
  const worker = new Worker(WORKER_FILE);
  // An export that stops before printing does not wait for the worker to leave.
  worker.unref();
  const failed = new Promise<undefined>((resolve) => {
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return async (printed, info, outline = []) => {
    const answered = new Promise<FinishResponse>((resolve) =>
      worker.once("message", (response: FinishResponse) => resolve(response)),
    );
    // Waited for now: the worker keeps this process alive until it answers.
    worker.ref();
    worker.postMessage({ printed, info, outline } satisfies FinishRequest);
    const response = await Promise.race([answered, failed]);
    void worker.terminate();
    if (response && "finished" in response) return response.finished;
    return finishPdf(printed, info, outline);
  };
}
