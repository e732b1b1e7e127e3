import { describe, expect, test } from "vitest";
import type { DeckMessage } from "../../src/runtime/deck-channel.ts";
import { trackFollowers } from "../../src/runtime/followers.ts";
import { isPairedMessage } from "../../src/runtime/paired-message.ts";
import { pairedUrl, pairingToken } from "../../src/runtime/pairing.ts";
import { openWindowChannel } from "../../src/runtime/window-channel.ts";

/** Windows that reach each other only by postMessage, like two `file://` windows in WebKit. */
function fakeWindow(origin = "null", protocol = "file:") {
  const listeners: ((event: MessageEvent) => void)[] = [];
  return {
    location: { origin, protocol },
    received: [] as unknown[],
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) =>
      listeners.push(listener),
    removeEventListener: () => undefined,
    /** Delivers a message from `source`, as the browser would. */
    deliver(data: unknown, source: unknown, from = origin) {
      this.received.push(data);
      for (const listener of listeners) listener({ data, source, origin: from } as MessageEvent);
    },
  };
}
type FakeWindow = ReturnType<typeof fakeWindow>;

// What a window holds of another: a reference whose postMessage reaches it, from the holder.
const references = new Map<FakeWindow, Map<FakeWindow, Window>>();
function reference(to: FakeWindow, from: FakeWindow): Window {
  const held = references.get(from) ?? new Map<FakeWindow, Window>();
  references.set(from, held);
  let ref = held.get(to);
  if (!ref) {
    ref = {
      closed: false,
      postMessage: (data: unknown) => to.deliver(data, reference(from, to)),
    } as unknown as Window;
    held.set(to, ref);
  }
  return ref;
}

const TOKEN = "k".repeat(24);
const hello: DeckMessage = { type: "hello" };

describe("openWindowChannel", () => {
  test("carries messages between windows that hold each other, both ways", () => {
    const presenter = fakeWindow();
    const audience = fakeWindow();
    const heardByAudience: DeckMessage[] = [];
    const heardByPresenter: DeckMessage[] = [];
    const p = openWindowChannel(
      "deck",
      TOKEN,
      [reference(audience, presenter)],
      presenter as never,
    );
    const a = openWindowChannel("deck", TOKEN, [reference(presenter, audience)], audience as never);
    p.subscribe((m) => heardByPresenter.push(m));
    a.subscribe((m) => heardByAudience.push(m));
    p.post(hello);
    a.post({ type: "bye", sender: { id: "x", role: "audience" } });
    expect(heardByAudience).toEqual([hello]);
    expect(heardByPresenter).toEqual([{ type: "bye", sender: { id: "x", role: "audience" } }]);
  });

  test("takes a window that writes with the token as a peer: a reloaded presenter view finds its audience", () => {
    const presenter = fakeWindow();
    const audience = fakeWindow();
    // The presenter view knows no window (it has just reloaded); the audience still has its opener.
    const p = openWindowChannel("deck", TOKEN, [], presenter as never);
    openWindowChannel("deck", TOKEN, [reference(presenter, audience)], audience as never).post(
      hello,
    );
    const before = audience.received.length;
    p.post(hello);
    expect(audience.received.length).toBe(before + 1);
  });

  test("ignores messages without the token, for another deck, or from another origin", () => {
    const presenter = fakeWindow("http://127.0.0.1:5173", "http:");
    const heard: DeckMessage[] = [];
    openWindowChannel("deck", TOKEN, [], presenter as never).subscribe((m) => heard.push(m));
    const stranger = fakeWindow();
    presenter.deliver(
      { deckPair: "guessed-token-guessed-token", channel: "deck", message: hello },
      stranger,
    );
    presenter.deliver({ deckPair: TOKEN, channel: "other", message: hello }, stranger);
    presenter.deliver(
      { deckPair: TOKEN, channel: "deck", message: hello },
      stranger,
      "https://evil.example",
    );
    expect(heard).toEqual([]);
    presenter.deliver(
      { deckPair: TOKEN, channel: "deck", message: hello },
      stranger,
      "http://127.0.0.1:5173",
    );
    expect(heard).toEqual([hello]);
  });

  test("passes what one peer says on to the others, not back", () => {
    const presenter = fakeWindow();
    const audience = fakeWindow();
    const preview = fakeWindow();
    const peers = [reference(audience, presenter), reference(preview, presenter)];
    openWindowChannel("deck", TOKEN, peers, presenter as never);
    const heardByPreview: DeckMessage[] = [];
    openWindowChannel("deck", TOKEN, [reference(presenter, preview)], preview as never).subscribe(
      (m) => heardByPreview.push(m),
    );
    const fromAudience = openWindowChannel(
      "deck",
      TOKEN,
      [reference(presenter, audience)],
      audience as never,
    );
    const before = audience.received.length;
    fromAudience.post(hello);
    expect(heardByPreview).toEqual([hello]);
    expect(audience.received.length).toBe(before);
  });
});

