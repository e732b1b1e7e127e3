import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".pdf": "application/pdf",
};

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
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const root = path.resolve(distDir);
  const file = path.resolve(root, `.${decoded.endsWith("/") ? `${decoded}index.html` : decoded}`);
  if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    return undefined;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  if (file !== path.join(root, "index.html")) return { body: readFileSync(file), type };
  const html = readFileSync(file, "utf8").replace(/<head>/i, (head) => `${head}\n    ${meta}`);
  return { body: Buffer.from(html), type };
}
