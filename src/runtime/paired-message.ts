import type { DeckMessage } from "./deck-channel.ts";

/** A deck message as it travels between paired windows by `postMessage`. */
export interface PairedEnvelope {
  deckPair: string;
  channel: string;
  message: DeckMessage;
}

/**
 * True for a message between this deck's paired windows: it carries the pairing token, and comes
 * from this page's own origin (from `file://`, where every origin is "null", the token alone
 * tells; a web page cannot open or frame a `file://` deck).
 */
export function isPairedMessage(event: MessageEvent, token: string, target: Window): boolean {
  const data = event.data as Partial<PairedEnvelope> | null;
  if (typeof data !== "object" || data === null || data.deckPair !== token) return false;
  const own = target.location.origin;
  return event.origin === own || (target.location.protocol === "file:" && event.origin === "null");
}
