import type { DeckSettings } from "../deck/model.ts";

/** The PDF subject: the deck's description, or else where and when the talk is given. */
export function subjectOf(settings: Pick<DeckSettings, "description" | "event" | "date">): string {
  return settings.description || [settings.event, settings.date].filter(Boolean).join(", ");
}
