import { buildFromEnvironment } from "./build-command.ts";
import { removeUnfinishedBuilds } from "./build-files.ts";

/**
 * `npm run build`: the deck for a web server and the single-file deck, both in `dist/`
 * ($DECK_OUT_DIR), from `slides/` ($DECK_DIR). Exit code 1 when the deck has errors.
 */
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    removeUnfinishedBuilds();
    console.error("\ninterrupted: the output folder is as it was");
    process.exit(130);
  });
}
buildFromEnvironment().then((built) => process.exit(built ? 0 : 1));
