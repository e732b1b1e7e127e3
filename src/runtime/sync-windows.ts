import type { RevealApi } from "reveal.js";
import { type DeckChannel, type Sender, type SlidePosition, samePosition } from "./deck-channel.ts";

/** How a window takes part in keeping the deck's windows together. */
export interface SyncRole {
  /** Tells the others when this window moves (audience and presenter windows do). */
  lead: boolean;
  /** Shows this many steps past the others' position (1 for the "next slide" preview). */
  offset: number;
  /** Who this window is, told with every message (the presenter view counts its audience). */
  sender?: Sender | undefined;
  /**
   * A leading window says where it is this often (ms), though nothing moved: a window that missed
   * a move, or reloaded and lost its peers, catches up. Stale news is ignored, so it costs nothing.
   */
  restateEvery?: number | undefined;
}

const MOVES = ["slidechanged", "fragmentshown", "fragmenthidden"] as const;

/**
 * Keeps this window's deck at the same position as the other windows of the deck: every move here
 * is told to them, and their moves are followed here, whichever window the keys were pressed in.
 */
export function syncWindows(reveal: RevealApi, channel: DeckChannel, role: SyncRole): void {
  const here = (): SlidePosition => {
    const { indexh, indexv, indexf } = reveal.getState();
    return { indexh, indexv, indexf };
  };
  // The position last followed from another window: moving there is not news to tell back.
  let followed: SlidePosition | undefined;
  // When this window's position was last set, here or elsewhere. Messages can cross: a reply to
  // "hello" may arrive after a newer move, and must not pull the window back. -1: never set, so
  // a new window joins the others.
  let latest = -1;

  const { sender } = role;
  const tell = () =>
    channel.post({ type: "position", position: here(), at: Math.max(latest, 0), sender });

  channel.subscribe((message) => {
    if (message.type === "bye") return;
    if (message.type === "hello") {
      if (role.lead) tell();
      return;
    }
    if (message.at <= latest) return;
    latest = message.at;
    followed = message.position;
    if (role.offset === 0 && samePosition(here(), message.position)) return;
    reveal.slide(message.position.indexh, message.position.indexv, message.position.indexf);
    for (let step = 0; step < role.offset; step++) reveal.next();
  });

  if (role.lead) {
    for (const move of MOVES) {
      reveal.on(move, () => {
        const position = here();
        if (followed && samePosition(position, followed)) return;
        followed = undefined;
        latest = Math.max(Date.now(), latest + 1);
        channel.post({ type: "position", position, at: latest, sender });
      });
    }
    if (role.restateEvery) setInterval(tell, role.restateEvery);
  }
  channel.post({ type: "hello", sender });
  // A window that only follows (the next-slide frame) may start before the others listen: it
  // asks again until one answers.
  if (!role.lead) {
    const again = setInterval(() => {
      if (latest >= 0) clearInterval(again);
      else channel.post({ type: "hello", sender });
    }, 250);
  }
}
