import path from "node:path";
import { parseArgs } from "node:util";
import { DeckPageError } from "../browser/deck-page.ts";
import { BrowserNotFoundError } from "../browser/find-browser.ts";
import { formatReport } from "./report.ts";
import { runCheck } from "./run-check.ts";

const USAGE = `Usage: npm run check -- [--json] [--slides DIR] [--theme NAME]

  --json         print the findings as JSON (for tools) instead of text
  --slides DIR   the slides folder (default: $DECK_DIR, else slides)
  --theme NAME   check with this theme instead of the deck's

Exit code: 0 when there are no errors, 1 when there are, 2 when the check itself failed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      slides: { type: "string" },
      theme: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = process.cwd();
  const report = await runCheck({
    root,
    slidesDir: path.resolve(values.slides ?? process.env.DECK_DIR ?? "slides"),
    themesDir: path.resolve(root, "themes"),
    theme: values.theme,
    // One updating line on a terminal; nothing per slide in a CI log.
    progress:
      values.json || !process.stderr.isTTY
        ? () => undefined
        : (line) => process.stderr.write(`\r\x1b[K${line}`),
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
    console.log(formatReport(report));
  }
  return report.errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof BrowserNotFoundError || error instanceof DeckPageError;
    console.error(known ? `error: ${(error as Error).message}` : error);
    if (!known) console.error(USAGE);
    process.exit(2);
  },
);
