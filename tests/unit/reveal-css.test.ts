import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { splitRevealStylesheet, writeRevealStylesheets } from "../../src/vite/reveal-css.ts";

const revealCss = readFileSync(
  createRequire(import.meta.url).resolve("reveal.js/reveal.css"),
  "utf8",
);

describe("splitRevealStylesheet", () => {
  test("keeps for the first slide what reveal.js draws at the start, and leaves the rest for later", () => {
    const { core, later, print, scroll } = splitRevealStylesheet(
      [
        ".reveal .slides section{display:none}",
        ".reveal .pause-overlay{visibility:hidden}",
        ".reveal .speaker-notes{display:none}",
        ".r-overlay{position:fixed}.reveal.overview .slides{perspective:700px}",
        ".reveal .controls,.reveal .jump-to-slide{opacity:1}",
        "@keyframes scale-up{0%{transform:scale(.95)}}",
        "@keyframes bounce-left{0%{transform:translate(0)}}",
        "@media screen and (width<=1024px){.r-overlay-header{height:26px}.reveal .controls{font-size:1em}}",
        "html.reveal-print .reveal{overflow:visible}",
        ".reveal-scroll .scroll-page{position:relative}",
      ].join(""),
    );
    expect(core).toContain(".reveal .slides section{display:none}");
    // Elements reveal.js makes at the start must be styled from the start.
    expect(core).toContain(".reveal .pause-overlay{visibility:hidden}");
    expect(core).toContain(".reveal .speaker-notes{display:none}");
    expect(core).toContain(".reveal .controls{opacity:1}");
    expect(core).toContain("@keyframes bounce-left");
    expect(core).toContain("@media screen and (width<=1024px){.reveal .controls{font-size:1em}}");
    expect(core).not.toMatch(/r-overlay|overview|jump-to-slide|scale-up|reveal-print|scroll-page/);
    expect(later).toContain(".r-overlay{position:fixed}");
    expect(later).toContain(".reveal.overview .slides{perspective:700px}");
    expect(later).toContain(".reveal .jump-to-slide{opacity:1}");
    expect(later).toContain("@keyframes scale-up");
    expect(later).toContain("@media screen and (width<=1024px){.r-overlay-header{height:26px}}");
    expect(print).toBe("html.reveal-print .reveal{overflow:visible}");
    expect(scroll).toBe(".reveal-scroll .scroll-page{position:relative}");
  });

  test("loses no rule of reveal.js's own stylesheet, and moves most of the overlay's weight out of the first slide", () => {
    const parts = splitRevealStylesheet(revealCss);
    const all = Object.values(parts).join("");
    // Every declaration block of reveal.css is in one part or another.
    const bodies = (css: string) => new Set(css.match(/\{[^{}]*\}/g));
    for (const body of bodies(revealCss)) expect(bodies(all).has(body), body).toBe(true);
    expect(parts.later.length).toBeGreaterThan(revealCss.length / 6);
    expect(parts.core).toContain(".pause-overlay");
  });
});

describe("writeRevealStylesheets", () => {
  test("writes the four parts once, keeps them, and writes a part again that went missing", () => {
    const cache = mkdtempSync(path.join(tmpdir(), "reveal-css-"));
    try {
      const first = writeRevealStylesheets(cache);
      const parts = splitRevealStylesheet(revealCss);
      for (const name of ["core", "later", "print", "scroll"] as const) {
        expect(readFileSync(first[name], "utf8")).toBe(parts[name]);
      }
      const written = statSync(first.core).mtimeMs;
      unlinkSync(first.print);
      const second = writeRevealStylesheets(cache);
      expect(second).toEqual(first);
      expect(statSync(second.core).mtimeMs).toBe(written);
      expect(readFileSync(second.print, "utf8")).toBe(parts.print);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
