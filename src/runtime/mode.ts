/**
 * What a page of the deck is for, from its URL:
 * - `audience`: the deck itself (the default);
 * - `presenter` (`?presenter`): the presenter view, in any tab or window;
 * - `preview` (`?preview`): the presenter view's "next slide" frame, one step ahead;
 * - `receiver` (`?receiver`): the frames of reveal.js's speaker view, driven by its popup;
 * - `print` (`?print-pdf`): reveal.js's print layout, one page per slide;
 * - `handout` (`?handout`): printed handouts, slides with their notes (see handout.ts);
 * - `remote` (`?remote`): a phone's remote, served by `npm run present -- --remote`.
 */
export type DeckMode =
  | "audience"
  | "presenter"
  | "preview"
  | "receiver"
  | "print"
  | "handout"
  | "remote";

/** Reads the mode from a URL's query string. */
export function readMode(search: string): DeckMode {
  const params = new URLSearchParams(search);
  if (params.has("receiver")) return "receiver";
  if (params.has("print-pdf")) return "print";
  if (params.has("handout")) return "handout";
  if (params.has("preview")) return "preview";
  if (params.has("presenter")) return "presenter";
  if (params.has("remote")) return "remote";
  return "audience";
}
