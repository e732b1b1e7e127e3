import type { DeckMessage, Sender } from "../runtime/deck-channel.ts";

/** The longest message a socket may send; a deck message is about 150 bytes. */
export const MAX_MESSAGE_BYTES = 1024;

const ROLES: readonly Sender["role"][] = ["audience", "presenter", "preview", "remote"];

const isIndex = (value: unknown, min: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= 100_000;

function parseSender(value: unknown): Sender | undefined | false {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) return false;
  const { id, role } = value as Record<string, unknown>;
  if (typeof id !== "string" || !/^[\w-]{1,64}$/.test(id)) return false;
  if (!ROLES.includes(role as Sender["role"])) return false;
  return { id, role: role as Sender["role"] };
}

/**
 * A deck message from a socket, checked field by field and rebuilt from what was checked (nothing
 * else passes on), or undefined: navigation (`position`), `hello` and `bye` only.
 */
export function parseRemoteMessage(raw: string): DeckMessage | undefined {
  if (raw.length > MAX_MESSAGE_BYTES) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Record<string, unknown>;
  const sender = parseSender(message.sender);
  if (sender === false) return undefined;
  switch (message.type) {
    case "hello":
      return { type: "hello", sender };
    case "bye":
      return sender ? { type: "bye", sender } : undefined;
    case "position": {
      const position = message.position as Record<string, unknown> | null | undefined;
      const at = message.at;
      if (typeof position !== "object" || position === null) return undefined;
      // A window that has not moved yet says 0, which the clock offset may make negative.
      if (typeof at !== "number" || !Number.isFinite(at)) return undefined;
      const { indexh, indexv, indexf } = position;
      if (!isIndex(indexh, 0) || !isIndex(indexv, 0)) return undefined;
      if (indexf !== undefined && !isIndex(indexf, -1)) return undefined;
      return {
        type: "position",
        position: {
          indexh: indexh as number,
          indexv: indexv as number,
          indexf: indexf as number | undefined,
        },
        at,
        sender,
      };
    }
    default:
      return undefined;
  }
}
