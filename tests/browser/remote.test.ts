import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { currentSlideId } from "../helpers/browser-session.ts";
import { fixtureDeck, ROOT } from "../helpers/deck-server.ts";
import { launchPlaywright } from "../helpers/playwright-browser.ts";
import { descendants, isRunning } from "../helpers/run-export.ts";

let command: ChildProcess;
let output = "";
let deckUrl: string;
let remoteUrl: string;
let browser: Browser;
const outParent = mkdtempSync(path.join(tmpdir(), "deck-present-"));

// `npm run present -- --remote` as a speaker starts it, on a free port; its URLs from what it prints.
beforeAll(async () => {
  command = spawn("npm", ["run", "--silent", "present", "--", "--remote", "--port", "0"], {
    cwd: ROOT,
    // A process group of its own, as a terminal gives a command: Ctrl-C goes to all of it.
    detached: true,
    env: {
      ...process.env,
      DECK_DIR: fixtureDeck("engine"),
      DECK_OUT_DIR: path.join(outParent, "dist"),
      NO_COLOR: "1",
    },
  });
  await new Promise<void>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes("Ctrl-C stops the server")) resolve();
    };
    command.stdout?.on("data", take);
    command.stderr?.on("data", take);
    command.once("exit", (code) => reject(new Error(`present exited (${code}):\n${output}`)));
  });
  deckUrl = /^deck: +(\S+)$/m.exec(output)?.[1] ?? "";
  remoteUrl = /^remote: (\S+)$/m.exec(output)?.[1] ?? "";
  browser = await launchPlaywright();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  const ended = command.exitCode !== null || command.signalCode !== null;
  if (!ended && command.pid) process.kill(-command.pid, "SIGKILL");
  rmSync(outParent, { recursive: true, force: true });
});

async function phonePage(url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const position = (phone: Page) => phone.locator(".remote-position").textContent();

// A finger moving across the screen, as touch events (the browser decides what a touch does).
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  const point = (at: { x: number; y: number }) => [{ x: at.x, y: at.y, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(from) });
  for (let step = 1; step <= 6; step++) {
    const at = {
      x: from.x + ((to.x - from.x) * step) / 6,
      y: from.y + ((to.y - from.y) * step) / 6,
    };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(at) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

describe("npm run present -- --remote", () => {
  test("prints the remote's URL with a fresh secret token of at least 128 bits, and a QR code", () => {
    const token = new URL(remoteUrl).searchParams.get("token") ?? "";
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(new URL(remoteUrl).searchParams.has("remote")).toBe(true);
    expect(output).toMatch(/[▀▄█]{10}/);
    expect(deckUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test("a phone with the token drives the audience window, and follows the laptop's keys", async () => {
    const laptop = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    laptop.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await laptop.goto(deckUrl);
    await laptop.waitForSelector(".reveal[data-deck-ready]", { state: "attached" });
    const phone = await phonePage(remoteUrl);
    phone.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    try {
      // The token went into a cookie and out of the address bar.
      expect(new URL(phone.url()).searchParams.has("token")).toBe(false);
      await expect.poll(() => phone.locator(".remote-connection").textContent()).toBe("Connected");
      expect(await position(phone)).toBe("1 / 10");
      expect(await phone.locator(".remote-next-title").textContent()).toBe("Plain text");

      await phone.locator(".remote-forward").tap();
      await expect.poll(() => currentSlideId(laptop)).toBe("plain-text");
      // The notes of the slide the deck is on, on the phone.
      await expect
        .poll(() => phone.locator(".remote-notes").textContent())
        .toContain("The plain slide's notes.");

      await laptop.keyboard.press("ArrowRight");
      await expect.poll(() => position(phone)).toBe("3 / 10");
      await phone.locator(".remote-back").tap();
      await expect.poll(() => currentSlideId(laptop)).toBe("plain-text");

      // A swipe to the left over the notes, with a finger, is "next".
      const box = await phone.locator(".remote-notes").boundingBox();
      if (!box) throw new Error("no notes pane");
      const y = box.y + 40;
      await swipe(phone, { x: box.x + box.width - 20, y }, { x: box.x + 20, y });
      await expect.poll(() => currentSlideId(laptop)).toBe("part-one");
      // Turned sideways, the buttons are still on the screen.
      await phone.setViewportSize({ width: 844, height: 390 });
      await expect
        .poll(async () => (await phone.locator(".remote-forward").boundingBox())?.y ?? 1e9)
        .toBeLessThan(390 - 60);
      expect(errors).toEqual([]);
    } finally {
      await phone.context().close();
      await laptop.close();
    }
  });

  test("without the token, or with a wrong one, everything is refused and tells nothing", async () => {
    const base = new URL(remoteUrl);
    const wrong = new URL(remoteUrl);
    wrong.searchParams.set("token", "wrong-token-guess");
    for (const url of [
      `${base.origin}/?remote`,
      wrong.href,
      `http://127.0.0.1:${base.port}/?remote`,
    ]) {
      const response = await fetch(url, { redirect: "manual" });
      expect(response.status, url).toBe(403);
      expect(await response.text()).toBe("Forbidden\n");
    }
    // The socket: without a token, with a made-up key, from another site's page.
    const refused = (url: string, origin?: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, origin ? { origin } : {});
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => resolve(101));
        socket.on("error", () => resolve(-1));
      });
    const socket = `ws://127.0.0.1:${base.port}/deck-socket`;
    expect(await refused(socket)).toBe(403);
    expect(await refused(`${socket}?key=made-up`)).toBe(403);
    expect(await refused(socket, "https://evil.example")).toBe(403);
  });

  test("stops with Ctrl-C and leaves no process behind", async () => {
    const port = new URL(deckUrl).port;
    const pid = command.pid ?? 0;
    const below = descendants(pid);
    expect(below.length).toBeGreaterThan(0);
    // What Ctrl-C in a terminal does: SIGINT to the command's process group.
    process.kill(-pid, "SIGINT");
    // npm itself ends by the signal, as in a terminal; the server said it stopped.
    await expect
      .poll(() => command.exitCode !== null || command.signalCode !== null, { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => output).toContain("stopped");
    await expect.poll(() => [pid, ...below].filter(isRunning)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
