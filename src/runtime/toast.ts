import "./toast.css";

/**
 * Replaces `window.alert` with a message that does not block: reveal.js calls `alert()` (e.g. when
 * a popup blocker stops the speaker view), and a modal dialog in the middle of a talk freezes the
 * deck until someone clicks it.
 */
export function replaceAlert(target: Window & typeof globalThis = window): void {
  target.alert = (message?: unknown) => showToast(String(message ?? ""), target.document);
}

/** Shows a short message at the bottom of the page for eight seconds. */
export function showToast(message: string, document: Document): void {
  const toast = document.createElement("div");
  toast.className = "deck-toast";
  toast.setAttribute("role", "status");
  toast.textContent = message;
  document.body.appendChild(toast);
  setTimeout(() => toast.remove(), 8000);
}
