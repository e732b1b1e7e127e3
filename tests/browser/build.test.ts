import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { gotoDeck, openSession } from "../helpers/browser-session.ts";
import { buildAndPreview, ROOT, writeDeck } from "../helpers/deck-server.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function runBuild(slidesDir: string) {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "deck-out-")), "dist");
  made.push(slidesDir, path.dirname(outDir));
  const run = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build"], {
    cwd: ROOT,
    env: { ...process.env, DECK_DIR: slidesDir, DECK_OUT_DIR: outDir, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, outDir };
}

describe("npm run build", () => {
  test("fails on a broken deck, naming file:line:col of each error, and writes nothing", () => {
    const slidesDir = writeDeck({
      "01-intro.md": "# Talk\n\n## Point\n<!-- .slide: colour=red timing=soon -->\n",
      "02-more.md": "stray text\n\n## More\n\n```klingon\nx\n```\n",
    });
    const { status, output, outDir } = runBuild(slidesDir);
    expect(status).not.toBe(0);
    expect(output).toContain("01-intro.md:4:14 error unknown-option unknown slide option `colour`");
    expect(output).toContain("01-intro.md:4:25 error invalid-option `timing=soon` is not valid");
    expect(output).toContain("02-more.md:1:1 error content-before-heading");
    expect(output).toContain("02-more.md:5:1 warning unknown-language");
    expect(existsSync(outDir)).toBe(false);
  });

  test("builds a deck of plain Markdown files with no settings", () => {
    const slidesDir = writeDeck({ "1.md": "# Plain deck\n\n## Only slide\n\nText\n" });
    const { status, outDir } = runBuild(slidesDir);
    expect(status).toBe(0);
    expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
  });
});

describe("the built deck's Content-Security-Policy", () => {
  test("stops scripts and event handlers written into a slide", async () => {
    const served = await buildAndPreview(
      writeDeck({
        "01.md": [
          "# Hostile deck",
          "",
          '<img src="missing.png" onerror="document.title = \'pwned by onerror\'">',
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
