// @ts-check
/**
 * `node src/cli/run.mjs <command> [args]`: runs one of the project's command-line tools as
 * JavaScript. The TypeScript sources are bundled with esbuild into node_modules/.cache/deck-cli
 * the first time and whenever a file they are made of changes; every other start only compares
 * those files' sizes and times (about a millisecond) and imports the bundle. A command then starts
 * in Node's own time instead of a TypeScript runner's (half a second, measured).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The commands, by the name package.json's scripts give, and their TypeScript entry points. */
const ENTRIES = {
  build: "src/vite/build-cli.ts",
  export: "src/export/cli.ts",
  check: "src/check/cli.ts",
  "contact-sheet": "src/export/contact-sheet.ts",
  present: "src/present/cli.ts",
  bench: "src/bench/bench.ts",
  "bench-worker": "src/bench/worker.ts",
  "deck-worker": "src/vite/deck-worker.ts",
  "pdf-worker": "src/export/pdf-worker.ts",
  "prepare-fonts": "src/vite/prepare-fonts.ts",
};

const root = process.cwd();
const cache = path.join(root, "node_modules/.cache/deck-cli");
const stampFile = path.join(cache, "stamp.json");

/**
 * The bundle folder, when every file it was made of is as it was then.
 * @returns {string | undefined}
 */
function currentBundle() {
  if (!existsSync(stampFile)) return undefined;
  try {
    /** @type {{ dir: string, inputs: Record<string, [number, number]> }} */
    const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
    for (const [file, [size, mtime]] of Object.entries(stamp.inputs)) {
      const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtime) return undefined;
    }
    const dir = path.join(cache, stamp.dir);
    return Object.keys(ENTRIES).every((name) => existsSync(path.join(dir, `${name}.mjs`)))
      ? dir
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pure JavaScript packages of the Markdown pipeline, bundled in with the commands: Node then
 * loads a few files instead of a hundred modules, 40 ms of a build's start (measured). Every other
 * package is loaded from node_modules as it is (Vite, sharp and the browser drivers find files of
 * their own next to their code).
 */
const BUNDLED_PACKAGES = new Set(["marked", "yaml", "parse5", "entities", "highlight.js"]);

/** @type {import("esbuild").Plugin} */
const otherPackagesExternal = {
  name: "other-packages-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const [scope = "", name = ""] = args.path.split("/");
      const bundled = BUNDLED_PACKAGES.has(scope.startsWith("@") ? `${scope}/${name}` : scope);
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Bundles every command (shared code in chunks of its own, most packages left to node_modules)
 * into a new folder, then points the stamp at it: a command started meanwhile uses the old bundle
 * whole.
 * @returns {Promise<string>}
 */
async function bundle() {
  const { build } = await import("esbuild");
  mkdirSync(cache, { recursive: true });
  const dir = `bundle-${process.pid}-${Date.now()}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: path.join(cache, dir),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [otherPackagesExternal],
    // The bundled packages' CommonJS code asks for Node's own modules with `require`.
    banner: {
      js: 'import { createRequire as createBundleRequire } from "node:module"; const require = createBundleRequire(import.meta.url);',
    },
    metafile: true,
    logLevel: "error",
  });
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  // The launcher itself is an input: it names the commands.
  const launcher = path.relative(root, fileURLToPath(import.meta.url));
  for (const file of [...Object.keys(result.metafile.inputs), launcher]) {
    const stat = statSync(path.join(root, file));
    inputs[file] = [stat.size, stat.mtimeMs];
  }
  const temporary = `${stampFile}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ dir, inputs }));
  renameSync(temporary, stampFile);
  // A command may still load chunks of the bundle it started with: old ones go after a while.
  for (const old of readdirSync(cache)) {
    const folder = path.join(cache, old);
    if (
      old.startsWith("bundle-") &&
      old !== dir &&
      Date.now() - statSync(folder).mtimeMs > 600_000
    ) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return path.join(cache, dir);
}

const [command, ...args] = process.argv.slice(2);
// `npm ci` and `npm install` run this (package.json's "prepare"), so that the first command
// after them starts as fast as every other: the commands bundled, the slides' font subsets made.
// An install never fails for it: a command bundles again, and says what does not compile, when
// it is run; the build makes the subsets that are missing.
if (command === "--prepare") {
  if (!currentBundle()) await bundle().catch(() => undefined);
  const prepared = currentBundle();
  if (prepared) {
    await import(pathToFileURL(path.join(prepared, "prepare-fonts.mjs")).href).catch(
      () => undefined,
    );
  }
  process.exit(0);
}
if (!command || !Object.hasOwn(ENTRIES, command)) {
  console.error(`usage: node src/cli/run.mjs <${Object.keys(ENTRIES).join("|")}> [args]`);
  process.exit(2);
}
let dir = currentBundle();
if (!dir) {
  try {
    dir = await bundle();
  } catch {
    // esbuild has printed what is wrong, with file, line and column.
    console.error("error: the engine's code does not compile (see above); nothing was run");
    process.exit(1);
  }
}
// The command reads its own arguments, as if it had been started directly.
process.argv = [process.argv[0] ?? "node", path.join(dir, `${command}.mjs`), ...args];
await import(pathToFileURL(path.join(dir, `${command}.mjs`)).href);
