import { isMap, isNode, isScalar, LineCounter, parseDocument, type YAMLMap } from "yaml";
import { diagnosticAt } from "./diagnostics.ts";
import type {
  AspectRatio,
  DeckSettings,
  Diagnostic,
  Result,
  SlideTransition,
  SourcePosition,
} from "./model.ts";

/** Settings as the author wrote them; blanks are filled in by `resolveSettings`. */
export type PartialSettings = Partial<DeckSettings>;

/** The settings a deck gets when `deck.yaml` does not say otherwise (title: the first slide's). */
export const DEFAULT_SETTINGS: Omit<DeckSettings, "title"> = Object.freeze({
  author: "",
  event: "",
  date: "",
  description: "",
  theme: "default",
  talkMinutes: undefined,
  aspect: "16:9",
  lang: "en",
  source: "",
  separator: "",
  verticalSeparator: "",
  notesSeparator: "",
  transition: "slide",
  incremental: false,
  minFontSize: 18,
  minCodeFontSize: 16,
  url: "",
});

const ASPECTS: readonly AspectRatio[] = ["16:9", "4:3", "16:10"];
/** The slide transitions reveal.js has. */
export const TRANSITIONS: readonly SlideTransition[] = [
  "none",
  "fade",
  "slide",
  "convex",
  "concave",
  "zoom",
];
const TEXT_KEYS = ["title", "author", "event", "date", "description"] as const;
const SEPARATOR_KEYS = ["separator", "verticalSeparator", "notesSeparator"] as const;
/** Every key `deck.yaml` accepts. */
export const SETTING_KEYS = [
  ...TEXT_KEYS,
  "theme",
  "talkMinutes",
  "aspect",
  "lang",
  "source",
  ...SEPARATOR_KEYS,
  "transition",
  "incremental",
  "minFontSize",
  "minCodeFontSize",
  "url",
] as const;

/** reveal.js's themes, by the theme here that looks most like each: light or dark. */
export const REVEAL_THEMES: Readonly<Record<string, string>> = {
  black: "dark",
  "black-contrast": "high-contrast",
  "white-contrast": "default",
  night: "dark",
  moon: "dark",
  league: "dark",
  blood: "dark",
  dracula: "dark",
  white: "default",
  beige: "default",
  sky: "default",
  serif: "default",
  simple: "default",
  solarized: "default",
};

// reveal-md's own options: they mean something there, and nothing here.
const REVEAL_MD_ONLY = new Set([
  "highlightTheme",
  "css",
  "scripts",
  "preprocessor",
  "template",
  "listingTemplate",
  "assetsDir",
  "static",
  "staticDirs",
  "absoluteUrl",
  "featuredSlide",
  "mermaid",
  "glob",
  "port",
  "host",
  "watch",
]);

/** One `key: value` of a settings map, with where its key and value are. */
interface SettingEntry {
  key: string;
  value: unknown;
  keyAt: SourcePosition;
  valueAt: SourcePosition;
  /** The value's own map (`revealOptions:`), when it is one. */
  map: SettingEntry[] | undefined;
}

/** Parses and validates `deck.yaml`; `themes` lists the theme names that exist. */
export function parseDeckSettings(
  file: string,
  text: string,
  themes: readonly string[],
): Result<PartialSettings> {
  const read = readSettingsMap(file, text, "deck.yaml must be a map of `key: value`");
  const settings: PartialSettings = {};
  const diagnostics = [...read.diagnostics];
  for (const entry of read.value) {
    const problem = applySetting(settings, entry, themes);
    if (problem === UNKNOWN) {
      diagnostics.push(
        diagnosticAt(
          entry.keyAt,
          "error",
          "unknown-setting",
          `unknown deck setting \`${entry.key}\`; known settings: ${SETTING_KEYS.join(", ")}`,
        ),
      );
    } else if (problem) {
      diagnostics.push(diagnosticAt(entry.valueAt, "error", "invalid-setting", problem));
    }
  }
  return { value: settings, diagnostics };
}

