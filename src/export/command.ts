import { parseArgs } from "node:util";
import { PAPERS, type Paper, PER_PAGE } from "../runtime/handout-layout.ts";
import { ExportError } from "./export-error.ts";

/** The help text of `npm run pdf` and `npm run handout`. */
export const USAGE = `Usage:
  npm run pdf -- [--out FILE] [--fragments] [--keep-going] [--dist DIR]
  npm run handout -- [--out FILE] [--paper a4|letter] [--per-page 1|2|3] [--keep-going] [--dist DIR]

  --out FILE       where to write the PDF (default: exports/<talk>.pdf, exports/<talk>-handout.pdf)
  --fragments      slides: one page per fragment step (default: one page per slide)
  --keep-going     print anyway what would stop the export, each with a warning: a slide that
                   does not fit its page (cut at its edge), a file that failed to load
  --paper NAME     handout: a4 (default) or letter
  --per-page N     handout: slides per page, 1, 2 or 3 (default: 3)
  --dist DIR       print this already built deck instead of building slides/ into dist/ first`;

/** Parses the export command line; throws ExportError with the usage on bad input. */
export function parseCommand(argv: readonly string[]) {
  const { values, positionals } = parseOrExplain(argv);
  const kind = positionals[0];
  if (values.help) return { kind: "help" as const };
  if (kind !== "slides" && kind !== "handout")
    throw new ExportError(`say what to export: slides or handout\n${USAGE}`);
  if (!Object.hasOwn(PAPERS, values.paper))
    throw new ExportError(`--paper must be a4 or letter, not ${values.paper}\n${USAGE}`);
  const perPage = Number(values["per-page"]);
  if (!(PER_PAGE as readonly number[]).includes(perPage)) {
    throw new ExportError(`--per-page must be 1, 2 or 3, not ${values["per-page"]}\n${USAGE}`);
  }
  return {
    kind: kind as "slides" | "handout",
    out: values.out,
    fragments: values.fragments,
    keepGoing: values["keep-going"],
    paper: values.paper as Paper,
    perPage: perPage as 1 | 2 | 3,
    /** An already built deck to print; undefined: build the slides first. */
    distDir: values.dist,
  };
}

/** An export the command line asks for (not its help). */
export type ExportCommand = Exclude<ReturnType<typeof parseCommand>, { kind: "help" }>;

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        fragments: { type: "boolean", default: false },
        "keep-going": { type: "boolean", default: false },
        paper: { type: "string", default: "a4" },
        "per-page": { type: "string", default: "3" },
        dist: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new ExportError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}
