import { isPairedMessage } from "./paired-message.ts";

/**
 * Lets only windows of the deck's own origin talk to it. reveal.js's postMessage API and its notes
 * plugin accept messages from any window that holds a reference to the deck (an opener, a parent
 * frame): they could move the slides or read the notes. A capturing listener on `window` runs
 * before theirs and stops every message from another origin.
 */
export function guardMessages(
  target: Window = window,
  options: { trustParent?: boolean; pairingToken?: string | undefined } = {},
): void {
  const { pairingToken } = options;
  target.addEventListener(
    "message",
    (event) => {
      // The speaker view's slide frames are driven by their parent, the speaker view's popup,
      // which a `file://` frame cannot read; a frame put elsewhere only drives its own copy.
      if (options.trustParent && event.source === target.parent && target.parent !== target) return;
      // The presenter view's own windows, which WebKit lets talk only this way from `file://`.
      if (pairingToken && isPairedMessage(event, pairingToken, target)) return;
      if (!isOwnWindow(event, target)) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}

/**
 * True for a message from this deck's own windows. Over http that is the same origin. From
 * `file://`, every message says its origin is "null", so the sender counts as ours only when this
 * page may read its location, which the browser allows for same-origin windows alone (the speaker
 * view's popup is one: it inherits the deck's origin).
 */
export function isOwnWindow(event: MessageEvent, target: Window): boolean {
  if (event.origin === target.location.origin) return true;
  const source = event.source;
  if (!source || !("location" in source)) return false;
  try {
    return typeof source.location.href === "string";
  } catch {
    return false;
  }
}
