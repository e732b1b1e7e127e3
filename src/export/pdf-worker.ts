import { isMainThread, parentPort } from "node:worker_threads";
import { finishPdf, loadPdfLibrary } from "./pdf-document.ts";
import type { FinishRequest, FinishResponse } from "./pdf-finisher.ts";

/**
 * The worker that finishes an exported PDF (see pdf-finisher.ts): loads the PDF library as soon
 * as it starts, then adds the document information and bookmarks to the PDF it is sent.
 */
if (isMainThread || !parentPort) {
  console.error("pdf-worker is started by `npm run pdf` and `npm run handout`, not on its own");
  process.exit(2);
}
const port = parentPort;
loadPdfLibrary();
port.once("message", (request: FinishRequest) => {
  finishPdf(request.printed, request.info, request.outline).then(
    (finished) => port.postMessage({ finished } satisfies FinishResponse),
    (error: unknown) =>
      port.postMessage({
        error: error instanceof Error ? error.message : String(error),
      } satisfies FinishResponse),
  );
});
