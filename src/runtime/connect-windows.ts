import type { RevealApi } from "reveal.js";
import { type DeckChannel, joinChannels, openDeckChannel, type Sender } from "./deck-channel.ts";
import { pairedUrl, windowId } from "./pairing.ts";
import { syncWindows } from "./sync-windows.ts";
import { openWindowChannel, type WindowChannel } from "./window-channel.ts";

/** How often a leading window restates where it is (see syncWindows). */
const RESTATE_MS = 2000;

/** This window's link to the deck's other windows. */
export interface DeckWindows {
  channel: DeckChannel;
  /** Opens an audience window paired with this one; false when the browser blocked it. */
  openAudience(): boolean;
}

/**
 * Keeps this window with the deck's other windows: through a BroadcastChannel (every window of
 * the deck in this browser), for windows paired by a token through their window references (the
 * presenter view's next-slide frame, the audience windows it opened, and back), and through
 * `others` (the present server's socket, which reaches other browsers and the phone).
 */
export function connectWindows(
  reveal: RevealApi,
  role: Sender["role"],
  token: string | undefined,
  framePeers: readonly Window[] = [],
  others: readonly DeckChannel[] = [],
): DeckWindows {
  const name = `deck:${location.pathname}`;
  const peers = [...framePeers];
  if (role === "audience" && window.opener) peers.push(window.opener as Window);
  if (role === "preview" && window.parent !== window) peers.push(window.parent);
  const windows: WindowChannel | undefined = token
    ? openWindowChannel(name, token, peers)
    : undefined;
  const channel = joinChannels([openDeckChannel(name), ...(windows ? [windows] : []), ...others]);
  const sender: Sender = { id: windowId(), role };
  const lead = role !== "preview";
  syncWindows(reveal, channel, {
    lead,
    offset: lead ? 0 : 1,
    sender,
    restateEvery: lead ? RESTATE_MS : undefined,
  });
  addEventListener("pagehide", () => channel.post({ type: "bye", sender }));
  return {
    channel,
    openAudience: () => {
      if (!token || !windows) return false;
      const opened = window.open(pairedUrl(location, token));
      if (opened) windows.add(opened);
      return opened !== null;
    },
  };
}
