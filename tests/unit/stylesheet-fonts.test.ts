import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, onTestFinished, test } from "vitest";
import { stylesheetFonts } from "../../src/vite/stylesheet-fonts.ts";
import { ROOT } from "../helpers/deck-server.ts";

test("finds the woff2 files stylesheets name: beside them, in packages, with or without quotes", () => {
  // Inside the project, where the package's font resolves from.
  const dir = mkdtempSync(path.join(ROOT, "node_modules/.cache/stylesheet-fonts-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "fonts"));
  for (const name of ["a.woff2", "b.woff2", "c.woff2", "d.woff"]) {
    writeFileSync(path.join(dir, "fonts", name), "");
  }
  const css = path.join(dir, "fonts.css");
  writeFileSync(
    css,
    `@font-face { src: url("./fonts/a.woff2") format("woff2"), url(fonts/d.woff) format("woff"); }
     @font-face { src: url( 'fonts/b.woff2?v=2#x' ); }
     @font-face { src: url(fonts/c.woff2); }
     @font-face { src: url("fonts/missing.woff2"), url("https://fonts.example/e.woff2"), url(/f.woff2); }
     @font-face { src: url("@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2"); }`,
  );
  expect(stylesheetFonts([css, path.join(dir, "absent.css")])).toStrictEqual([
    path.join(dir, "fonts/a.woff2"),
    path.join(dir, "fonts/b.woff2"),
    path.join(dir, "fonts/c.woff2"),
    // Resolved as Node resolves a package: to its real path (a fork links node_modules).
    realpathSync(
      path.join(
        ROOT,
        "node_modules/@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2",
      ),
    ),
  ]);
});

test("names each font once, however many stylesheets name it", () => {
  const base = path.join(ROOT, "themes/_base.css");
  const fonts = stylesheetFonts([base, base]);
  expect(fonts.length).toBeGreaterThan(0);
  expect(new Set(fonts).size).toBe(fonts.length);
  expect(fonts.every((font) => font.endsWith(".woff2"))).toBe(true);
});
