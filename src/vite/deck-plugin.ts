import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import type { DeckInput } from "../deck/build-deck.ts";
import { diagnosticAt, formatDiagnostic, hasErrors, sortDiagnostics } from "../deck/diagnostics.ts";
import type { Deck, Diagnostic, Result, SourceFile } from "../deck/model.ts";
import { decodeSource, sourcePath } from "../deck/source.ts";
import { SLIDE_SIZES } from "../runtime/reveal-config.ts";
import type { DeckAhead } from "./deck-ahead.ts";
import { generateDeckModule } from "./deck-module.ts";
import { writeMathStylesheet } from "./math-styles.ts";
import { pageParts, withPageParts } from "./page-parts.ts";
import { BASE_STYLESHEET, DECK_STYLESHEET, type DeckLocation, readDeck } from "./read-deck.ts";
import { REHEARSAL_ENDPOINT, saveRehearsal } from "./rehearsal-endpoint.ts";
import { imageForScreen } from "./screen-images.ts";
import { watchFolder } from "./watch-folder.ts";

// How long the slides folder stays quiet after an event before the deck is reloaded.
const SAVE_SETTLES_MS = 20;

/** The id the runtime imports the deck from. */
export const DECK_MODULE_ID = "virtual:deck";
const RESOLVED_ID = `\0${DECK_MODULE_ID}`;

/** The deck as built from disk, with everything the module and the page need. */
export interface DeckBuild {
  deck: Deck;
  /** `deck.yaml`, when the deck has one. */
  settingsFile: SourceFile | undefined;
  diagnostics: Diagnostic[];
  /** The stylesheets the deck loads up front: the shared base, its theme, KaTeX's, its own. */
  styleFiles: string[];
  /** The other themes' stylesheets, by name, loaded when `?theme=` asks for one (offline too). */
  otherThemeFiles: Record<string, string>;
  /** The theme names, for the runtime's `?theme=`. */
  themes: string[];
  assetFiles: string[];
  /** The text the talk was written from (the `source` setting), when it has one. */
  sourceFile: SourceFile | undefined;
}

/**
 * Reads and builds the deck, resolving assets and the theme against the disk. The Markdown
 * pipeline is loaded only when the deck is not the one built on another thread (deck-ahead.ts).
 */
export async function loadDeck(location: DeckLocation): Promise<DeckBuild> {
  const read = readDeck(location);
  const built = await buildUnlessBuilt(read.value);
  const diagnostics = [...read.diagnostics, ...built.diagnostics];
  const assetFiles = built.value.assets.map((asset) => {
    const file = path.resolve(path.dirname(path.resolve(asset.position.file)), asset.ref);
    if (!existsSync(file)) {
      diagnostics.push(
        diagnosticAt(asset.position, "error", "missing-asset", `file not found: ${asset.ref}`),
      );
    }
    return file;
  });
  const baseFile = path.join(location.themesDir, BASE_STYLESHEET);
  const themeFiles = read.value.themes.map((name) => path.join(location.themesDir, `${name}.css`));
  if (!existsSync(baseFile) || !read.value.themes.includes(built.value.settings.theme)) {
    diagnostics.push(
      diagnosticAt(
        { file: read.value.settingsFile?.path ?? read.value.slidesDir, line: 1, column: 1 },
        "error",
        "missing-theme",
        `theme \`${built.value.settings.theme}\` needs ${path.join(location.themesDir, `${built.value.settings.theme}.css`)} and ${baseFile}`,
      ),
    );
  }
  const source = await readSourceFile(location.slidesDir, built.value.settings.source, read.value);
  // KaTeX's rules and fonts, only for a deck with formulas; the cache is inside node_modules, so
  // its font URLs resolve to the katex package.
  const mathCache = path.join(path.dirname(location.themesDir), "node_modules/.cache/deck-math");
  const mathStyle = writeMathStylesheet(built.value, mathCache);
  const mathStyles = mathStyle ? [mathStyle] : [];
  diagnostics.push(...source.diagnostics);
  return {
    deck: built.value,
    settingsFile: read.value.settingsFile,
    sourceFile: source.value,
    diagnostics: sortDiagnostics(diagnostics),
    styleFiles: [
      ...(existsSync(baseFile) ? [baseFile] : []),
      ...themeFiles.filter((_, index) => read.value.themes[index] === built.value.settings.theme),
      ...mathStyles,
      // The deck's own styles, last, for its classes (`::: {.tip}`) and tweaks.
      ...[path.join(location.slidesDir, DECK_STYLESHEET)].filter((file) => existsSync(file)),
    ],
    otherThemeFiles: Object.fromEntries(
      read.value.themes
        .map((name, index) => [name, themeFiles[index] ?? ""] as const)
        .filter(([name]) => name !== built.value.settings.theme),
    ),
    themes: [...read.value.themes],
    assetFiles,
  };
}

// One command builds a deck several times over (its check, then the deck's page and script, each
// with plugins that read it): the same files give the same deck, built once.
let lastBuilt: { key: string; result: Result<Deck> } | undefined;
let ahead: Promise<DeckAhead | undefined> | undefined;
async function buildUnlessBuilt(input: DeckInput): Promise<Result<Deck>> {
  const key = JSON.stringify(input);
  const given = await ahead;
  if (given) lastBuilt = { key: JSON.stringify(given.input), result: given.result };
  ahead = undefined;
  if (lastBuilt?.key !== key) {
    const { buildDeck } = await import("../deck/build-deck.ts");
    lastBuilt = { key, result: buildDeck(input) };
  }
  return lastBuilt.result;
}

