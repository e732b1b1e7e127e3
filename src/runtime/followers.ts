import type { DeckChannel } from "./deck-channel.ts";

/**
 * How long an audience window counts as following after it was last heard. Windows restate their
 * position every few seconds, but a hidden window's timers may run only once a minute.
 */
export const FOLLOWER_TIMEOUT_MS = 70_000;

/** The audience windows the presenter view has heard from: how many, and news when that changes. */
export interface Followers {
  count(): number;
  onChange(listener: (count: number) => void): void;
}

/**
 * Counts the audience windows that follow this one: each one heard from within the timeout that
 * has not said goodbye.
 */
export function trackFollowers(channel: DeckChannel, now: () => number = Date.now): Followers {
  const lastHeard = new Map<string, number>();
  const listeners: ((count: number) => void)[] = [];
  let reported = 0;
  const count = () => {
    for (const [id, at] of lastHeard) if (now() - at > FOLLOWER_TIMEOUT_MS) lastHeard.delete(id);
    return lastHeard.size;
  };
  const report = () => {
    const current = count();
    if (current === reported) return;
    reported = current;
    for (const listener of listeners) listener(current);
  };
  channel.subscribe((message) => {
    if (message.sender?.role !== "audience") return;
    if (message.type === "bye") lastHeard.delete(message.sender.id);
    else lastHeard.set(message.sender.id, now());
    report();
  });
  return {
    count,
    onChange: (listener) => {
      // Windows that went quiet drop out of the count on this beat.
      if (listeners.length === 0) setInterval(report, 5000);
      listeners.push(listener);
    },
  };
}
