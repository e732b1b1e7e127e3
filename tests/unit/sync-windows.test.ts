import type { RevealApi } from "reveal.js";
import { describe, expect, test, vi } from "vitest";
import type { DeckChannel, DeckMessage } from "../../src/runtime/deck-channel.ts";
import { syncWindows } from "../../src/runtime/sync-windows.ts";

/** Channels that deliver to every other channel of the same bus, like BroadcastChannel. */
function createBus() {
  const members: ((m: DeckMessage) => void)[][] = [];
  return (): DeckChannel => {
    const listeners: ((m: DeckMessage) => void)[] = [];
    members.push(listeners);
    return {
      post: (message) => {
        for (const other of members) if (other !== listeners) for (const l of other) l(message);
      },
      subscribe: (listener) => listeners.push(listener),
      close: () => undefined,
    };
  };
}

/** A reveal.js stand-in: a slide index and the events a move fires. */
function fakeReveal(slides: number) {
  let h = 0;
  const handlers = new Map<string, (() => void)[]>();
  const fire = (name: string) => {
    for (const handler of handlers.get(name) ?? []) handler();
  };
  const reveal = {
    getState: () => ({ indexh: h, indexv: 0, indexf: undefined }),
    slide: (index: number) => {
      if (index === h) return;
      h = index;
      fire("slidechanged");
    },
    next: () => reveal.slide(Math.min(h + 1, slides - 1)),
    on: (name: string, handler: () => void) =>
      handlers.set(name, [...(handlers.get(name) ?? []), handler]),
  };
  return {
    reveal: reveal as unknown as RevealApi,
    press: (index: number) => reveal.slide(index),
    at: () => h,
  };
}

describe("syncWindows", () => {
  test("moves every window together, whichever one moved, without echoes", () => {
    const channel = createBus();
    const audience = fakeReveal(5);
    const presenter = fakeReveal(5);
    const preview = fakeReveal(5);
    syncWindows(audience.reveal, channel(), { lead: true, offset: 0 });
    syncWindows(presenter.reveal, channel(), { lead: true, offset: 0 });
    syncWindows(preview.reveal, channel(), { lead: false, offset: 1 });

    presenter.press(2);
    expect([audience.at(), presenter.at(), preview.at()]).toEqual([2, 2, 3]);
    audience.press(1);
    expect([audience.at(), presenter.at(), preview.at()]).toEqual([1, 1, 2]);
  });

  test("a window that starts late asks where the others are and joins them", () => {
    const channel = createBus();
    const audience = fakeReveal(5);
    syncWindows(audience.reveal, channel(), { lead: true, offset: 0 });
    audience.press(3);
    const late = fakeReveal(5);
    syncWindows(late.reveal, channel(), { lead: true, offset: 0 });
    expect(late.at()).toBe(3);
  });

  test("an old answer to hello does not pull back a window that has moved since", () => {
    const audience = fakeReveal(5);
    let deliver: ((m: DeckMessage) => void) | undefined;
    const posted: DeckMessage[] = [];
    const channel: DeckChannel = {
      post: (message) => posted.push(message),
      subscribe: (listener) => {
        deliver = listener;
      },
      close: () => undefined,
    };
    syncWindows(audience.reveal, channel, { lead: true, offset: 0 });
    audience.press(2);
    const move = posted.find((m) => m.type === "position");
    expect(move).toMatchObject({ position: { indexh: 2 } });
    // A reply sent before that move, arriving after it.
    deliver?.({ type: "position", position: { indexh: 0, indexv: 0 }, at: 1 });
    expect(audience.at()).toBe(2);
    deliver?.({ type: "position", position: { indexh: 4, indexv: 0 }, at: Date.now() + 1000 });
    expect(audience.at()).toBe(4);
  });

  test("the preview never leads: moving it moves nobody", () => {
    const channel = createBus();
    const audience = fakeReveal(5);
    const preview = fakeReveal(5);
    syncWindows(audience.reveal, channel(), { lead: true, offset: 0 });
    syncWindows(preview.reveal, channel(), { lead: false, offset: 1 });
    preview.press(4);
    expect(audience.at()).toBe(0);
  });

  test("the preview asks again until a window answers: one that starts before the others hears them", () => {
    vi.useFakeTimers();
    try {
      const channel = createBus();
      const preview = fakeReveal(5);
      syncWindows(preview.reveal, channel(), { lead: false, offset: 1 });
      const presenter = fakeReveal(5);
      presenter.press(2);
      // The presenter view listens only now; the preview's first hello went unheard.
      syncWindows(presenter.reveal, channel(), { lead: true, offset: 0 });
      expect(preview.at()).toBe(0);
      vi.advanceTimersByTime(300);
      expect(preview.at()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a leading window restates where it is, so that a window that missed a move catches up", () => {
    vi.useFakeTimers();
    try {
      const audience = fakeReveal(5);
      const posted: DeckMessage[] = [];
      const channel: DeckChannel = {
        post: (message) => posted.push(message),
        subscribe: () => undefined,
        close: () => undefined,
      };
      const sender = { id: "a", role: "audience" } as const;
      syncWindows(audience.reveal, channel, { lead: true, offset: 0, sender, restateEvery: 2000 });
      audience.press(3);
      const move = posted.at(-1);
      vi.advanceTimersByTime(2000);
      expect(posted.at(-1)).toEqual(move);
      expect(posted.at(-1)).toMatchObject({ type: "position", position: { indexh: 3 }, sender });
    } finally {
      vi.useRealTimers();
    }
  });
});
