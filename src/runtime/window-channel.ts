import type { DeckChannel, DeckMessage } from "./deck-channel.ts";
import { isPairedMessage, type PairedEnvelope } from "./paired-message.ts";

/** A channel between windows that hold references to each other; more can join it. */
export interface WindowChannel extends DeckChannel {
  /** Adds a window to talk to (one this window opened). */
  add(peer: Window): void;
}

/**
 * Opens a channel to the windows this one holds a reference to: its opener, its frames, the
 * windows it opened. `postMessage` reaches them where BroadcastChannel does not (WebKit keeps two
 * `file://` windows apart). A window that writes with the pairing token joins (so a reloaded
 * presenter view finds the audience windows it opened before), and what one peer says is passed
 * on to the others: peers form a tree around the presenter view, so nothing comes back.
 */
export function openWindowChannel(
  name: string,
  token: string,
  peers: readonly Window[],
  target: Window = window,
): WindowChannel {
  const known = new Set<Window>(peers);
  const listeners: ((message: DeckMessage) => void)[] = [];
  // From `file://` a message can only be addressed to any origin; the token keeps strangers out.
  const origin = target.location.protocol === "file:" ? "*" : target.location.origin;
  const send = (message: DeckMessage, except?: MessageEventSource | null) => {
    const envelope: PairedEnvelope = { deckPair: token, channel: name, message };
    for (const peer of known) {
      if (peer.closed) known.delete(peer);
      else if (peer !== except) peer.postMessage(envelope, origin);
    }
  };
  const onMessage = (event: MessageEvent) => {
    if (!isPairedMessage(event, token, target)) return;
    const envelope = event.data as PairedEnvelope;
    if (envelope.channel !== name) return;
    // On a window, a message's source is the window that sent it (ports deliver elsewhere).
    const source = event.source as Window | null;
    if (source) known.add(source);
    send(envelope.message, source);
    for (const listener of listeners) listener(envelope.message);
  };
  target.addEventListener("message", onMessage);
  return {
    post: (message) => send(message),
    subscribe: (listener) => listeners.push(listener),
    add: (peer) => known.add(peer),
    close: () => target.removeEventListener("message", onMessage),
  };
}
