import type { DeckMode } from "./mode.ts";

const TOKEN_KEY = "deck:pairing-token";
const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * The secret that pairs a presenter view with the windows it opened or frames: the presenter
 * view keeps one per tab (a reload keeps it), and hands it to the others in their URL (`?pair=`).
 * Other windows have none and talk only through BroadcastChannel.
 */
export function pairingToken(
  mode: DeckMode,
  search: string,
  session: Storage,
  random: () => Uint8Array = () => crypto.getRandomValues(new Uint8Array(18)),
): string | undefined {
  if (mode === "presenter") {
    const kept = session.getItem(TOKEN_KEY);
    if (kept && TOKEN.test(kept)) return kept;
    const token = base64Url(random());
    session.setItem(TOKEN_KEY, token);
    return token;
  }
  if (mode !== "audience" && mode !== "preview") return undefined;
  const given = new URLSearchParams(search).get("pair");
  return given && TOKEN.test(given) ? given : undefined;
}

/** The address of a window paired with this one: the same deck and slide, in `mode`. */
export function pairedUrl(
  location: Pick<Location, "pathname" | "hash">,
  token: string,
  mode?: "preview",
): string {
  const query = mode ? `?${mode}&pair=${token}` : `?pair=${token}`;
  return `${location.pathname}${query}${location.hash}`;
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}

/** A random id for this window's life, to tell windows apart (not a secret). */
export function windowId(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(9)));
}
