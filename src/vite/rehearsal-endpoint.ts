import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { Slide } from "../deck/model.ts";
import { asRecording, REHEARSAL_FILE, rehearsalOf } from "../deck/rehearsal.ts";
import { isLoopback } from "../present/access.ts";
import { writeCacheFile } from "./cache-file.ts";

/** Where `?rehearse` saves a rehearsal: the dev server (`npm start`) only. */
export const REHEARSAL_ENDPOINT = "/__deck/rehearsal";

/** The header the deck's page sends with a rehearsal: a page of another site cannot send it. */
export const REHEARSAL_HEADER = "x-deck-rehearsal";

const MAX_BYTES = 256_000;
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True when a request comes from the deck's own page, on this machine, to this machine's name. */
export function fromOwnPage(request: IncomingMessage): boolean {
  const host = request.headers.host ?? "";
  const name = host.replace(/:\d+$/, "");
  return (
    isLoopback(request.socket.remoteAddress) &&
    LOOPBACK_NAMES.has(name) &&
    request.headers.origin === `http://${host}` &&
    request.headers[REHEARSAL_HEADER] === "1" &&
    /^application\/json\b/.test(request.headers["content-type"] ?? "")
  );
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BYTES) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", () => resolve(undefined));
  });
}

/**
 * Saves a rehearsal sent by the deck's `?rehearse` page into the slides folder, with each slide's
 * fingerprint as it is now (the check then knows which slides changed since). Only a POST from the
 * deck's own page on this machine (see fromOwnPage); slides the deck no longer has are left out,
 * and named in the answer.
 */
export async function saveRehearsal(
  request: IncomingMessage,
  response: ServerResponse,
  slidesDir: string,
  slides: () => Promise<readonly Slide[]>,
): Promise<void> {
  if (request.method !== "POST") {
    response.writeHead(405, { Allow: "POST" }).end();
    return;
  }
  if (!fromOwnPage(request)) {
    response.writeHead(403).end("Forbidden\n");
    return;
  }
  const body = await readBody(request);
  let data: unknown;
  try {
    data = body === undefined ? undefined : JSON.parse(body);
  } catch {
    data = undefined;
  }
  const recording = asRecording(data);
  const rehearsal = recording && rehearsalOf(recording, await slides());
  if (!rehearsal) {
    response.writeHead(400).end("none of these slides is in the deck any more\n");
    return;
  }
  const file = path.join(slidesDir, REHEARSAL_FILE);
  writeCacheFile(file, `${JSON.stringify(rehearsal, null, 2)}\n`);
  const kept = new Set(rehearsal.slides.map((slide) => slide.id));
  const dropped = (recording?.slides ?? []).map((slide) => slide.id).filter((id) => !kept.has(id));
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ saved: path.relative(process.cwd(), file), dropped }));
}
