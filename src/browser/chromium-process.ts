import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import type { ConnectionTransport } from "puppeteer-core";

/**
 * Chromium's command line as puppeteer-core's `launch` makes it for the headless shell
 * (`puppeteer.defaultArgs({ headless: "shell" })`, its version in package.json): the same
 * rendering, PDF outline and colour profile as a launched browser. A test compares the two.
 */
export const PUPPETEER_DEFAULT_ARGS: readonly string[] = [
  "--allow-pre-commit-input",
  "--disable-background-networking",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-breakpad",
  "--disable-client-side-phishing-detection",
  "--disable-component-extensions-with-background-pages",
  "--disable-crash-reporter",
  "--disable-default-apps",
  "--disable-dev-shm-usage",
  "--disable-hang-monitor",
  "--disable-infobars",
  "--disable-ipc-flooding-protection",
  "--disable-popup-blocking",
  "--disable-prompt-on-repost",
  "--disable-renderer-backgrounding",
  "--disable-search-engine-choice-screen",
  "--disable-sync",
  "--enable-automation",
  "--export-tagged-pdf",
  "--force-color-profile=srgb",
  "--generate-pdf-document-outline",
  "--metrics-recording-only",
  "--no-first-run",
  "--password-store=basic",
  "--use-mock-keychain",
  "--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,RenderDocument,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes",
  "--enable-features=PdfOopif",
  "--headless",
  "--hide-scrollbars",
  "--mute-audio",
  "--disable-extensions",
  "about:blank",
];

/**
 * The DevTools protocol over Chromium's `--remote-debugging-pipe`: messages are JSON separated by
 * a NUL byte, written to its fd 3 and read from its fd 4. Each message is handed on in a task of
 * its own, as puppeteer's own pipe transport does.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #pending: Buffer[] = [];
  #closed = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on("data", (chunk: Buffer) => this.#receive(chunk));
    fromBrowser.once("close", () => this.onclose?.());
    // A browser that is gone closes its pipes; that is reported as close, not thrown.
    fromBrowser.on("error", () => undefined);
    toBrowser.on("error", () => undefined);
  }

  send(message: string): void {
    if (this.#closed) return;
    this.toBrowser.write(message);
    this.toBrowser.write("\0");
  }

  close(): void {
    this.#closed = true;
    this.toBrowser.end();
  }

  #receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      const message = Buffer.concat([...this.#pending, chunk.subarray(start, end)]).toString();
      this.#pending = [];
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  }
}

/** A Chromium started over a pipe, in a throwaway profile. */
export interface ChromiumProcess {
  transport: PipeTransport;
  /** Settles when the process has exited (its profile is then removed). */
  exited: Promise<void>;
  /** The end of what it wrote to stderr, for an error message. */
  stderr(): string;
  /** Kills it and its child processes at once (nothing of a throwaway profile is worth saving). */
  kill(): void;
}

const STDERR_KEPT = 4000;

/**
 * Starts Chromium with puppeteer's command line and `flags`, driven over a pipe, before the driver
 * is loaded: the browser starts while Node reads puppeteer-core (each takes a tenth of a second).
 * It is killed when this process exits.
 */
export function startChromium(executablePath: string, flags: readonly string[]): ChromiumProcess {
  const profile = mkdtempSync(path.join(os.tmpdir(), "deck-chromium-"));
  const child = spawn(
    executablePath,
    [...PUPPETEER_DEFAULT_ARGS, ...flags, "--remote-debugging-pipe", `--user-data-dir=${profile}`],
    {
      // Its own process group, so that killing it kills its renderers and helpers too.
      detached: process.platform !== "win32",
      stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
  });
  const kill = () => killTree(child);
  process.on("exit", kill);
  const exited = new Promise<void>((resolve) => {
    const done = () => {
      process.off("exit", kill);
      // Chromium's helpers may hold the profile a moment longer: retried, and never fatal.
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      stderr += `${error.message}\n`;
      done();
    });
  });
  const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
  return { transport, exited, stderr: () => stderr.trim(), kill };
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === "win32") {
      spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"]);
    } else {
      process.kill(-child.pid, "SIGKILL");
    }
  } catch {
    // Already gone, or not ours to kill: the process itself then.
    child.kill("SIGKILL");
  }
}