/**
 * Reads a reveal-md front matter block (`text` is its YAML, after a blanked first line, so
 * positions are the file's): the deck's own settings and what maps onto them
 * (`revealOptions.transition`, a bundled `theme`) are used; reveal-md's other options get a
 * warning that names them, never an error, so a reveal-md talk builds as it is.
 */
export function parseFrontMatterSettings(
  file: string,
  text: string,
  themes: readonly string[],
): Result<PartialSettings> {
  const read = readSettingsMap(file, text, "the front matter must be a map of `key: value`");
  const settings: PartialSettings = {};
  const diagnostics = [...read.diagnostics];
  const warn = (at: SourcePosition, message: string) =>
    diagnostics.push(diagnosticAt(at, "warning", "front-matter-ignored", message));
  for (const entry of read.value) {
    if (entry.key === "revealOptions") {
      for (const option of entry.map ?? []) {
        if (option.key === "transition") {
          const problem = applySetting(settings, option, themes);
          if (problem)
            diagnostics.push(
              diagnosticAt(option.valueAt, "error", "invalid-setting", String(problem)),
            );
        } else {
          warn(
            option.keyAt,
            `reveal.js option \`${option.key}\` is not used here: the deck engine sets reveal.js up itself`,
          );
        }
      }
      if (entry.map === undefined) warn(entry.keyAt, "`revealOptions` must be a map; ignored");
    } else if (
      entry.key === "theme" &&
      typeof entry.value === "string" &&
      !themes.includes(entry.value)
    ) {
      const closest = REVEAL_THEMES[entry.value];
      if (closest && themes.includes(closest)) {
        settings.theme = closest;
        warn(
          entry.valueAt,
          `reveal.js theme \`${entry.value}\` is not bundled here; the closest one, \`${closest}\`, is used`,
        );
      } else {
        warn(
          entry.valueAt,
          `theme \`${entry.value}\` is not one of this deck's themes (${themes.join(", ")}); the deck's theme is used`,
        );
      }
    } else if (REVEAL_MD_ONLY.has(entry.key)) {
      warn(entry.keyAt, `reveal-md option \`${entry.key}\` is not supported here; ignored`);
    } else {
      const problem = applySetting(settings, entry, themes);
      if (problem === UNKNOWN) {
        warn(
          entry.keyAt,
          `front matter key \`${entry.key}\` means nothing here; ignored (deck settings: ${SETTING_KEYS.join(", ")})`,
        );
      } else if (problem) {
        diagnostics.push(diagnosticAt(entry.valueAt, "error", "invalid-setting", problem));
      }
    }
  }
  return { value: settings, diagnostics };
}

const UNKNOWN = Symbol("unknown setting");

// An http(s) address with a host: what a phone's camera opens from a QR code.
function isPublicUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

