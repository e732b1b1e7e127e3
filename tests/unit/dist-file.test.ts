import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readDistFile } from "../../src/browser/dist-file.ts";

const dist = mkdtempSync(path.join(tmpdir(), "dist-file-"));
mkdirSync(path.join(dist, "assets"));
writeFileSync(path.join(dist, "index.html"), "<!doctype html>");
writeFileSync(path.join(dist, "assets", "a b.woff2"), "font");
writeFileSync(path.join(dist, "..", `${path.basename(dist)}-secret.txt`), "secret");
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(path.join(dist, "..", `${path.basename(dist)}-secret.txt`), { force: true });
});

describe("readDistFile", () => {
  test("gives a file of the deck with its type, and the page for / and folders", () => {
    expect(readDistFile(dist, "/assets/a%20b.woff2")).toMatchObject({ type: "font/woff2" });
    expect(String(readDistFile(dist, "/assets/a%20b.woff2")?.body)).toBe("font");
    expect(readDistFile(dist, "/")?.type).toBe("text/html; charset=utf-8");
    expect(readDistFile(dist, "/")?.file).toBe(path.join(dist, "index.html"));
  });

  test("gives nothing outside the deck's folder, for a folder without a page, or a bad path", () => {
    expect(readDistFile(dist, `/../${path.basename(dist)}-secret.txt`)).toBeUndefined();
    expect(readDistFile(dist, `/%2E%2E/${path.basename(dist)}-secret.txt`)).toBeUndefined();
    expect(readDistFile(dist, "/assets/")).toBeUndefined();
    expect(readDistFile(dist, "/missing.js")).toBeUndefined();
    expect(readDistFile(dist, "/%E0%A4%A")).toBeUndefined();
  });
});
