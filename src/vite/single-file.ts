import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import { rolldown } from "rolldown";
import { BuiltFiles } from "./built-files.ts";
import { withPagePolicy } from "./csp.ts";
import { offlineFileName, openFromDiskScript } from "./offline.ts";

type Element = DefaultTreeAdapterMap["element"];

/** The single-file deck made from a built folder: its file name and its HTML. */
export interface SingleFile {
  /** The talk's title as a file name, e.g. `my-talk.html` (see offlineFileName). */
  fileName: string;
  html: string;
}

/**
 * The single-file deck, made from the deck Vite built for a web server (`outDir`: its index.html
 * and assets/), without building it again: its chunks bundled into one script by Vite's own
 * bundler (what it loads on demand is then inside it), every stylesheet in one `<style>`, every
 * font and image a data URL, the redirect to this file and the preloads left out, and the
 * Content-Security-Policy hashed again for the inline script. It opens from `file://`.
 */
export async function makeSingleFile(outDir: string): Promise<SingleFile> {
  const page = readFileSync(path.join(outDir, "index.html"), "utf8");
  const head = headElements(page);
  const files = new BuiltFiles(outDir);
  // Only what Vite wrote into the folder is inlined; a link elsewhere stays as the page has it.
  const built = (tag: HeadTag) => {
    const url = tag.attrs.src ?? tag.attrs.href;
    return url === undefined ? undefined : files.builtFile(url, outDir);
  };
  const isStylesheet = (tag: HeadTag) =>
    tag.tagName === "link" && tag.attrs.rel === "stylesheet" && built(tag) !== undefined;
  const entry = head.find((tag) => tag.tagName === "script" && tag.attrs.type === "module");
  const entryFile = entry && built(entry);
  if (!entry || !entryFile) {
    throw new Error(`${path.join(outDir, "index.html")} loads no module script of its folder`);
  }
  const script = await bundleScript(entryFile, files);
  const linked = head.filter(isStylesheet).flatMap((tag) => built(tag) ?? []);
  const style = stylesheetsInOrder(linked, entryFile, files)
    .map((file) => files.inlineCss(file))
    .join("\n");
  const fileName = offlineFileName(page);
  const redirect = openFromDiskScript(fileName);
  // The served page's policy is the first tag of its head (csp.ts); the single file gets its own.
  const policy = head.find(
    (tag) =>
      tag.tagName === "meta" &&
      tag.attrs["http-equiv"]?.toLowerCase() === "content-security-policy",
  );
  let styled = false;
  const html = splice(page, head, (tag) => {
    if (tag === entry) return `<script type="module">${escapeInline(script, "script")}</script>`;
    if (isStylesheet(tag)) {
      if (styled) return "";
      styled = true;
      return `<style>${escapeInline(style, "style")}</style>`;
    }
    const preload =
      tag.tagName === "link" && /^(?:modulepreload|preload)$/.test(tag.attrs.rel ?? "");
    const dropped =
      tag === policy ||
      (preload && built(tag) !== undefined) ||
      (tag.tagName === "script" && tag.text === redirect);
    return dropped ? "" : undefined;
  });
  return { fileName, html: withPagePolicy(files.inlineUrls(html)) };
}

/** An element of the page's `<head>`, with where it is in the page. */
interface HeadTag {
  tagName: string;
  attrs: Readonly<Record<string, string>>;
  /** An inline script's text. */
  text: string;
  start: number;
  end: number;
}

// The head only: the slides in the body are the author's and stay as they are.
function headElements(page: string): HeadTag[] {
  const headEnd = page.search(/<\/head>/i);
  const document = parse(headEnd < 0 ? page : page.slice(0, headEnd), {
    sourceCodeLocationInfo: true,
  });
  const html = document.childNodes.find((node): node is Element => "tagName" in node);
  const headNode = html?.childNodes.find(
    (node): node is Element => "tagName" in node && node.tagName === "head",
  );
  const tags: HeadTag[] = [];
  for (const node of headNode?.childNodes ?? []) {
    if (!("tagName" in node) || !node.sourceCodeLocation) continue;
    tags.push({
      tagName: node.tagName,
      attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])),
      text: node.childNodes.map((child) => ("value" in child ? child.value : "")).join(""),
      start: node.sourceCodeLocation.startOffset,
      end: node.sourceCodeLocation.endOffset,
    });
  }
  return tags;
}

