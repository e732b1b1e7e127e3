import { createHash, timingSafeEqual } from "node:crypto";

/** The cookie that carries the remote's token after its first request. */
export const TOKEN_COOKIE = "deck-remote";

/** What the server knows of a request when it decides whether to answer it. */
export interface AccessRequest {
  /** The peer's address, as the socket gives it (`::ffff:127.0.0.1`, `192.168.1.20`). */
  remoteAddress: string | undefined;
  /** The Host header. */
  host: string | undefined;
  /** The Origin header: browsers send it with WebSocket handshakes and cross-site requests. */
  origin: string | undefined;
  /** The request's path and query. */
  url: string;
  cookie: string | undefined;
}

/** Who may be answered. */
export interface AccessPolicy {
  /** The remote's secret; undefined when the server listens on 127.0.0.1 only. */
  token: string | undefined;
  /** The Host header values the server answers to (`127.0.0.1:8080`, `192.168.1.5:8080`, ...). */
  hosts: ReadonlySet<string>;
}

/** What to do with a request. */
export type AccessDecision =
  | { kind: "allow"; via: "loopback" | "token" }
  /** The token was right, in the URL: set it as a cookie and go to the same URL without it. */
  | { kind: "redirect"; location: string; cookie: string }
  /** 403; `badToken` when a token was given and was wrong (those are slowed down). */
  | { kind: "refuse"; badToken: boolean };

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** True for an address of this machine's loopback interface. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes the lengths equal, which timingSafeEqual needs, and hides the length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/**
 * Decides whether the present server answers a page or file request. Only its own host names (a
 * page on another site that points a name at this machine is refused) and only its own origin.
 * The speaker's own machine gets the deck without a token; the remote (`?remote`), and anything
 * for another device, needs the remote's token: once in the URL, which becomes a cookie
 * (HttpOnly, SameSite Strict) so that it leaves the address bar, then the cookie. A wrong token is
 * refused wherever it comes from.
 */
export function decideAccess(request: AccessRequest, policy: AccessPolicy): AccessDecision {
  if (!sameSite(request, policy)) return { kind: "refuse", badToken: false };
  const url = new URL(request.url, `http://${request.host}`);
  const inUrl = url.searchParams.get("token");
  if (inUrl !== null) {
    if (!policy.token || !sameSecret(inUrl, policy.token))
      return { kind: "refuse", badToken: true };
    url.searchParams.delete("token");
    const location = `${url.pathname}${url.search.replace(/=(?=&|$)/g, "")}${url.hash}`;
    return {
      kind: "redirect",
      location,
      cookie: `${TOKEN_COOKIE}=${policy.token}; HttpOnly; SameSite=Strict; Path=/`,
    };
  }
  const inCookie = cookieValue(request.cookie, TOKEN_COOKIE);
  if (inCookie !== undefined) {
    return policy.token && sameSecret(inCookie, policy.token)
      ? { kind: "allow", via: "token" }
      : { kind: "refuse", badToken: true };
  }
  if (isLoopback(request.remoteAddress) && !url.searchParams.has("remote")) {
    return { kind: "allow", via: "loopback" };
  }
  return { kind: "refuse", badToken: false };
}

/**
 * Decides whether a WebSocket may join: the phone with the remote's token (its cookie), or a deck
 * window of this machine with the key its page was given (`key` in the socket's URL). Nothing
 * else, from anywhere.
 */
export function decideSocketAccess(
  request: AccessRequest,
  policy: AccessPolicy & { windowKey: string },
): AccessDecision {
  if (!sameSite(request, policy)) return { kind: "refuse", badToken: false };
  const inCookie = cookieValue(request.cookie, TOKEN_COOKIE);
  if (inCookie !== undefined) {
    return policy.token && sameSecret(inCookie, policy.token)
      ? { kind: "allow", via: "token" }
      : { kind: "refuse", badToken: true };
  }
  const key = new URL(request.url, `http://${request.host}`).searchParams.get("key");
  if (key === null) return { kind: "refuse", badToken: false };
  return isLoopback(request.remoteAddress) && sameSecret(key, policy.windowKey)
    ? { kind: "allow", via: "loopback" }
    : { kind: "refuse", badToken: true };
}

// One of the server's own host names, and, when the browser says, its own origin.
function sameSite(request: AccessRequest, policy: AccessPolicy): boolean {
  if (!request.host || !policy.hosts.has(request.host)) return false;
  return request.origin === undefined || request.origin === `http://${request.host}`;
}

/**
 * Slows down a client that keeps giving wrong tokens: from the third failure in ten minutes, each
 * answer waits twice as long as the one before, up to ten seconds.
 */
export class BadTokenThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  /** Records a wrong token from `client` and returns how long (ms) to wait before answering. */
  fail(client: string, now: number): number {
    const previous = this.failures.get(client);
    const entry =
      previous && now - previous.since < 600_000
        ? { count: previous.count + 1, since: previous.since }
        : { count: 1, since: now };
    this.failures.set(client, entry);
    return entry.count < 3 ? 0 : Math.min(10_000, 250 * 2 ** (entry.count - 3));
  }
}
