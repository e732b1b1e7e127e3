import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import {
  type AccessDecision,
  type AccessPolicy,
  BadTokenThrottle,
  decideAccess,
  decideSocketAccess,
} from "./access.ts";
import { MAX_MESSAGE_BYTES, parseRemoteMessage } from "./remote-message.ts";
import { remoteMeta, staticFile } from "./static-files.ts";

/** Where and how `npm run present` serves the deck. */
export interface PresentServerOptions {
  distDir: string;
  /** The address to listen on; 127.0.0.1 unless the speaker asks for the network. */
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Serve the remote to other devices, with a fresh token. */
  remote: boolean;
}

/** A running present server. */
export interface PresentServer {
  /** The deck on this machine. */
  url: string;
  /** The phone's URL, with the token; only with `remote`. */
  remoteUrl: string | undefined;
  /** The same on the machine's other networks (a VPN's, a container bridge's), if any. */
  otherRemoteUrls: string[];
  close(): Promise<void>;
}

/** The socket's path, as the page is told (see REMOTE_META). */
export const SOCKET_PATH = "/deck-socket";

// Served decks may not be framed by other sites; the token must not leak through a Referer.
const HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-cache",
};

const WILDCARD = new Set(["0.0.0.0", "::", ""]);

/** The machine's addresses on its networks (IPv4, not loopback), where a phone can reach it. */
export function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === "IPv4" && !entry.internal)
    .map((entry) => entry?.address ?? "");
}

const hostPort = (host: string, port: number) =>
  `${host.includes(":") ? `[${host}]` : host}:${port}`;

/**
 * Serves the built deck, and a WebSocket that relays navigation between the deck's windows and a
 * phone. Listens on `host` only; the remote and other devices need the token, the socket a token
 * or its windows' key (see decideAccess, decideSocketAccess); wrong tokens are slowed down, and
 * the socket passes on checked navigation messages only.
 */
export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  const token = options.remote ? randomBytes(32).toString("base64url") : undefined;
  // The deck windows of this machine join the socket with this key, given in their page.
  const windowKey = randomBytes(32).toString("base64url");
  const throttle = new BadTokenThrottle();
  const hosts = new Set<string>();
  const policy = (): AccessPolicy => ({ token, hosts });
  const refuse = (decision: AccessDecision, client: string, send: () => void) => {
    const wait =
      decision.kind === "refuse" && decision.badToken ? throttle.fail(client, Date.now()) : 0;
    setTimeout(send, wait);
  };
  const describe = (request: IncomingMessage) => ({
    remoteAddress: request.socket.remoteAddress,
    host: request.headers.host,
    origin: request.headers.origin,
    url: request.url ?? "/",
    cookie: request.headers.cookie,
  });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const decision = decideAccess(describe(request), policy());
    if (decision.kind === "refuse") {
      refuse(decision, request.socket.remoteAddress ?? "", () => {
        response.writeHead(403, { ...HEADERS, "Content-Type": "text/plain" }).end("Forbidden\n");
      });
      return;
    }
    if (decision.kind === "redirect") {
      response
        .writeHead(302, { ...HEADERS, Location: decision.location, "Set-Cookie": decision.cookie })
        .end();
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...HEADERS, Allow: "GET, HEAD" }).end();
      return;
    }
    const meta = remoteMeta(SOCKET_PATH, decision.via === "loopback" ? windowKey : undefined);
    const file = staticFile(
      options.distDir,
      new URL(request.url ?? "/", "http://x").pathname,
      meta,
    );
    if (!file) {
      response.writeHead(404, { ...HEADERS, "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    response.writeHead(200, { ...HEADERS, "Content-Type": file.type });
    response.end(request.method === "HEAD" ? undefined : file.body);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const decision = decideSocketAccess(describe(request), { ...policy(), windowKey });
    const path = new URL(request.url ?? "/", "http://x").pathname;
    if (decision.kind !== "allow" || path !== SOCKET_PATH) {
      refuse(decision, request.socket.remoteAddress ?? "", () => {
        socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      });
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => relay(client));
  });

  const relay = (client: WebSocket) => {
    // The page translates times between its clock and this one (phones' clocks differ).
    client.send(JSON.stringify({ type: "clock", now: Date.now() }));
    client.on("message", (data, binary) => {
      const message = binary ? undefined : parseRemoteMessage(String(data));
      if (!message) return;
      const text = JSON.stringify(message);
      for (const other of sockets.clients) {
        if (other !== client && other.readyState === other.OPEN) other.send(text);
      }
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  for (const name of ["127.0.0.1", "localhost", "::1"]) hosts.add(hostPort(name, port));
  const listening = WILDCARD.has(options.host) ? networkAddresses() : [options.host];
  if (options.remote) for (const name of listening) hosts.add(hostPort(name, port));
  const remoteUrls = (listening.length > 0 ? listening : ["127.0.0.1"]).map(
    (name) => `http://${hostPort(name, port)}/?remote&token=${token}`,
  );
  return {
    url: `http://${hostPort("127.0.0.1", port)}/`,
    remoteUrl: token ? remoteUrls[0] : undefined,
    otherRemoteUrls: token ? remoteUrls.slice(1) : [],
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
