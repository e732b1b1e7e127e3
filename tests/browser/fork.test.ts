import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixtureDeck } from "../helpers/deck-server.ts";
import { type Fork, forkWithTalk } from "../helpers/fork.ts";
import { readPdf } from "../helpers/read-pdf.ts";

/*
 * In a fork with another talk in slides/ and no tests/talk/, the engine's checks and commands
 * must pass on that talk. The engine's tests are not run again here: they run with DECK_DIR
 * pointing nowhere (vitest.config.ts), so none of them reads the default deck, whatever it is;
 * `npm run test:fork` (in CI) runs the unit tests in such a fork all the same.
 */

let fork: Fork;
const run = (command: string, args: string[]) => fork.run(command, args);
const at = (...parts: string[]) => path.join(fork.dir, ...parts);

beforeAll(() => {
  fork = forkWithTalk(fixtureDeck("fork"));
});

afterAll(() => fork?.remove());

describe("a fork with another talk in slides/", () => {
  test("passes the typecheck and the lint of the project's code", () => {
    for (const script of ["typecheck", "lint"]) {
      const result = run("npm", ["run", "--silent", script]);
      expect(result.output, `npm run ${script}`).not.toMatch(/error/i);
      expect(result.status, result.output).toBe(0);
    }
  });

  test("checks clean, and builds, prints and hands out the new talk", async () => {
    const check = run("npm", ["run", "--silent", "check"]);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain(
      "4 slides checked, rendered at 1280x720 and 1920x1080: 0 errors, 0 warnings",
    );

    const pdf = run("npm", ["run", "--silent", "pdf"]);
    expect(pdf.status, pdf.output).toBe(0);
    expect(readdirSync(at("dist")).sort()).toEqual([
      "assets",
      "index.html",
      "sourdough-for-engineers.html",
    ]);
    const slides = await readPdf(at("exports/sourdough-for-engineers.pdf"));
    expect(slides.pages).toBe(4);
    expect(slides.info).toMatchObject({ Title: "Sourdough for engineers", Author: "Grace Hopper" });
    const { width, height } = await slides.size(1);
    expect(width / height).toBeCloseTo(4 / 3, 2);

    const handout = run("npm", ["run", "--silent", "handout"]);
    expect(handout.status, handout.output).toBe(0);
    const printed = await readPdf(at("exports/sourdough-for-engineers-handout.pdf"));
    expect(await printed.text(1)).toContain("Bread & Bytes Night");
  });
});
