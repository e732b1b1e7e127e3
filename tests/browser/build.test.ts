import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { gotoDeck, openSession } from "../helpers/browser-session.ts";
import { buildAndPreview, ROOT, writeDeck } from "../helpers/deck-server.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs an npm script as the speaker does, on a slides folder, into a fresh output folder. */
function runScript(script: string, slidesDir: string, outDir = freshOutDir(), args: string[] = []) {
  const run = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, DECK_DIR: slidesDir, DECK_OUT_DIR: outDir, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 90_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outDir };
}

function freshOutDir(): string {
  const parent = mkdtempSync(path.join(tmpdir(), "deck-out-"));
  made.push(parent);
  return path.join(parent, "dist");
}

const brokenDeck = () =>
  writeDeck({
    "01-intro.md": "# Talk\n\n## Point\n<!-- .slide: colour=red timing=soon -->\n",
    "02-more.md": "stray text\n\n## More\n\n```klingon\nx\n```\n",
  });

describe("npm run build", () => {
  test("fails on a broken deck with its diagnostics and one summary line, and writes nothing", () => {
    const { status, stdout, stderr, outDir } = runScript("build", brokenDeck());
    expect(status).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines.map((line) => line.replace(/^.*\/(0\d-\w+\.md)/, "$1"))).toEqual([
      "01-intro.md:4:14 error unknown-option unknown slide option `colour`; known options: timing, layout, background, backgroundSize, backgroundPosition, backgroundOpacity, class, transition, id, incremental, and reveal.js's data-* attributes",
      "01-intro.md:4:25 error invalid-option `timing=soon` is not valid: expected a duration such as `90`, `90s`, `2m` or `1m30s`",
      "02-more.md:1:1 error content-before-heading text before the file's first heading belongs to no slide; move it under a heading",
      "02-more.md:5:1 warning unknown-language no highlighting for fence language `klingon`; the code is shown as plain text",
      "build failed: 3 errors, 1 warning; nothing was written",
    ]);
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(path.dirname(outDir))).toEqual([]);
  });

  test("writes the deck for a web server and the single file, named after the talk", () => {
    const slidesDir = writeDeck({ "1.md": "# Plain deck\n\n## Only slide\n\nText\n" });
    made.push(slidesDir);
    const { status, stdout, stderr, outDir } = runScript("build", slidesDir);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^built .*dist\/ for a web server and .*plain-deck\.html \(one file, \d+ kB\)/,
    );
    expect(readdirSync(outDir).sort()).toEqual(["assets", "index.html", "plain-deck.html"]);
  });

  test("builds nothing when nothing changed, again after an edit, and always with --force", () => {
    const slidesDir = writeDeck({
      "1.md": "# Current\n\n## Slide\n\n```klingon\nx\n```\n",
    });
    made.push(slidesDir);
    const outDir = freshOutDir();
    const first = runScript("build", slidesDir, outDir);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^built /);
    const single = path.join(outDir, "current.html");
    const writtenAt = statSync(single).mtimeMs;

    const again = runScript("build", slidesDir, outDir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/dist\/ is current: nothing in .* or the engine changed/);
    // The deck's warnings are said again, as a build would say them.
    expect(again.stderr).toMatch(/1\.md:5:1 warning unknown-language/);
    expect(statSync(single).mtimeMs).toBe(writtenAt);

    writeFileSync(path.join(slidesDir, "1.md"), "# Current\n\n## Slide\n\nEdited\n");
    const edited = runScript("build", slidesDir, outDir);
    expect(edited.stdout).toMatch(/^built /);
    expect(readFileSync(single, "utf8")).toContain("Edited");

    expect(runScript("build", slidesDir, outDir, ["--force"]).stdout).toMatch(/^built /);
    const wrong = runScript("build", slidesDir, outDir, ["--fast"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Usage: npm run build -- [--force]");
  });

  test("gives back the last build's files when the output folder was removed or edited", () => {
    const slidesDir = writeDeck({ "1.md": "# Kept\n\n## Slide\n\n```klingon\nx\n```\n" });
    made.push(slidesDir);
    const outDir = freshOutDir();
    expect(runScript("build", slidesDir, outDir).stdout).toMatch(/^built /);
    const built = Object.fromEntries(
      readdirSync(outDir, { recursive: true, encoding: "utf8" })
        .filter((file) => statSync(path.join(outDir, file)).isFile())
        .map((file) => [file, readFileSync(path.join(outDir, file), "utf8")]),
    );
    expect(Object.keys(built)).toContain("kept.html");
    const same = () =>
      Object.fromEntries(
        Object.keys(built).map((file) => [file, readFileSync(path.join(outDir, file), "utf8")]),
      );

    rmSync(outDir, { recursive: true });
    const removed = runScript("build", slidesDir, outDir);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toMatch(/dist\/ is as the last build wrote it: nothing in .* changed/);
    expect(removed.stderr).toMatch(/1\.md:5:1 warning unknown-language/);
    expect(same()).toEqual(built);
    expect(runScript("build", slidesDir, outDir).stdout).toMatch(/dist\/ is current/);

    writeFileSync(path.join(outDir, "kept.html"), "edited by hand");
    writeFileSync(path.join(outDir, "extra.txt"), "added by hand");
    expect(runScript("build", slidesDir, outDir).stdout).toMatch(/is as the last build wrote it/);
    expect(readdirSync(outDir).sort()).toEqual(["assets", "index.html", "kept.html"]);
    expect(same()).toEqual(built);

    // A changed input is built, never restored; so is every build with --force.
    writeFileSync(path.join(slidesDir, "1.md"), "# Kept\n\n## Slide\n\nChanged\n");
    rmSync(outDir, { recursive: true });
    expect(runScript("build", slidesDir, outDir).stdout).toMatch(/^built /);
    expect(readFileSync(path.join(outDir, "kept.html"), "utf8")).toContain("Changed");
    rmSync(outDir, { recursive: true });
    expect(runScript("build", slidesDir, outDir, ["--force"]).stdout).toMatch(/^built /);
  });

  test("keeps what the build wrote, current, through a PDF export and a handout", () => {
    const slidesDir = writeDeck({ "1.md": "# Kept\n\n## Slide\n\nFirst version\n" });
    made.push(slidesDir);
    const outDir = freshOutDir();
    expect(runScript("build", slidesDir, outDir).status).toBe(0);
    writeFileSync(path.join(slidesDir, "1.md"), "# Kept\n\n## Slide\n\nSecond version\n");
    const pdf = runScript("pdf", slidesDir, outDir, ["--out", path.join(outDir, "..", "k.pdf")]);
    expect(pdf.stderr).toBe("");
    expect(pdf.status).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(["assets", "index.html", "kept.html"]);
    expect(readFileSync(path.join(outDir, "kept.html"), "utf8")).toContain("Second version");
    const handout = runScript("handout", slidesDir, outDir, [
      "--out",
      path.join(outDir, "..", "k-handout.pdf"),
    ]);
    expect(handout.status).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(["assets", "index.html", "kept.html"]);
  });

  test("a PDF export of a broken deck prints the diagnostics, builds nothing and writes no PDF", () => {
    const out = path.join(freshOutDir(), "..", "broken.pdf");
    const { status, stdout, stderr } = runScript("pdf", brokenDeck(), undefined, ["--out", out]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("01-intro.md:4:14 error unknown-option");
    expect(stderr.trim().split("\n").at(-1)).toBe(
      "build failed: 3 errors, 1 warning; nothing was written",
    );
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the built deck's Content-Security-Policy", () => {
  test("stops scripts and event handlers written into a slide", async () => {
    const served = await buildAndPreview(
      writeDeck({
        "01.md": [
          "# Hostile deck",
          "",
          '<img src="data:image/png;base64,AA==" onerror="document.title = \'pwned by onerror\'">',
          "",
          "<script>document.title = 'pwned by script'</script>",
          "",
          '<a id="js" href="javascript:document.title=\'pwned by link\'">link</a>',
          "",
        ].join("\n"),
      }),
    );
    const session = await openSession(served.url);
    try {
      const { page } = session;
      const violations: string[] = [];
      await page.exposeFunction("reportViolation", (directive: string) =>
        violations.push(directive),
      );
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          (window as unknown as { reportViolation(d: string): void }).reportViolation(
            event.effectiveDirective,
          );
        });
      });
      await gotoDeck(page, served.url);
      await page.click("#js").catch(() => undefined);
      await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
      expect(await page.title()).toBe("Hostile deck");
      expect(violations.every((d) => d.startsWith("script-src"))).toBe(true);
    } finally {
      await session.close();
      await served.close();
    }
  });
});
