import { Lexer } from "marked";
import { diagnosticAt } from "./diagnostics.ts";
import type {
  Diagnostic,
  Result,
  SlideLayout,
  SlideOptions,
  SlideTransition,
  SourcePosition,
} from "./model.ts";
import type { LineIndex } from "./position.ts";

/** A slide body with its option comments parsed and blanked out. */
export interface ParsedOptions {
  options: SlideOptions;
  /** Where each option was written, for diagnostics about its value (a missing background). */
  positions: Partial<Record<keyof SlideOptions, SourcePosition>>;
  /** The body with each option comment replaced by spaces, so offsets stay valid. */
  body: string;
}

// `<!-- .slide: key=value key="a value" -->`, the comment reveal.js's markdown plugin uses.
const OPTIONS_COMMENT = /<!--[ \t]*\.slide:([\s\S]*?)-->/g;
const OPTION_PAIR = /([^\s=]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(\S+)/g;

const LAYOUTS: readonly SlideLayout[] = ["title", "section", "content", "center"];
const TRANSITIONS: readonly SlideTransition[] = [
  "none",
  "fade",
  "slide",
  "convex",
  "concave",
  "zoom",
];
/** The option keys a slide accepts, documented in the README. */
export const OPTION_KEYS = ["timing", "layout", "background", "class", "transition", "id"] as const;

/** Parses and validates `<!-- .slide: ... -->` comments in a slide body (top level only). */
export function parseSlideOptions(
  body: string,
  offset: number,
  lines: LineIndex,
): Result<ParsedOptions> {
  const diagnostics: Diagnostic[] = [];
  const options: SlideOptions = {};
  const positions: ParsedOptions["positions"] = {};
  let blanked = body;
  let position = 0;
  for (const token of Lexer.lex(body, { gfm: true })) {
    if (token.type === "html") {
      for (const comment of token.raw.matchAll(OPTIONS_COMMENT)) {
        const start = position + comment.index;
        const argsStart = start + comment[0].indexOf(":") + 1;
        parsePairs(comment[1] ?? "", (key, value, at, bare) => {
          const where = lines.positionAt(offset + argsStart + at);
          if (bare) {
            diagnostics.push(
              diagnosticAt(
                where,
                "error",
                "invalid-option-syntax",
                `\`${key}\` is not \`key=value\`; write options as <!-- .slide: timing=60 layout=center -->`,
              ),
            );
            return;
          }
          const problem = applyOption(options, key, value);
          if (problem) {
            diagnostics.push(diagnosticAt(where, "error", problem.code, problem.message));
          } else if (key === "background") {
            positions.backgroundImage = where;
          }
        });
        blanked = blankRange(blanked, start, start + comment[0].length);
      }
    }
    position += token.raw.length;
  }
  return { value: { options, positions, body: blanked }, diagnostics };
}

function parsePairs(
  args: string,
  visit: (key: string, value: string, at: number, bare: boolean) => void,
): void {
  for (const match of args.matchAll(OPTION_PAIR)) {
    const [, key, doubleQuoted, singleQuoted, plain, bare] = match;
    if (bare !== undefined) visit(bare, "", match.index, true);
    else visit(key ?? "", doubleQuoted ?? singleQuoted ?? plain ?? "", match.index, false);
  }
}

function applyOption(
  options: SlideOptions,
  key: string,
  value: string,
): { code: string; message: string } | undefined {
  const invalid = (expected: string) => ({
    code: "invalid-option",
    message: `\`${key}=${value}\` is not valid: expected ${expected}`,
  });
  switch (key) {
    case "timing": {
      const seconds = parseDuration(value);
      if (seconds === undefined) return invalid("a duration such as `90`, `90s`, `2m` or `1m30s`");
      options.timing = seconds;
      return undefined;
    }
    case "layout":
      if (!isOneOf(LAYOUTS, value)) return invalid(`one of ${LAYOUTS.join(", ")}`);
      options.layout = value;
      return undefined;
    case "transition":
      if (!isOneOf(TRANSITIONS, value)) return invalid(`one of ${TRANSITIONS.join(", ")}`);
      options.transition = value;
      return undefined;
    case "class": {
      const classes = value.split(/\s+/).filter(Boolean);
      if (classes.length === 0 || !classes.every((c) => /^-?[A-Za-z_][\w-]*$/.test(c))) {
        return invalid("CSS class names separated by spaces");
      }
      options.classes = classes;
      return undefined;
    }
    case "id":
      if (!/^[a-z0-9][a-z0-9-]*$/.test(value)) {
        return invalid("lowercase letters, digits and hyphens");
      }
      options.id = value;
      return undefined;
    case "background":
      if (isCssColor(value)) options.backgroundColor = value;
      else if (/^[\w./-]+\.(?:png|jpe?g|gif|svg|webp|avif)$/i.test(value)) {
        options.backgroundImage = value;
      } else return invalid("a CSS colour (`#1e293b`, `rgb(…)`, `navy`) or an image path");
      return undefined;
    default:
      return {
        code: "unknown-option",
        message: `unknown slide option \`${key}\`; known options: ${OPTION_KEYS.join(", ")}`,
      };
  }
}

/** Reads `90`, `90s`, `2m`, `1m30s` as whole seconds; undefined when it is not a duration. */
export function parseDuration(value: string): number | undefined {
  const match = /^(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const seconds = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

function isCssColor(value: string): boolean {
  return (
    /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ||
    /^(?:rgb|rgba|hsl|hsla|oklch|oklab)\([^()]*\)$/i.test(value) ||
    /^[a-z]+$/i.test(value)
  );
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

function blankRange(text: string, start: number, end: number): string {
  const blank = text.slice(start, end).replace(/[^\n]/g, " ");
  return text.slice(0, start) + blank + text.slice(end);
}