describe("isPairedMessage", () => {
  test("over http only the deck's own origin; from file:// the token alone", () => {
    const envelope = { deckPair: TOKEN, channel: "deck", message: hello };
    const http = { location: { origin: "http://127.0.0.1:5173", protocol: "http:" } } as Window;
    const file = { location: { origin: "null", protocol: "file:" } } as Window;
    const event = (origin: string, data: unknown = envelope) => ({ data, origin }) as MessageEvent;
    expect(isPairedMessage(event("http://127.0.0.1:5173"), TOKEN, http)).toBe(true);
    expect(isPairedMessage(event("null"), TOKEN, http)).toBe(false);
    expect(isPairedMessage(event("null"), TOKEN, file)).toBe(true);
    expect(isPairedMessage(event("null", { ...envelope, deckPair: "x" }), TOKEN, file)).toBe(false);
    expect(isPairedMessage(event("null", "a string"), TOKEN, file)).toBe(false);
  });
});

describe("pairingToken", () => {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    } as Storage;
  };

  test("the presenter view makes one and keeps it across reloads; the windows it opens get it", () => {
    const session = storage();
    const token = pairingToken("presenter", "?presenter", session);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(pairingToken("presenter", "?presenter", session)).toBe(token);
    const url = pairedUrl({ pathname: "/deck.html", hash: "#/intro" }, token ?? "");
    expect(url).toBe(`/deck.html?pair=${token}#/intro`);
    expect(pairingToken("audience", new URL(url, "file:///").search, storage())).toBe(token);
    expect(pairingToken("preview", `?preview&pair=${token}`, storage())).toBe(token);
  });

  test("other windows, and malformed tokens, have none", () => {
    expect(pairingToken("audience", "", storage())).toBeUndefined();
    expect(pairingToken("audience", "?pair=short", storage())).toBeUndefined();
    expect(pairingToken("print", `?print-pdf&pair=${TOKEN}`, storage())).toBeUndefined();
  });
});

describe("trackFollowers", () => {
  test("counts the audience windows heard lately, until they say goodbye or go quiet", () => {
    let now = 0;
    let deliver: (message: DeckMessage) => void = () => undefined;
    const followers = trackFollowers(
      {
        post: () => undefined,
        subscribe: (listener) => {
          deliver = listener;
        },
        close: () => undefined,
      },
      () => now,
    );
    const audience = (id: string) => ({ id, role: "audience" as const });
    deliver({ type: "hello", sender: audience("a") });
    deliver({ type: "position", position: { indexh: 1, indexv: 0 }, at: 1, sender: audience("b") });
    deliver({ type: "hello", sender: { id: "p", role: "preview" } });
    expect(followers.count()).toBe(2);
    deliver({ type: "bye", sender: audience("a") });
    expect(followers.count()).toBe(1);
    now = 71_000;
    expect(followers.count()).toBe(0);
  });
});
