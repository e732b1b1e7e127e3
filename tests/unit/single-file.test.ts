import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openFromDiskScript } from "../../src/vite/offline.ts";
import { escapeInline, makeSingleFile } from "../../src/vite/single-file.ts";

// A folder shaped as Vite writes a served deck: a page, an entry chunk that imports one chunk and
// loads another on demand (with Vite's preload list), stylesheets, a font and a photo.
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const FONT = Buffer.from("wOF2 font bytes");

function builtFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "single-file-"));
  const assets = path.join(dir, "assets");
  mkdirSync(assets);
  const redirect = openFromDiskScript("my-talk.html");
  writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'sha256-old'">
    <script>${redirect}</script>
    <meta charset="utf-8" />
    <title>My talk</title>
    <script type="module" crossorigin src="./assets/index-A1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/shared-B2.js">
    <link rel="stylesheet" crossorigin href="./assets/index-C3.css">
    <link rel="preload" href="./assets/sans-D4.woff2" as="font" type="font/woff2" crossorigin>
    <link rel="stylesheet" href="https://fonts.example.org/brand.css">
    <script>document.documentElement.dataset.early = "yes";</script>
  </head>
  <body>
    <div class="reveal"><div class="slides" data-prerendered>
      <section><p>The author wrote ./assets/ on a slide.</p><script>alert("author")</script></section>
    </div></div>
  </body>
</html>
`,
  );
  writeFileSync(
    path.join(assets, "index-A1.js"),
    `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./later-E5.js","./later-F6.css","./dark-G7.css"])))=>i.map(i=>d[i]);
import{shared as s}from"./shared-B2.js";
const photo=new URL(\`photo-H8.jpg\`,import.meta.url).href;
const other=new URL(\`https://example.org/x.jpg\`,import.meta.url).href;
const closing="</script><!-- not the end";
window.result={shared:s,photo,other,closing};
window.later=import("./later-E5.js").then(m=>m.later);
`,
  );
  writeFileSync(path.join(assets, "shared-B2.js"), `export const shared="shared chunk";\n`);
  writeFileSync(path.join(assets, "later-E5.js"), `export const later="loaded on demand";\n`);
  writeFileSync(
    path.join(assets, "index-C3.css"),
    `@charset "UTF-8";@font-face{font-family:Sans;src:url(./sans-D4.woff2) format("woff2")}.first{color:red}`,
  );
  writeFileSync(path.join(assets, "later-F6.css"), `.later{color:blue}`);
  writeFileSync(path.join(assets, "dark-G7.css"), `.dark{content:"</style>"}`);
  writeFileSync(path.join(assets, "sans-D4.woff2"), FONT);
  writeFileSync(path.join(assets, "photo-H8.jpg"), PHOTO);
  return dir;
}

const scriptHash = (code: string) =>
  `'sha256-${createHash("sha256").update(code).digest("base64")}'`;
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");

describe("the single-file deck made from a served build", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const make = async () => {
    const dir = builtFolder();
    folders.push(dir);
    return makeSingleFile(dir);
  };

  it("is named after the talk's title", async () => {
    expect((await make()).fileName).toBe("my-talk.html");
  });

  it("asks for no file: no script, stylesheet or preload of the built folder is left", async () => {
    const { html } = await make();
    expect(html).not.toMatch(/\ssrc="\.\/assets|href="\.\/assets|rel="(?:module)?preload"/);
    expect(html).not.toContain("import(");
    expect(html).not.toMatch(/from\s*["']\.\/shared/);
  });

  it("has every chunk in its one module script, those loaded on demand too", async () => {
    const { html } = await make();
    const modules = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
    expect(modules).toHaveLength(1);
    const code = modules[0]?.[1] ?? "";
    expect(code).toMatch(/[`"']shared chunk[`"']/);
    expect(code).toMatch(/[`"']loaded on demand[`"']/);
    // Vite's preload list is emptied: its stylesheets are in the page already.
    expect(code).not.toMatch(/__vite__mapDeps\(\[\d/);
  });

  it("makes the photo the code points at a data URL, and leaves other sites' URLs alone", async () => {
    const { html } = await make();
    expect(html).toContain(`data:image/jpeg;base64,${PHOTO.toString("base64")}`);
    expect(html).toContain("https://example.org/x.jpg");
  });

  it("puts every stylesheet in one <style>, the page's first, with its fonts inside", async () => {
    const { html } = await make();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? "");
    expect(styles).toHaveLength(1);
    const css = styles[0] ?? "";
    expect(css).toContain(`url(data:font/woff2;base64,${FONT.toString("base64")})`);
    expect(css).not.toContain("@charset");
    const order = [".first", ".later", ".dark"].map((rule) => css.indexOf(rule));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // A `</style>` in a stylesheet's text does not end the element.
    expect(css).toContain('content:"<\\/style>"');
  });

  it("escapes what would end its script early", async () => {
    const { html } = await make();
    const code = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(code).toContain("not the end");
    expect(code).not.toMatch(/<\/script|<!--/i);
  });

  it("drops the redirect to itself and hashes its own scripts in a new policy", async () => {
    const { html } = await make();
    expect(html).not.toContain('location.replace("./my-talk.html"');
    const policies = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
    expect(policies).toHaveLength(1);
    const policy = policies[0] ?? "";
    expect(policy).not.toContain("sha256-old");
    const [module, early, author] = inlineScripts(html);
    expect(policy).toContain(scriptHash(module ?? ""));
    expect(policy).toContain(scriptHash(early ?? ""));
    // The author's script in a slide stays blocked.
    expect(author).toContain('alert("author")');
    expect(policy).not.toContain(scriptHash(author ?? ""));
  });

  it("leaves the slides as the author wrote them, and a link the page has to elsewhere", async () => {
    const { html } = await make();
    expect(html).toContain("<p>The author wrote ./assets/ on a slide.</p>");
    expect(html).toContain('<link rel="stylesheet" href="https://fonts.example.org/brand.css">');
  });

  it("names the folder when its page loads no script", async () => {
    const dir = builtFolder();
    folders.push(dir);
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><head><title>x</title></head>");
    await expect(makeSingleFile(dir)).rejects.toThrow(
      `${dir}/index.html loads no module script of its folder`,
    );
  });
});

describe("escapeInline", () => {
  it("escapes a closing tag in any case, and only there", () => {
    expect(escapeInline('a="</SCRIPT>"; b="<p>"', "script")).toBe('a="\\x3C/SCRIPT>"; b="<p>"');
    expect(escapeInline("a{content:'</Style>'} b>c", "style")).toBe("a{content:'<\\/Style>'} b>c");
  });
});
