import type { SourceFile } from "./model.ts";

/** A file cut at its front matter: the YAML block at its top (reveal-md's), and the rest. */
export interface FrontMatterParts {
  /**
   * The YAML, after the opening line blanked (so that settings read from it report the file's
   * own lines and columns); undefined when there is no front matter.
   */
  yaml: string | undefined;
  /** Where the slides begin: just after the closing `---` (0 without front matter). */
  bodyOffset: number;
}

// As reveal-md reads it (the yaml-front-matter package): `---` on the first line, the YAML, a
// line `---`; the slides are everything after that line's dashes.
// Its first line must be a `key:`, so a Markdown rule and a setext heading at the top stay Markdown.
const FRONT_MATTER = /^---[ \t]*\n([A-Za-z_][\w-]*[ \t]*:[\s\S]*?)\n---[ \t]*(?=\n|$)/;

/** Finds a reveal-md front matter block at the top of a Markdown file. */
export function splitFrontMatter(file: SourceFile): FrontMatterParts {
  const match = FRONT_MATTER.exec(file.text);
  if (!match) return { yaml: undefined, bodyOffset: 0 };
  const yamlStart = match[0].indexOf("\n") + 1;
  const yamlEnd = yamlStart + (match[1] ?? "").length;
  const blank = (text: string) => text.replace(/[^\n]/g, " ");
  const yaml = blank(file.text.slice(0, yamlStart)) + file.text.slice(yamlStart, yamlEnd);
  return { yaml, bodyOffset: match[0].length };
}
