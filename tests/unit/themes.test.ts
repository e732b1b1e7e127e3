import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { wcagContrast } from "culori";
import { describe, expect, test } from "vitest";
import { listThemes } from "../../src/vite/read-deck.ts";
import { ROOT } from "../helpers/deck-server.ts";

const THEMES_DIR = path.join(ROOT, "themes");

/** The custom properties a theme file sets, e.g. { "--deck-text": "#1c1917" }. */
function themeTokens(name: string): Record<string, string> {
  const css = readFileSync(path.join(THEMES_DIR, `${name}.css`), "utf8");
  return Object.fromEntries(
    Array.from(css.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g), (m) => [m[1], m[2]?.trim()]),
  );
}

const AAA = 7;
const AA = 4.5;

/** [foreground token, background token, minimum ratio, what it is]. */
const PAIRS: [string, string, number, string][] = [
  ["--deck-text", "--deck-background", AAA, "body text"],
  ["--deck-text", "--deck-accent-soft", AAA, "quoted text"],
  ["--deck-muted", "--deck-background", AA, "muted text"],
  ["--deck-accent", "--deck-background", AA, "section titles"],
  ["--deck-link", "--deck-background", AA, "links"],
  ["--deck-link-hover", "--deck-background", AA, "links under the pointer"],
  ["--deck-background", "--deck-accent", AA, "selected text"],
  ["--deck-code-text", "--deck-code-background", AAA, "code"],
  ["--deck-inline-code-text", "--deck-inline-code-background", AAA, "inline code"],
  ...["comment", "keyword", "string", "number", "title", "type", "attr", "meta", "deletion"].map(
    (token): [string, string, number, string] => [
      `--hl-${token}`,
      "--deck-code-background",
      AA,
      `highlighted ${token}`,
    ],
  ),
];

describe("themes", () => {
  test("come as a light, a dark and a high-contrast theme, beside the shared base", () => {
    expect(listThemes(THEMES_DIR)).toEqual(["dark", "default", "high-contrast"]);
    expect(readdirSync(THEMES_DIR)).toContain("_base.css");
  });

  for (const theme of listThemes(THEMES_DIR)) {
    test(`${theme}: body text meets AAA, all other text AA, every code token AA`, () => {
      const tokens = themeTokens(theme);
      const failures = PAIRS.flatMap(([foreground, background, minimum, what]) => {
        const fg = tokens[foreground];
        const bg = tokens[background];
        if (!fg || !bg) return [`${what}: ${foreground} or ${background} is not set`];
        const ratio = wcagContrast(fg, bg);
        return ratio >= minimum
          ? []
          : [`${what}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1, needs ${minimum}:1`];
      });
      expect(failures).toEqual([]);
    });
  }
});