// Sets one setting; returns what is wrong with its value, or UNKNOWN for a key it does not know.
function applySetting(
  settings: PartialSettings,
  { key, value }: SettingEntry,
  themes: readonly string[],
): string | typeof UNKNOWN | undefined {
  if ((TEXT_KEYS as readonly string[]).includes(key)) {
    if (typeof value !== "string" && typeof value !== "number") return `\`${key}\` must be text`;
    settings[key as (typeof TEXT_KEYS)[number]] = String(value);
  } else if (key === "theme") {
    if (typeof value !== "string" || !themes.includes(value)) {
      return `\`theme\` must be one of the themes in themes/: ${themes.join(", ")}`;
    }
    settings.theme = value;
  } else if (key === "talkMinutes") {
    if (typeof value !== "number" || !(value > 0) || value > 600) {
      return "`talkMinutes` must be a number of minutes, greater than 0";
    }
    settings.talkMinutes = value;
  } else if (key === "minFontSize" || key === "minCodeFontSize") {
    if (typeof value !== "number" || !(value >= 6) || value > 200) {
      return `\`${key}\` must be a size in pixels at 1280×720, such as 28`;
    }
    settings[key] = value;
  } else if (key === "url") {
    if (typeof value !== "string" || !isPublicUrl(value)) {
      return "`url` must be a web address starting with https:// or http://, such as https://example.com/talk";
    }
    settings.url = value;
  } else if (key === "aspect") {
    if (typeof value !== "string" || !(ASPECTS as readonly string[]).includes(value)) {
      return `\`aspect\` must be one of ${ASPECTS.join(", ")} (quote it: "16:9")`;
    }
    settings.aspect = value as AspectRatio;
  } else if (key === "lang") {
    if (typeof value !== "string" || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) {
      return "`lang` must be a language tag such as `en` or `de-CH`";
    }
    settings.lang = value;
  } else if (key === "source") {
    if (typeof value !== "string" || !isSourcePath(value)) {
      return "`source` must be a .txt or .md file inside the slides folder, such as `essay.txt`";
    }
    settings.source = value.replace(/^\.\//, "");
  } else if ((SEPARATOR_KEYS as readonly string[]).includes(key)) {
    const problem = separatorProblem(value);
    if (problem) return `\`${key}\` ${problem}`;
    settings[key as (typeof SEPARATOR_KEYS)[number]] = String(value);
  } else if (key === "incremental") {
    if (typeof value !== "boolean") return "`incremental` must be true or false";
    settings.incremental = value;
  } else if (key === "transition") {
    if (typeof value !== "string" || !(TRANSITIONS as readonly string[]).includes(value)) {
      return `\`transition\` must be one of ${TRANSITIONS.join(", ")}`;
    }
    settings.transition = value as SlideTransition;
  } else return UNKNOWN;
  return undefined;
}

// A separator is a regular expression matched against the text, as in reveal.js.
function separatorProblem(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "")
    return "must be a regular expression, such as `^---$`";
  let pattern: RegExp;
  try {
    pattern = new RegExp(value, "m");
  } catch (error) {
    return `is not a regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
  // An empty match would cut every character apart (reveal.js itself would hang).
  if (pattern.test("")) return "matches empty text; it must match the separator line itself";
  return undefined;
}

// The entries of a YAML map, with positions; what is not a map is one diagnostic.
function readSettingsMap(file: string, text: string, notAMap: string): Result<SettingEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  for (const error of document.errors) {
    diagnostics.push(diagnosticAt(at(error.pos[0]), "error", "invalid-yaml", error.message));
  }
  if (diagnostics.length > 0 || document.contents === null) return { value: [], diagnostics };
  if (!isMap(document.contents)) {
    const offset = document.contents.range?.[0] ?? 0;
    diagnostics.push(diagnosticAt(at(offset), "error", "invalid-settings", notAMap));
    return { value: [], diagnostics };
  }
  const entries = (map: YAMLMap): SettingEntry[] =>
    map.items.map((pair) => {
      const keyOffset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0;
      const node = pair.value;
      const valueOffset = (isNode(node) ? node.range?.[0] : undefined) ?? keyOffset;
      return {
        key: isScalar(pair.key) ? String(pair.key.value) : "",
        value: isScalar(node) ? node.value : undefined,
        keyAt: at(keyOffset),
        valueAt: at(valueOffset),
        map: isMap(node) ? entries(node) : undefined,
      };
    });
  return { value: entries(document.contents), diagnostics };
}

// A relative path that stays inside the slides folder.
function isSourcePath(value: string): boolean {
  return (
    /\.(?:txt|md|markdown)$/i.test(value) &&
    !value.startsWith("/") &&
    !value.split(/[\\/]/).includes("..")
  );
}

/** Fills in defaults and freezes the settings. */
export function resolveSettings(partial: PartialSettings, firstTitle: string): DeckSettings {
  return Object.freeze({ ...DEFAULT_SETTINGS, title: firstTitle, ...partial });
}

/** The 1-based line of `deck.yaml` that sets `key`, or 1 when it is not set there. */
export function settingLine(text: string, key: string): number {
  const match = new RegExp(`^${key}\\s*:`, "m").exec(text);
  return match ? text.slice(0, match.index).split("\n").length : 1;
}
