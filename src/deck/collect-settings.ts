import { diagnosticAt } from "./diagnostics.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { Diagnostic, Result, SourceFile } from "./model.ts";
import { type PartialSettings, parseDeckSettings, parseFrontMatterSettings } from "./settings.ts";

/** reveal-md's default separators (its lib/defaults.json): `---` between slides, `----` below. */
export const REVEAL_MD_SEPARATORS = {
  separator: "\\r?\\n---\\r?\\n",
  verticalSeparator: "\\r?\\n----\\r?\\n",
} as const;

/** The theme here that looks like reveal-md's default, reveal.js's `black`. */
export const REVEAL_MD_THEME = "dark";

/** A slide file ready to be cut: its front matter blanked out, and where its slides begin. */
export interface SlideFile {
  file: SourceFile;
  bodyOffset: number;
}

/** The deck's settings, and its slide files without their front matter. */
export interface CollectedSettings {
  settings: PartialSettings;
  files: SlideFile[];
}

/**
 * The deck's settings from `deck.yaml` and from the front matter of its files (reveal-md's),
 * `deck.yaml` first, then the files in order; a later file that says otherwise is warned about.
 * `files` must be in deck order.
 */
export function collectSettings(
  settingsFile: SourceFile | undefined,
  files: readonly SourceFile[],
  themes: readonly string[],
): Result<CollectedSettings> {
  const diagnostics: Diagnostic[] = [];
  const fromYaml = settingsFile
    ? parseDeckSettings(settingsFile.path, settingsFile.text, themes)
    : { value: {}, diagnostics: [] };
  diagnostics.push(...fromYaml.diagnostics);
  const settings: PartialSettings = { ...fromYaml.value };
  const setBy = new Map<string, string>(
    Object.keys(fromYaml.value).map((key) => [key, settingsFile?.path ?? ""]),
  );
  const slideFiles = files.map((file): SlideFile => {
    const parts = splitFrontMatter(file);
    if (parts.yaml === undefined) return { file, bodyOffset: 0 };
    const parsed = parseFrontMatterSettings(file.path, parts.yaml, themes);
    diagnostics.push(...parsed.diagnostics);
    for (const [key, value] of Object.entries(parsed.value) as [keyof PartialSettings, never][]) {
      const owner = setBy.get(key);
      if (owner === undefined) {
        settings[key] = value;
        setBy.set(key, file.path);
      } else if (settings[key] !== value) {
        diagnostics.push(
          diagnosticAt(
            { file: file.path, line: 1, column: 1 },
            "warning",
            "front-matter-ignored",
            `\`${key}\` is already set by ${owner}; this file's value is ignored`,
          ),
        );
      }
    }
    const blanked = `${file.text.slice(0, parts.bodyOffset).replace(/[^\n]/g, " ")}${file.text.slice(parts.bodyOffset)}`;
    return { file: { ...file, text: blanked }, bodyOffset: parts.bodyOffset };
  });
  // Front matter is reveal-md's: a deck that has it cuts slides as reveal-md does by default,
  // and looks as its default theme (black) does, light on dark.
  if (slideFiles.some((file) => file.bodyOffset > 0)) {
    if (settings.separator === undefined) {
      settings.separator = REVEAL_MD_SEPARATORS.separator;
      settings.verticalSeparator ??= REVEAL_MD_SEPARATORS.verticalSeparator;
    }
    if (settings.theme === undefined && themes.includes(REVEAL_MD_THEME)) {
      settings.theme = REVEAL_MD_THEME;
    }
  }
  return { value: { settings, files: slideFiles }, diagnostics };
}
