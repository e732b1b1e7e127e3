/** Where a deck window stands: reveal.js's slide and fragment indices. */
export interface SlidePosition {
  indexh: number;
  indexv: number;
  indexf?: number | undefined;
}

/** Which window said it: an id for the window's life, and what the window is for. */
export interface Sender {
  id: string;
  role: "audience" | "presenter" | "preview" | "remote";
}

/** What deck windows of one browser tell each other. */
export type DeckMessage =
  /** `at`: when that position was reached (ms since the epoch); older news is ignored. */
  | { type: "position"; position: SlidePosition; at: number; sender?: Sender | undefined }
  /** A window that has just started asks the others where they are. */
  | { type: "hello"; sender?: Sender | undefined }
  /** A window that is closing or leaving. */
  | { type: "bye"; sender: Sender };

/** A message bus between the windows showing the same deck. */
export interface DeckChannel {
  post(message: DeckMessage): void;
  subscribe(listener: (message: DeckMessage) => void): void;
  close(): void;
}

/**
 * Opens the channel shared by every window of this deck in this browser: a BroadcastChannel, or
 * where that is missing, `storage` events of localStorage (they reach the other windows too).
 */
export function openDeckChannel(
  name: string,
  target: Window & typeof globalThis = window,
): DeckChannel {
  if (typeof target.BroadcastChannel === "function") {
    const channel = new target.BroadcastChannel(name);
    return {
      post: (message) => channel.postMessage(message),
      subscribe: (listener) =>
        channel.addEventListener("message", (event: MessageEvent<DeckMessage>) =>
          listener(event.data),
        ),
      close: () => channel.close(),
    };
  }
  const key = `deck-channel:${name}`;
  const listeners: ((message: DeckMessage) => void)[] = [];
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key || !event.newValue) return;
    const { message } = JSON.parse(event.newValue) as { message: DeckMessage };
    for (const listener of listeners) listener(message);
  };
  target.addEventListener("storage", onStorage);
  return {
    // A nonce makes every write a change, so that repeating a message still fires the event.
    post: (message) =>
      target.localStorage.setItem(key, JSON.stringify({ message, nonce: Math.random() })),
    subscribe: (listener) => listeners.push(listener),
    close: () => target.removeEventListener("storage", onStorage),
  };
}

/** One channel made of several: posts go out on each, and what any of them hears is heard. */
export function joinChannels(channels: readonly DeckChannel[]): DeckChannel {
  return {
    post: (message) => {
      for (const channel of channels) channel.post(message);
    },
    subscribe: (listener) => {
      for (const channel of channels) channel.subscribe(listener);
    },
    close: () => {
      for (const channel of channels) channel.close();
    },
  };
}

/** True when two positions show the same slide and fragment. */
export function samePosition(a: SlidePosition, b: SlidePosition): boolean {
  return a.indexh === b.indexh && a.indexv === b.indexv && (a.indexf ?? -1) === (b.indexf ?? -1);
}
