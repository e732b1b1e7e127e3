import { describe, expect, test, vi } from "vitest";
import type { DeckMessage } from "../../src/runtime/deck-channel.ts";
import { openSocketChannel, presentSocketUrl } from "../../src/runtime/socket-channel.ts";

/** A stand-in for the browser's WebSocket: what was sent, and a way to deliver or close. */
class FakeSocket extends EventTarget {
  readyState = 0;
  sent: unknown[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  deliver(data: unknown) {
    this.readyState = 1;
    this.dispatchEvent(new MessageEvent("message", { data: JSON.stringify(data) }));
  }
  drop() {
    this.readyState = 3;
    this.dispatchEvent(new Event("close"));
  }
}

describe("openSocketChannel", () => {
  test("translates times between this device's clock and the server's", () => {
    const sockets: FakeSocket[] = [];
    const heard: DeckMessage[] = [];
    const status: boolean[] = [];
    const channel = openSocketChannel(
      "ws://x/deck-socket",
      (connected) => status.push(connected),
      () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    );
    channel.subscribe((message) => heard.push(message));
    const socket = sockets[0] as FakeSocket;
    // The server's clock is 10 s ahead of this one.
    socket.deliver({ type: "clock", now: Date.now() + 10_000 });
    expect(status).toEqual([true]);
    // Joining says hello, to the server and to this window (so that it says where it is).
    expect(socket.sent).toEqual([{ type: "hello" }]);
    expect(heard).toEqual([{ type: "hello" }]);

    const position = { indexh: 2, indexv: 0, indexf: 0 };
    channel.post({ type: "position", position, at: 1_000_000 });
    expect(socket.sent[1]).toMatchObject({ position, at: expect.closeTo(1_010_000, -2) });
    socket.deliver({ type: "position", position, at: 2_010_000 });
    expect(heard[1]).toMatchObject({ position, at: expect.closeTo(2_000_000, -2) });
    // 0, "has not moved yet", is no time of any clock: it stays 0 both ways.
    channel.post({ type: "position", position, at: 0 });
    expect(socket.sent[2]).toMatchObject({ at: 0 });
    socket.deliver({ type: "position", position, at: 0 });
    expect(heard[2]).toMatchObject({ at: 0 });
  });

  test("opens a lost socket again, and says so", () => {
    vi.useFakeTimers();
    try {
      const sockets: FakeSocket[] = [];
      const status: boolean[] = [];
      const lost: boolean[] = [];
      openSocketChannel(
        "ws://x/deck-socket",
        (connected, gone) => {
          status.push(connected);
          lost.push(gone);
        },
        () => {
          const socket = new FakeSocket();
          sockets.push(socket);
          return socket as unknown as WebSocket;
        },
      );
      sockets[0]?.drop();
      expect(status).toEqual([false]);
      vi.advanceTimersByTime(300);
      expect(sockets).toHaveLength(2);
      // Four failures in a row: lost (the server stopped, or started again with new secrets).
      for (let i = 1; i < 4; i++) {
        sockets[i]?.drop();
        vi.advanceTimersByTime(5000);
      }
      expect(lost.at(-1)).toBe(true);
      expect(lost.slice(0, 3)).toEqual([false, false, false]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("presentSocketUrl", () => {
  // Just what presentSocketUrl reads of a document: the tag's content and the page's location.
  const page = (content: string | undefined, href = "http://127.0.0.1:8080/") =>
    ({
      querySelector: () => (content === undefined ? null : { content }),
      location: new URL(href),
    }) as unknown as Document;
  test("is the present server's socket on the page's own origin, or nothing", () => {
    expect(presentSocketUrl(page("/deck-socket?key=k"))).toBe(
      "ws://127.0.0.1:8080/deck-socket?key=k",
    );
    expect(presentSocketUrl(page(undefined))).toBeUndefined();
    expect(presentSocketUrl(page("//evil.example/x"))).toBeUndefined();
    expect(presentSocketUrl(page("ws://evil.example/x"))).toBeUndefined();
    expect(presentSocketUrl(page("/s", "file:///d.html"))).toBeUndefined();
  });
});
