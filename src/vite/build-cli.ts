import { parseArgs } from "node:util";
import { buildFromEnvironment } from "./build-command.ts";
import { removeUnfinishedBuilds } from "./unfinished-builds.ts";

/**
 * `npm run build [-- --force]`: the deck for a web server and the single-file deck, both in
 * `dist/` ($DECK_OUT_DIR), from `slides/` ($DECK_DIR); nothing when `dist/` is current, unless
 * `--force`. Exit code 1 when the deck has errors.
 */
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    removeUnfinishedBuilds();
    console.error("\ninterrupted: the output folder is as it was");
    process.exit(130);
  });
}
const USAGE = `Usage: npm run build -- [--force]

  --force   build even when dist/ is current (nothing it was built from has changed)`;

let force = false;
try {
  const { values } = parseArgs({
    options: { force: { type: "boolean", default: false }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  force = values.force;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
buildFromEnvironment(process.cwd(), force).then((built) => process.exit(built ? 0 : 1));
