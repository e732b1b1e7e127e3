import { launchBrowser } from "../browser/launch-browser.ts";
import { removeUnfinishedBuilds } from "../vite/unfinished-builds.ts";
import { type ExportCommand, parseCommand, USAGE } from "./command.ts";

/**
 * `npm run pdf` and `npm run handout` (src/cli/run.mjs export slides|handout). Chromium is started
 * as soon as the command line is read, before the rest of the command is loaded: with `dist/`
 * current, its start is what an export waits for longest.
 */
let command: ExportCommand;
try {
  const parsed = parseCommand(process.argv.slice(2));
  if (parsed.kind === "help") {
    console.log(USAGE);
    process.exit(0);
  }
  command = parsed;
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const launching = launchBrowser({ handleSignals: false });
// Its failure (no browser) is reported when the browser is needed, after the build's errors.
launching.catch(() => undefined);
const close = () => launching.then((browser) => browser.close()).catch(() => undefined);
let interrupted = false;
// Ctrl-C: close Chromium before leaving, so no browser is left running; no file was written
// (files are written in one synchronous step, which a signal cannot interrupt).
const stop = () => {
  interrupted = true;
  removeUnfinishedBuilds();
  console.error("\ninterrupted: no file written");
  void close().finally(() => process.exit(130));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
const { runExport } = await import("./export-command.ts");
const code = await runExport(command, { launching, close, interrupted: () => interrupted });
// Once stopped, `stop` exits when the browser is closed.
if (!interrupted) process.exit(code);