// Each head tag replaced by what `replace` gives ("" removes it, with the line it was on).
function splice(
  page: string,
  tags: readonly HeadTag[],
  replace: (tag: HeadTag) => string | undefined,
): string {
  let result = "";
  let at = 0;
  for (const tag of tags) {
    const replacement = replace(tag);
    if (replacement === undefined) continue;
    const lineStart = replacement === "" ? page.lastIndexOf("\n", tag.start - 1) : tag.start;
    const start =
      lineStart >= at && /^\s*$/.test(page.slice(lineStart, tag.start)) ? lineStart : tag.start;
    result += page.slice(at, start) + replacement;
    at = tag.end;
  }
  return result + page.slice(at);
}

/**
 * Inline code made safe for its element: the browser ends a script or style at the first
 * `</script` or `</style`, and `<!--` in a script changes how it reads the rest.
 */
export function escapeInline(code: string, element: "script" | "style"): string {
  return element === "script"
    ? code.replace(/<(\/script|!--)/gi, "\\x3C$1")
    : code.replace(/<\/(style)/gi, "<\\/$1");
}

/**
 * The stylesheets in the order the served deck applies them: the page's own first, then those it
 * loads on demand (other themes, the print and scroll views' rules, the presenter's) in the order
 * Vite's preload list names them; a served page adds each after the ones before.
 */
function stylesheetsInOrder(
  linked: readonly string[],
  entryFile: string,
  files: BuiltFiles,
): string[] {
  const entryCode = readFileSync(entryFile, "utf8");
  const listed = /__vite__mapDeps=\([^)]*m\.f=\[([^\]]*)\]/.exec(entryCode)?.[1] ?? "";
  const preloaded = [...listed.matchAll(/["`']([^"`']+\.css)["`']/g)].map((m) =>
    files.resolve(m[1] ?? "", path.dirname(entryFile)),
  );
  const ordered = [...linked, ...preloaded, ...files.stylesheets()];
  return [...new Set(ordered)].filter((file) => existsSync(file));
}

/**
 * The entry chunk and every chunk it imports, now or on demand, as one script: Vite's preload
 * lists emptied (their stylesheets are in the page already), and the URLs of built files that
 * the code makes with `new URL(…, import.meta.url)` (the slides' photos) made data URLs.
 */
async function bundleScript(entryFile: string, files: BuiltFiles): Promise<string> {
  const bundle = await rolldown({
    input: entryFile,
    platform: "browser",
    logLevel: "silent",
    // Vite has shaken the chunks already.
    treeshake: false,
    plugins: [
      {
        name: "deck-single-file",
        transform: {
          // Only the chunks that have either: the bundler reads the others without calling here.
          filter: { code: /__vite__mapDeps|new URL\(/ },
          handler(code, id) {
            return code
              .replace(/__vite__mapDeps\(\[[\d,\s]*\]\)/g, "[]")
              .replace(
                /new URL\((["'`])([^"'`]+)\1,\s*import\.meta\.url\)/g,
                (whole, _quote, url: string) => {
                  const data = files.dataUrl(url, path.dirname(id));
                  return data ? `new URL(${JSON.stringify(data)})` : whole;
                },
              );
          },
        },
      },
    ],
  });
  try {
    const { output } = await bundle.generate({
      format: "esm",
      codeSplitting: false,
      // The chunks are minified already; the whitespace their joining adds is all that is left.
      minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    });
    return output[0].code.trim();
  } finally {
    await bundle.close();
  }
}