/**
 * Takes the deck being built on another thread (deck-ahead.ts): loadDeck waits for it, then
 * builds no more for its input. The bundler can start meanwhile.
 */
export function expectBuiltDeck(built: Promise<DeckAhead | undefined>): void {
  ahead = built;
}

// The `source` setting names a file in the slides folder; it must be there.
async function readSourceFile(
  slidesDir: string,
  source: string,
  input: DeckInput,
): Promise<Result<SourceFile | undefined>> {
  if (!source) return { value: undefined, diagnostics: [] };
  const file = path.join(slidesDir, source);
  if (!existsSync(file)) {
    const { settingLine } = await import("../deck/settings.ts");
    const settings = input.settingsFile;
    return {
      value: undefined,
      diagnostics: [
        diagnosticAt(
          {
            file: settings?.path ?? input.slidesDir,
            line: settingLine(settings?.text ?? "", "source"),
            column: 1,
          },
          "error",
          "missing-source",
          `the source text ${source} is not in ${input.slidesDir}`,
        ),
      ],
    };
  }
  return decodeSource(sourcePath(input.slidesDir, source), readFileSync(file));
}

/** Where the photos made for the screen are cached, in a project with this themes folder. */
export function imageCacheDir(themesDir: string): string {
  return path.join(path.dirname(themesDir), "node_modules/.cache/deck-images");
}

/**
 * The source of `virtual:deck` for a deck as loaded: in a build (`built`), its photos made for
 * the screen (cached by content, originals untouched) and its data left to the page.
 */
export async function deckModuleSource(
  build: DeckBuild,
  built: boolean,
  imageCache: string,
): Promise<string> {
  return generateDeckModule({
    deck: hasErrors(build.diagnostics) ? undefined : build.deck,
    diagnostics: build.diagnostics,
    styleFiles: build.styleFiles,
    otherThemeFiles: build.otherThemeFiles,
    themes: build.themes,
    prerendered: built,
    assetFiles: await Promise.all(
      build.assetFiles.map((file, index) => {
        const asset = build.deck.assets[index];
        return imageForScreen(
          file,
          SLIDE_SIZES[build.deck.settings.aspect],
          { background: asset?.background, widthShare: asset?.widthShare },
          imageCache,
        );
      }),
    ),
  });
}

/**
 * The Vite adapter: serves the deck as `virtual:deck`, fails the build on errors with
 * file:line:col, shows them in the dev overlay, and hot-reloads slide edits, additions and removals.
 */
export function deckPlugin(location: DeckLocation): Plugin {
  const imageCache = imageCacheDir(location.themesDir);
  let command: "build" | "serve" = "serve";
  let latest: Promise<DeckBuild> | undefined;
  const current = () => {
    latest ??= loadDeck(location);
    return latest;
  };
  const isDeckFile = (file: string) => path.resolve(file).startsWith(location.slidesDir + path.sep);

  return {
    name: "deck",
    configResolved(config) {
      command = config.command;
    },
    // Filtered, so that the bundler calls no JavaScript for the engine's other modules.
    resolveId: {
      filter: { id: new RegExp(`^${DECK_MODULE_ID}$`) },
      handler(id) {
        return id === DECK_MODULE_ID ? RESOLVED_ID : undefined;
      },
    },
    load: {
      filter: { id: new RegExp(`^\\0${DECK_MODULE_ID}$`) },
      async handler(id) {
        if (id !== RESOLVED_ID) return undefined;
        latest = undefined;
        const build = await current();
        for (const diagnostic of build.diagnostics) {
          // A build reports its errors once, through this.error below.
          if (command === "serve" || diagnostic.severity === "warning") {
            this.warn(formatDiagnostic(diagnostic));
          }
        }
        const errors = build.diagnostics.filter((d) => d.severity === "error");
        if (command === "build" && errors.length > 0) {
          const first = errors[0] as Diagnostic;
          this.error({
            message: `the deck has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join("\n")}`,
            id: path.resolve(first.file),
            loc: { file: path.resolve(first.file), line: first.line, column: first.column },
          });
        }
        return deckModuleSource(build, command === "build", imageCache);
      },
    },
    async transformIndexHtml(html) {
      return withPageParts(html, pageParts((await current()).deck), command === "build");
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use(REHEARSAL_ENDPOINT, (request, response) => {
        void saveRehearsal(
          request,
          response,
          location.slidesDir,
          async () => (await current()).deck.slides,
        );
      });
      // Two watches feed one reload: Vite's (chokidar) follows the folder even while it is missing
      // or made again, and the folder's own (watch-folder.ts) loses no file renamed away and back,
      // which chokidar once did in a loaded test run.
      server.watcher.add(location.slidesDir);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const reload = (file: string) => {
        if (!isDeckFile(file)) return;
        latest = undefined;
        // One save is often several events (truncate, write, rename): one update for them all.
        clearTimeout(pending);
        pending = setTimeout(() => {
          const module = server.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) void server.reloadModule(module);
        }, SAVE_SETTLES_MS);
      };
      server.watcher.on("add", reload);
      server.watcher.on("unlink", reload);
      server.watcher.on("change", reload);
      const stopWatching = watchFolder(location.slidesDir, reload);
      server.httpServer?.once("close", () => {
        clearTimeout(pending);
        stopWatching();
      });
    },
  };
}
