import { diagnosticAt } from "./diagnostics.ts";
import type { Diagnostic, Result, SourceFile } from "./model.ts";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes a slide file's bytes: UTF-8 only, byte-order mark dropped, line endings made `\n`. */
export function decodeSource(path: string, bytes: Uint8Array): Result<SourceFile | undefined> {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = countNewlines(bytes, offset) + 1;
    return {
      value: undefined,
      diagnostics: [
        diagnosticAt(
          { file: path, line, column: offset - lastNewline(bytes, offset) },
          "error",
          "invalid-utf8",
          `the file is not valid UTF-8 (byte ${offset}); save it as UTF-8`,
        ),
      ],
    };
  }
  return normalizeSource(path, text);
}

/** Normalises line endings to `\n` (CRLF and CR), warning when a file mixes styles. */
export function normalizeSource(path: string, rawText: string): Result<SourceFile> {
  const diagnostics: Diagnostic[] = [];
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const crlf = text.includes("\r\n");
  const lone = /\r(?!\n)|(?<!\r)\n/.test(text);
  if (crlf && lone) {
    diagnostics.push(
      diagnosticAt(
        { file: path, line: 1, column: 1 },
        "warning",
        "mixed-line-endings",
        "the file mixes CRLF and LF line endings; they were read as LF",
      ),
    );
  }
  return { value: { path, text: text.replace(/\r\n?/g, "\n") }, diagnostics };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Decode growing prefixes in streaming mode: the first prefix that fails ends at the bad byte.
  const probe = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      probe.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return sequenceStart(bytes, i);
    }
  }
  return bytes.length;
}

// The decoder notices a broken multi-byte sequence at its first bad byte; the author's broken
// character starts at the sequence's lead byte, up to three bytes before.
function sequenceStart(bytes: Uint8Array, failedAt: number): number {
  for (let i = failedAt - 1; i >= Math.max(0, failedAt - 3); i--) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0xc0) return i;
    if (byte < 0x80) break;
  }
  return failedAt;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) count++;
  return count;
}

function lastNewline(bytes: Uint8Array, end: number): number {
  for (let i = end - 1; i >= 0; i--) if (bytes[i] === 10) return i;
  return -1;
}

/** The path, as the deck's files are shown, of the `source` setting's file. */
export function sourcePath(slidesDir: string, source: string): string {
  return `${slidesDir}/${source}`;
}
