import path from "node:path";
import { readDistFile } from "../browser/dist-file.ts";

/**
 * The tag that tells a deck page it is served by `npm run present`: where its socket is, and for
 * the speaker's own machine the key the socket takes (the phone has its cookie instead).
 */
export function remoteMeta(socketPath: string, key: string | undefined): string {
  const url = key ? `${socketPath}?key=${encodeURIComponent(key)}` : socketPath;
  return `<meta name="deck-remote" content="${url}">`;
}

/** A file to send: its bytes and type, or nothing (404). */
export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * The file of the built deck at a URL path, never outside its folder; the page itself with `meta`
 * (see remoteMeta), which tells it a present server is there: it then joins the server's socket.
 */
export function staticFile(
  distDir: string,
  pathname: string,
  meta: string,
): StaticFile | undefined {
  const found = readDistFile(distDir, pathname);
  if (!found) return undefined;
  const { file, type, body } = found;
  if (file !== path.join(path.resolve(distDir), "index.html")) return { body, type };
  const html = String(body).replace(/<head>/i, (head) => `${head}\n    ${meta}`);
  return { body: Buffer.from(html), type };
}
