import { describe, expect, test } from "vitest";
import {
  type AccessRequest,
  BadTokenThrottle,
  decideAccess,
  decideSocketAccess,
  sameSecret,
  TOKEN_COOKIE,
} from "../../src/present/access.ts";

const TOKEN = "t".repeat(43);
const KEY = "k".repeat(43);
const policy = { token: TOKEN, hosts: new Set(["127.0.0.1:8080", "192.168.1.5:8080"]) };
const phone = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({
  remoteAddress: "192.168.1.20",
  host: "192.168.1.5:8080",
  origin: undefined,
  url: "/",
  cookie: undefined,
  ...overrides,
});
const laptop = (overrides: Partial<AccessRequest> = {}) =>
  phone({ remoteAddress: "127.0.0.1", host: "127.0.0.1:8080", ...overrides });

describe("who the present server answers", () => {
  test("the speaker's machine gets the deck without a token", () => {
    expect(decideAccess(laptop(), policy)).toEqual({ kind: "allow", via: "loopback" });
    expect(decideAccess(laptop({ remoteAddress: "::ffff:127.0.0.1" }), policy).kind).toBe("allow");
  });

  test("another device gets nothing without the token, not even the page", () => {
    expect(decideAccess(phone(), policy)).toEqual({ kind: "refuse", badToken: false });
    expect(decideAccess(phone({ url: "/assets/index.js" }), policy).kind).toBe("refuse");
  });

  test("the remote needs the token, from the speaker's machine too", () => {
    expect(decideAccess(laptop({ url: "/?remote" }), policy).kind).toBe("refuse");
  });

  test("the right token in the URL becomes a cookie and leaves the address bar", () => {
    expect(decideAccess(phone({ url: `/?remote&token=${TOKEN}` }), policy)).toEqual({
      kind: "redirect",
      location: "/?remote",
      cookie: `${TOKEN_COOKIE}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
    });
    const cookie = `other=1; ${TOKEN_COOKIE}=${TOKEN}`;
    expect(decideAccess(phone({ url: "/?remote", cookie }), policy)).toEqual({
      kind: "allow",
      via: "token",
    });
  });

  test("a wrong token is refused and counted, wherever it comes from", () => {
    for (const request of [
      phone({ url: "/?remote&token=wrong" }),
      phone({ cookie: `${TOKEN_COOKIE}=wrong` }),
      laptop({ url: "/?remote&token=wrong" }),
      phone({ url: `/?remote&token=${TOKEN}x` }),
    ]) {
      expect(decideAccess(request, policy)).toEqual({ kind: "refuse", badToken: true });
    }
    // Without --remote there is no token to be right.
    expect(decideAccess(laptop({ url: "/?token=x" }), { ...policy, token: undefined }).kind).toBe(
      "refuse",
    );
  });

  test("other host names and other sites' pages are refused", () => {
    expect(decideAccess(laptop({ host: "evil.example:8080" }), policy).kind).toBe("refuse");
    expect(decideAccess(laptop({ host: undefined }), policy).kind).toBe("refuse");
    expect(decideAccess(laptop({ origin: "https://evil.example" }), policy).kind).toBe("refuse");
    expect(decideAccess(laptop({ origin: "http://127.0.0.1:8080" }), policy).kind).toBe("allow");
  });
});

describe("who may join the socket", () => {
  const sockets = { ...policy, windowKey: KEY };
  test("the phone with its cookie, and this machine's deck windows with their key", () => {
    const cookie = `${TOKEN_COOKIE}=${TOKEN}`;
    expect(decideSocketAccess(phone({ url: "/deck-socket", cookie }), sockets).kind).toBe("allow");
    expect(decideSocketAccess(laptop({ url: `/deck-socket?key=${KEY}` }), sockets)).toEqual({
      kind: "allow",
      via: "loopback",
    });
  });

  test("nothing else: no token, a wrong one, the windows' key from another device", () => {
    expect(decideSocketAccess(laptop({ url: "/deck-socket" }), sockets)).toEqual({
      kind: "refuse",
      badToken: false,
    });
    expect(decideSocketAccess(laptop({ url: "/deck-socket?key=wrong" }), sockets).kind).toBe(
      "refuse",
    );
    expect(decideSocketAccess(phone({ url: `/deck-socket?key=${KEY}` }), sockets)).toEqual({
      kind: "refuse",
      badToken: true,
    });
    const wrongCookie = `${TOKEN_COOKIE}=nope`;
    expect(decideSocketAccess(phone({ cookie: wrongCookie }), sockets).kind).toBe("refuse");
    const evil = laptop({ url: `/deck-socket?key=${KEY}`, origin: "http://evil.example" });
    expect(decideSocketAccess(evil, sockets).kind).toBe("refuse");
  });
});

describe("secrets and wrong guesses", () => {
  test("compares secrets whole", () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret(TOKEN.slice(1), TOKEN)).toBe(false);
    expect(sameSecret("", TOKEN)).toBe(false);
  });

  test("slows down a client that keeps guessing, and forgets after ten minutes", () => {
    const throttle = new BadTokenThrottle();
    const waits = Array.from({ length: 8 }, (_, i) => throttle.fail("10.0.0.9", 1000 + i));
    expect(waits).toEqual([0, 0, 250, 500, 1000, 2000, 4000, 8000]);
    expect(throttle.fail("10.0.0.9", 2000)).toBe(10_000);
    expect(throttle.fail("10.0.0.8", 2000)).toBe(0);
    expect(throttle.fail("10.0.0.9", 1000 + 600_001)).toBe(0);
  });
});
