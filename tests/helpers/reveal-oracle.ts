import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import { compareFileNames } from "../../src/deck/build-deck.ts";
import { splitFrontMatter } from "../../src/deck/front-matter.ts";
import { loadDeck } from "../../src/vite/deck-plugin.ts";
import { ROOT, type Served } from "./deck-server.ts";

/** One slide as a reader meets it, the same way for reveal.js's rendering and for ours. */
export interface ReadSlide {
  /** reveal.js's indices: horizontal, and vertical inside a stack. */
  h: number;
  v: number;
  text: string;
  notes: string;
  /** How many times → stays on the slide: its fragment steps. */
  steps: number;
  /** The elements that are fragments, as `li.fragment.fade-up` (code steps apart). */
  fragments: string[];
  /** The slide's background colour and image, as reveal.js paints them. */
  background: string;
  /** reveal.js's attributes that change how a slide moves: auto-animate, transition. */
  motion: string;
  /** The elements outside code given a class or a style, as `img.r-stretch` or `p[style]`. */
  marked: string[];
}

const REVEAL_DIST = path.join(ROOT, "node_modules/reveal.js/dist");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves a slides folder as reveal.js itself presents it, the oracle: reveal.js with its own
 * markdown and highlight plugins, one `<section data-markdown="file">` per Markdown file in the
 * deck's order, with the separators the deck sets, and each file's front matter taken off as
 * reveal-md takes it off.
 */
