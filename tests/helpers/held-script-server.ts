import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { readDistFile } from "../../src/browser/dist-file.ts";

/** A built deck served with its module script held back: the page as it is before reveal.js. */
export interface HeldScriptServer {
  url: string;
  /** Lets the deck's script run, in every page waiting for it and every later one. */
  release(): void;
  /** Holds the script again, for the next page. */
  hold(): void;
  close(): Promise<void>;
}

const HELD_ENTRY = "/held-entry.js";
const RELEASE = "/release";

/**
 * Serves a built deck folder (`index.html` and `assets/`) on 127.0.0.1 with its module script
 * held back until `release()`, so that any browser shows what the page shows from its HTML and
 * CSS alone. The page's script tag names a small module instead, which waits for the release and
 * then imports the deck's own: the page itself finishes loading meanwhile, as WebDriver's
 * navigation waits for that.
 */
export async function serveWithHeldScript(distDir: string): Promise<HeldScriptServer> {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const tag = /(<script type="module"[^>]*\ssrc=")\.?([^"]+)"/.exec(html);
  const entry = tag?.[2];
  if (!tag || !entry) throw new Error(`${distDir}/index.html has no module script`);
  const page = html.replace(tag[0], `${tag[1]}${HELD_ENTRY}"`);
  const heldEntry = `await fetch(${JSON.stringify(RELEASE)}, { cache: "no-store" });\nawait import(${JSON.stringify(entry)});\n`;
  let waiting: (() => void)[] = [];
  let held = true;
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const send = (type: string, body: string | Buffer) =>
      response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
    if (pathname === RELEASE) {
      if (held) waiting.push(() => send("text/plain", "go"));
      else send("text/plain", "go");
      return;
    }
    if (pathname === "/" || pathname === "/index.html") return send("text/html", page);
    if (pathname === HELD_ENTRY) return send("text/javascript", heldEntry);
    const found = readDistFile(distDir, pathname);
    if (found) send(found.type, found.body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    release() {
      held = false;
      for (const send of waiting) send();
      waiting = [];
    },
    hold() {
      held = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
