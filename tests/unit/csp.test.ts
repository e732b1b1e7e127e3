import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  SLIDES_START,
  speakerViewScriptHashes,
} from "../../src/vite/csp.ts";

describe("speakerViewScriptHashes", () => {
  test("hashes the inline script of a document.write, decoding JavaScript escapes", () => {
    const source = 'w.document.write("<p>x<\\/p><script>\\n\\tgo(\\x27a\\x27)<\\/script>")';
    const expected = createHash("sha256").update("\n\tgo('a')").digest("base64");
    expect(speakerViewScriptHashes(source)).toEqual([`'sha256-${expected}'`]);
  });

  test("finds the speaker view's script in the installed reveal.js notes plugin", () => {
    const file = createRequire(import.meta.url).resolve("reveal.js/plugin/notes");
    expect(speakerViewScriptHashes(readFileSync(file, "utf8"))).toHaveLength(1);
  });
});

describe("contentSecurityPolicy", () => {
  test("allows only the deck's own scripts plus the given hashes, and no plugins", () => {
    const policy = contentSecurityPolicy(["'sha256-abc'"]);
    expect(policy).toContain("script-src 'self' 'sha256-abc'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe("inlineScriptHashes", () => {
  test("hashes the page's own inline scripts, never a script written in a slide", () => {
    const own = 'const s = "<\\/script>";';
    const html = `<head><script type="module">${own}</script><script src="x.js"></script></head><body>${SLIDES_START}<section><script>alert(1)</script></section></div></body>`;
    const expected = createHash("sha256").update(own).digest("base64");
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${expected}'`]);
  });
});
