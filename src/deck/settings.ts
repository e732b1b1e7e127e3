import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { diagnosticAt } from "./diagnostics.ts";
import type { AspectRatio, DeckSettings, Diagnostic, Result } from "./model.ts";

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
});

const ASPECTS: readonly AspectRatio[] = ["16:9", "4:3", "16:10"];
const TEXT_KEYS = ["title", "author", "event", "date", "description"] as const;
/** Every key `deck.yaml` accepts. */
export const SETTING_KEYS = [
  ...TEXT_KEYS,
  "theme",
  "talkMinutes",
  "aspect",
  "lang",
  "source",
] as const;

/** Parses and validates `deck.yaml`; `themes` lists the theme names that exist. */
export function parseDeckSettings(
  file: string,
  text: string,
  themes: readonly string[],
): Result<PartialSettings> {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  for (const error of document.errors) {
    diagnostics.push(diagnosticAt(at(error.pos[0]), "error", "invalid-yaml", error.message));
  }
  if (diagnostics.length > 0) return { value: {}, diagnostics };
  const settings: PartialSettings = {};
  if (document.contents === null) return { value: settings, diagnostics };
  if (!isMap(document.contents)) {
    const offset = document.contents.range?.[0] ?? 0;
    diagnostics.push(
      diagnosticAt(
        at(offset),
        "error",
        "invalid-settings",
        "deck.yaml must be a map of `key: value`",
      ),
    );
    return { value: settings, diagnostics };
  }
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const keyOffset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0;
    const node = isScalar(pair.value) ? pair.value : undefined;
    const valueOffset = (node?.range?.[0] ?? keyOffset) as number;
    const value: unknown = node?.value;
    const problem = (message: string) =>
      diagnostics.push(diagnosticAt(at(valueOffset), "error", "invalid-setting", message));

    if ((TEXT_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "string" && typeof value !== "number") {
        problem(`\`${key}\` must be text`);
      } else settings[key as (typeof TEXT_KEYS)[number]] = String(value);
    } else if (key === "theme") {
      if (typeof value !== "string" || !themes.includes(value)) {
        problem(`\`theme\` must be one of the themes in themes/: ${themes.join(", ")}`);
      } else settings.theme = value;
    } else if (key === "talkMinutes") {
      if (typeof value !== "number" || !(value > 0) || value > 600) {
        problem("`talkMinutes` must be a number of minutes, greater than 0");
      } else settings.talkMinutes = value;
    } else if (key === "aspect") {
      if (typeof value !== "string" || !(ASPECTS as readonly string[]).includes(value)) {
        problem(`\`aspect\` must be one of ${ASPECTS.join(", ")} (quote it: "16:9")`);
      } else settings.aspect = value as AspectRatio;
    } else if (key === "lang") {
      if (typeof value !== "string" || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) {
        problem("`lang` must be a language tag such as `en` or `de-CH`");
      } else settings.lang = value;
    } else if (key === "source") {
      if (typeof value !== "string" || !isSourcePath(value)) {
        problem(
          "`source` must be a .txt or .md file inside the slides folder, such as `essay.txt`",
        );
      } else settings.source = value.replace(/^\.\//, "");
    } else {
      diagnostics.push(
        diagnosticAt(
          at(keyOffset),
          "error",
          "unknown-setting",
          `unknown deck setting \`${key}\`; known settings: ${SETTING_KEYS.join(", ")}`,
        ),
      );
    }
  }
  return { value: settings, diagnostics };
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
