/**
 * True when another site's page frames this one. A built deck cannot forbid framing with a
 * `<meta>` CSP (frame-ancestors works only as a header, which the dev and preview servers send),
 * so the deck checks: a parent it may not read belongs to someone else.
 */
export function isFramedByOthers(win: Window = window): boolean {
  if (win.top === win) return false;
  try {
    return typeof win.top?.location.href !== "string";
  } catch {
    return true;
  }
}

/** Replaces the page with a short explanation instead of the deck. */
export function refuseToRun(document: Document): void {
  const message = document.createElement("p");
  message.className = "deck-refused";
  message.textContent = "This deck does not run inside another site's page. Open it directly.";
  document.body.replaceChildren(message);
}
