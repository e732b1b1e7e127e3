/** An export that cannot produce a correct file; its message is meant for the speaker. */
export class ExportError extends Error {
  override name = "ExportError";
}
