import type { DeckChannel, DeckMessage } from "./deck-channel.ts";

// WebSocket.OPEN, which the test's stand-in socket has no class for.
const OPEN = 1;

/** After this many failed tries in a row, the connection counts as lost (see onStatus). */
const LOST_AFTER = 4;

/** How long to wait before trying a lost socket again, at most (ms). */
const MAX_RETRY_MS = 4000;

/** The present server's socket, when this page was served by `npm run present` (its meta tag). */
export function presentSocketUrl(doc: Document = document): string | undefined {
  const path = doc.querySelector<HTMLMetaElement>('meta[name="deck-remote"]')?.content;
  // Only a path of this origin: the page never connects anywhere else.
  if (!path?.startsWith("/") || path.startsWith("//") || !/^https?:$/.test(doc.location.protocol)) {
    return undefined;
  }
  return `${doc.location.protocol === "https:" ? "wss:" : "ws:"}//${doc.location.host}${path}`;
}

/**
 * The deck's channel through the present server's socket: what this window says goes to every
 * other window and phone connected to the server, and back. Times in messages are translated
 * between this device's clock and the server's (a phone's clock may be seconds off the laptop's).
 * A lost socket is opened again; a window that joins says hello, so the others tell it where they
 * are.
 */
export function openSocketChannel(
  url: string,
  onStatus: (connected: boolean, lost: boolean) => void = () => undefined,
  open: (url: string) => WebSocket = (target) => new WebSocket(target),
): DeckChannel {
  const listeners: ((message: DeckMessage) => void)[] = [];
  let socket: WebSocket | undefined;
  let offset = 0;
  let retry = 250;
  let failures = 0;
  let closed = false;

  // 0 says "has not moved yet": no clock's time, so it is never translated (a phone behind the
  // laptop would otherwise pull the room back to the first slide).
  const toServer = (at: number) => (at <= 0 ? at : at + offset);
  const fromServer = (at: number) => (at <= 0 ? at : at - offset);

  const connect = () => {
    const current = open(url);
    socket = current;
    current.addEventListener("message", (event) => {
      const data = JSON.parse(String(event.data)) as DeckMessage | { type: "clock"; now: number };
      if (data.type === "clock") {
        offset = data.now - Date.now();
        retry = 250;
        failures = 0;
        onStatus(true, false);
        current.send(JSON.stringify({ type: "hello" }));
        for (const listener of listeners) listener({ type: "hello" });
        return;
      }
      const message = data.type === "position" ? { ...data, at: fromServer(data.at) } : data;
      for (const listener of listeners) listener(message);
    });
    current.addEventListener("close", () => {
      if (closed) return;
      // A few tries in a row that fail: the server is gone, or was started again with new secrets.
      failures++;
      onStatus(false, failures >= LOST_AFTER);
      setTimeout(connect, retry);
      retry = Math.min(MAX_RETRY_MS, retry * 2);
    });
  };
  connect();

  return {
    post: (message) => {
      if (socket?.readyState !== OPEN) return;
      const translated =
        message.type === "position" ? { ...message, at: toServer(message.at) } : message;
      socket.send(JSON.stringify(translated));
    },
    subscribe: (listener) => listeners.push(listener),
    close: () => {
      closed = true;
      socket?.close();
    },
  };
}