export async function serveRevealOracle(slidesDir: string): Promise<Served> {
  const { deck } = await loadDeck({ slidesDir, themesDir: path.join(ROOT, "themes") });
  const { separator, verticalSeparator, notesSeparator } = deck.settings;
  const files = deck.slides
    .map((slide) => path.basename(slide.source.file))
    .filter((file, index, all) => all.indexOf(file) === index)
    .sort(compareFileNames);
  const attribute = (name: string, value: string) =>
    value
      ? ` ${name}="${value.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/"/g, "&quot;")}"`
      : "";
  const sections = files
    .map(
      (file) =>
        `<section data-markdown="deck/${encodeURIComponent(file)}"${attribute("data-separator", separator)}${attribute("data-separator-vertical", verticalSeparator)}${attribute("data-separator-notes", notesSeparator)}></section>`,
    )
    .join("\n");
  const page = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="reveal/reveal.css"></head>
<body><div class="reveal"><div class="slides">${sections}</div></div>
<script src="reveal/reveal.js"></script>
<script src="reveal/plugin/markdown.js"></script>
<script src="reveal/plugin/highlight.js"></script>
<script>Reveal.initialize({ plugins: [RevealMarkdown, RevealHighlight], hash: false, transition: "none" })
  .then(() => document.body.setAttribute("data-oracle-ready", ""));</script>
</body></html>`;
  const server = createServer((request, response) => {
    const url = decodeURIComponent(new URL(request.url ?? "/", "http://oracle").pathname);
    let body: string | Buffer | undefined;
    if (url === "/") body = page;
    else if (url.startsWith("/reveal/")) body = readInside(REVEAL_DIST, url.slice(8));
    else if (url.startsWith("/deck/")) {
      body = readInside(slidesDir, url.slice(6));
      if (body && url.endsWith(".md")) {
        const text = body.toString("utf8");
        body = text.slice(splitFrontMatter({ path: url, text }).bodyOffset);
      }
    }
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type":
        url === "/" ? "text/html" : (TYPES[path.extname(url)] ?? "application/octet-stream"),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readInside(root: string, relative: string): Buffer | undefined {
  const file = path.join(root, relative);
  if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    return undefined;
  }
  return readFileSync(file);
}

/**
 * Reads every slide of a deck that reveal.js has started, in its order: indices, visible text
 * (not the notes, and not the copies of code that reveal.js's highlight plugin makes for each
 * line step), notes, and fragment steps. The same for reveal.js's page and for ours.
 */
export function readRevealSlides(page: Page): Promise<ReadSlide[]> {
  return page.evaluate(() => {
    const squash = (text: string) => text.replace(/\s+/g, " ").trim();
    const read = (slide: Element, h: number, v: number) => {
      const copy = slide.cloneNode(true) as HTMLElement;
      for (const skip of copy.querySelectorAll("aside.notes, pre code.fragment")) skip.remove();
      // White space between blocks is not on the slide, and renderers write it differently.
      for (const block of copy.querySelectorAll(
        "p, pre, li, h1, h2, h3, h4, h5, h6, div, blockquote, table, tr, td, th, ul, ol, figure",
      )) {
        block.after(" ");
      }
      // Numbered code is a table of lines in reveal.js and lines of spans here: read its lines.
      for (const code of copy.querySelectorAll("pre code")) {
        const rows = code.querySelectorAll(".hljs-ln-code, .code-line");
        if (rows.length > 0) {
          code.textContent = Array.from(rows, (row) => row.textContent ?? "").join("\n");
        }
      }
      // reveal.js numbers every fragment; one number is one step.
      const steps = new Set(
        Array.from(slide.querySelectorAll(".fragment"), (f) =>
          f.getAttribute("data-fragment-index"),
        ),
      );
      const fragments = Array.from(slide.querySelectorAll(".fragment"))
        .filter((f) => f.tagName !== "CODE" && !f.classList.contains("code-step"))
        .map((f) =>
          [f.tagName.toLowerCase(), ...[...f.classList].filter((c) => c !== "visible").sort()].join(
            ".",
          ),
        );
      const backgroundElement = (slide as unknown as { slideBackgroundElement?: HTMLElement })
        .slideBackgroundElement;
      const shorthand = slide.getAttribute("data-background") ?? "";
      const image =
        slide.hasAttribute("data-background-image") ||
        /^(?:http|file|\/\/)|\.(?:svg|png|jpe?g|gif|bmp|webp)(?:[?#\s]|$)/i.test(shorthand);
      const background = [
        backgroundElement ? getComputedStyle(backgroundElement).backgroundColor : "none",
        image ? "image" : "no image",
        ...["size", "position", "opacity"].map(
          (k) => slide.getAttribute(`data-background-${k}`) ?? "",
        ),
      ]
        .join(" ")
        .trim();
      const marked = Array.from(slide.querySelectorAll("[class], [style]"))
        .filter(
          (e) => !e.closest("pre, aside.notes, svg") && !e.classList.contains("slide-background"),
        )
        .map((e) => {
          const classes = [...e.classList]
            .filter((c) => !/^(?:fragment|visible|current-fragment)$/.test(c))
            .sort();
          // reveal.js sizes r-fit-text and r-stretch itself (by the fonts, by the room left): the
          // author's style is what counts. (An image alone in its paragraph is stretched here,
          // as its author meant; reveal.js stretches only a slide's direct children.)
          const sized = e.classList.contains("r-fit-text") || e.classList.contains("r-stretch");
          const style = sized ? null : e.getAttribute("style");
          return `${e.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join("")}${style ? `[style=${style}]` : ""}`;
        })
        .filter((mark) => /[.[]/.test(mark));
      return {
        h,
        v,
        marked,
        text: squash(copy.textContent ?? ""),
        notes: squash(slide.querySelector("aside.notes")?.textContent ?? ""),
        steps: steps.size,
        fragments,
        background,
        motion: ["data-auto-animate", "data-transition"]
          .filter((name) => slide.hasAttribute(name))
          .map((name) => `${name}=${slide.getAttribute(name)}`)
          .join(" "),
      };
    };
    const top = Array.from(document.querySelectorAll(".reveal .slides > section"));
    return top.flatMap((section, h) => {
      const inner = Array.from(section.querySelectorAll(":scope > section"));
      return inner.length > 0 ? inner.map((slide, v) => read(slide, h, v)) : [read(section, h, 0)];
    });
  });
}
