import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { runInNewContext } from "node:vm";
import type { Plugin } from "vite";

/**
 * Hashes of the inline scripts that reveal.js's notes plugin writes into its speaker-view popup.
 * The popup is an about:blank page that inherits the deck's CSP, so without these hashes it hangs
 * on "Loading speaker view...". They are computed from the installed plugin, so they follow
 * upgrades.
 */
export function speakerViewScriptHashes(pluginSource: string): string[] {
  const hashes = new Set<string>();
  for (const html of documentWrites(pluginSource)) {
    for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
      const digest = createHash("sha256")
        .update(match[1] ?? "")
        .digest("base64");
      hashes.add(`'sha256-${digest}'`);
    }
  }
  return [...hashes];
}

// The strings passed to `document.write("...")`, decoded with the JavaScript engine itself so that
// every escape (`\n`, `\x..`, `\/`) reads exactly as the browser will read it.
function documentWrites(source: string): string[] {
  const written: string[] = [];
  for (const call of source.matchAll(/document\.write\(\s*(["'`])/g)) {
    const quote = call[1] ?? '"';
    const start = (call.index ?? 0) + call[0].length - 1;
    let end = start + 1;
    while (end < source.length && source[end] !== quote) end += source[end] === "\\" ? 2 : 1;
    const literal = source.slice(start, end + 1);
    const value: unknown = runInNewContext(literal, {}, { timeout: 1000 });
    if (typeof value === "string") written.push(value);
  }
  return written;
}

/** The Content-Security-Policy of the built deck: only its own scripts, no eval, no plugins. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    // reveal.js positions slides with inline styles, and its print view needs them too.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Where the slides begin in a built page (see the deck plugin's prerendering). */
export const SLIDES_START = '<div class="slides" data-prerendered>';

/**
 * The sha256 sources of the page's own inline scripts (the head's, and the single file's code),
 * which come before the slides. The author's `<script>`s inside the slides are not hashed: they must
 * stay blocked.
 */
export function inlineScriptHashes(html: string): string[] {
  const slidesAt = html.indexOf(SLIDES_START);
  const hashes: string[] = [];
  // The browser ends a script at the first `</script`; bundlers escape that inside code.
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (slidesAt >= 0 && match.index > slidesAt) break;
    const digest = createHash("sha256")
      .update(match[1] ?? "")
      .digest("base64");
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

/** Puts the CSP `<meta>` first in the page's `<head>`, before anything it governs. */
export function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, "&quot;")}">`;
  return html.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
}

/** A page without the policy `withPolicy` put into it: as it was before. */
export function withoutPolicy(html: string): string {
  return html.replace(
    /(<head>)\n {4}<meta http-equiv="Content-Security-Policy" content="[^"]*">/i,
    "$1",
  );
}

// The installed plugin does not change while a process runs; its hashes cost 13 ms (measured) and
// one command builds twice.
let notesHashes: string[] | undefined;
function notesPluginHashes(): string[] {
  if (notesHashes) return notesHashes;
  const require = createRequire(import.meta.url);
  const pluginFile = require.resolve("reveal.js/plugin/notes");
  notesHashes = [pluginFile, pluginFile.replace(/\.js$/, ".mjs")].flatMap((file) =>
    speakerViewScriptHashes(readFileSync(file, "utf8")),
  );
  return notesHashes;
}

/** A built page with its policy: its own inline scripts' hashes and the speaker view's. */
export function withPagePolicy(html: string): string {
  const hashes = [...new Set([...notesPluginHashes(), ...inlineScriptHashes(html)])];
  return withPolicy(html, contentSecurityPolicy(hashes));
}

/**
 * Adds the Content-Security-Policy to the built page (not to the dev server, whose HMR client
 * needs more). It runs last, on the finished HTML, so it covers every head script the plugins
 * added; the single file gets its own (single-file.ts).
 */
export function cspPlugin(): Plugin {
  return {
    name: "deck-csp",
    apply: "build",
    enforce: "post",
    generateBundle: {
      // After every other plugin has written the page's scripts.
      order: "post",
      handler(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type !== "asset" || !output.fileName.endsWith(".html")) continue;
          output.source = withPagePolicy(String(output.source));
        }
      },
    },
  };
}
