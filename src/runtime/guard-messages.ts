/**
 * Lets only windows of the deck's own origin talk to it. reveal.js's postMessage API and its notes
 * plugin accept messages from any window that holds a reference to the deck (an opener, a parent
 * frame): they could move the slides or read the notes. A capturing listener on `window` runs
 * before theirs and stops every message from another origin.
 */
export function guardMessages(target: Window = window): void {
  target.addEventListener(
    "message",
    (event) => {
      if (event.origin !== target.location.origin) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
