import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { lookup } from "mrmime";

/** The built folder's files that are not code: fonts, images, media; each given as a data URL. */
export class BuiltFiles {
  readonly #root: string;
  readonly #dataUrls = new Map<string, string>();

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  /** A URL of the built page, or of a file in it, as an absolute path. */
  resolve(url: string, from: string): string {
    return path.resolve(from, decodeURI(url.split(/[?#]/)[0] ?? ""));
  }

  /** The file a relative URL names, when it is one inside the built folder. */
  builtFile(url: string, from: string): string | undefined {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) return undefined;
    const file = this.resolve(url, from);
    return file.startsWith(this.#root + path.sep) && existsSync(file) ? file : undefined;
  }

  /** The data URL of a file inside the built folder; undefined for any other URL. */
  dataUrl(url: string, from: string): string | undefined {
    const file = this.builtFile(url, from);
    if (!file) return undefined;
    let data = this.#dataUrls.get(file);
    if (!data) {
      const type = lookup(file) ?? "application/octet-stream";
      data = `data:${type};base64,${readFileSync(file).toString("base64")}`;
      this.#dataUrls.set(file, data);
    }
    return data;
  }

  /** A stylesheet with its `url(…)`s of built files made data URLs. */
  inlineCss(file: string): string {
    const css = readFileSync(file, "utf8").replace(/^@charset "UTF-8";/, "");
    return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _quote, url: string) => {
      const data = this.dataUrl(url, path.dirname(file));
      return data ? `url(${data})` : whole;
    });
  }

  /** The page's own references to built files (`./assets/…`) made data URLs. */
  inlineUrls(html: string): string {
    return html.replace(/(["'(])(\.\/assets\/[^"')\s]+)/g, (whole, before: string, url: string) => {
      const data = this.dataUrl(url, this.#root);
      return data ? before + data : whole;
    });
  }

  /** Every stylesheet Vite wrote. */
  stylesheets(): string[] {
    return readdirSync(path.join(this.#root, "assets"))
      .filter((name) => name.endsWith(".css"))
      .sort()
      .map((name) => path.join(this.#root, "assets", name));
  }
}

/**
 * Text of a page with the URLs of files Vite wrote into `outDir` made data URLs, as the single
 * file has them.
 */
export function inlineBuiltUrls(text: string, outDir: string): string {
  return new BuiltFiles(outDir).inlineUrls(text);
}
