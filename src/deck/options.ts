import { diagnosticAt } from "./diagnostics.ts";
import { lexMarkdown } from "./marked-deck.ts";
import type { Diagnostic, Result, SlideLayout, SlideOptions, SourcePosition } from "./model.ts";
import type { LineIndex } from "./position.ts";
import { attributeProblem } from "./safe-attributes.ts";
import { TRANSITIONS } from "./settings.ts";

/** A slide body with its option comments parsed and blanked out. */
export interface ParsedOptions {
  options: SlideOptions;
  /** Where each option was written, for diagnostics about its value (a missing background). */
  positions: Partial<Record<keyof SlideOptions, SourcePosition>>;
  /** Where each of `options.attributes` was written (a missing file, a bad URL). */
  attributePositions: Record<string, SourcePosition>;
  /** The body with each option comment replaced by spaces, so offsets stay valid. */
  body: string;
}

// `<!-- .slide: key=value key="a value" -->`, the comment reveal.js's markdown plugin uses.
const OPTIONS_COMMENT = /<!--[ \t]*\.slide:([\s\S]*?)-->/g;
const OPTION_PAIR = /([^\s=]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(\S+)/g;

const LAYOUTS: readonly SlideLayout[] = ["title", "section", "content", "center"];

/** The option keys a slide accepts, documented in the README. */
export const OPTION_KEYS = [
  "timing",
  "layout",
  "background",
  "backgroundSize",
  "backgroundPosition",
  "backgroundOpacity",
  "class",
  "transition",
  "id",
  "incremental",
] as const;

/** Parses and validates `<!-- .slide: ... -->` comments in a slide body (top level only). */
export function parseSlideOptions(
  body: string,
  offset: number,
  lines: LineIndex,
): Result<ParsedOptions> {
  const diagnostics: Diagnostic[] = [];
  const options: SlideOptions = {};
  const positions: ParsedOptions["positions"] = {};
  const attributePositions: Record<string, SourcePosition> = {};
  let blanked = body;
  let position = 0;
  for (const token of lexMarkdown(body)) {
    // Anywhere in the slide, as in reveal.js, except in code, where it is code.
    if (token.type !== "code") {
      for (const comment of token.raw.matchAll(OPTIONS_COMMENT)) {
        const start = position + comment.index;
        const argsStart = start + comment[0].indexOf(":") + 1;
        parsePairs(comment[1] ?? "", (key, written, at, bare) => {
          let value = written;
          const where = lines.positionAt(offset + argsStart + at);
          // reveal.js sets a bare `data-auto-animate` as an empty attribute.
          if (bare && /^data-[\w-]+$/.test(key)) {
            value = "";
          } else if (bare) {
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
          } else if (options.backgroundImage !== undefined && BACKGROUND_KEYS.has(key)) {
            positions.backgroundImage ??= where;
          } else if (options.attributes?.[key] !== undefined) {
            attributePositions[key] = where;
          }
        });
        blanked = blankRange(blanked, start, start + comment[0].length);
      }
    }
    position += token.raw.length;
  }
  return { value: { options, positions, attributePositions, body: blanked }, diagnostics };
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
      if (!/^[A-Za-z0-9][\w-]*$/.test(value)) {
        return invalid("letters, digits, hyphens and underscores");
      }
      options.id = value;
      return undefined;
    case "incremental":
      if (value !== "true" && value !== "false") return invalid("true or false");
      options.incremental = value === "true";
      return undefined;
    case "backgroundSize":
      if (
        !/^(?:cover|contain|auto|\d+(?:\.\d+)?(?:%|px)(?:\s+\d+(?:\.\d+)?(?:%|px))?)$/.test(value)
      ) {
        return invalid("`cover`, `contain`, `auto` or a size such as `50%` or `800px 600px`");
      }
      options.attributes = { ...options.attributes, "data-background-size": value };
      return undefined;
    case "backgroundPosition":
      if (
        !/^(?:(?:top|bottom|left|right|center|\d+(?:\.\d+)?(?:%|px))(?:\s+|$)){1,2}$/.test(value)
      ) {
        return invalid("a position such as `center`, `top right` or `20% 80%`");
      }
      options.attributes = { ...options.attributes, "data-background-position": value };
      return undefined;
    case "backgroundOpacity": {
      const opacity = Number(value);
      if (value.trim() === "" || !(opacity >= 0 && opacity <= 1))
        return invalid("a number from 0 to 1");
      options.attributes = { ...options.attributes, "data-background-opacity": String(opacity) };
      return undefined;
    }
    case "background":
      if (isCssColor(value)) options.backgroundColor = value;
      else if (/^[\w./-]+\.(?:png|jpe?g|gif|svg|webp|avif)$/i.test(value)) {
        options.backgroundImage = value;
      } else return invalid("a CSS colour (`#1e293b`, `rgb(…)`, `navy`) or an image path");
      return undefined;
    default:
      return applyRevealAttribute(options, key, value);
  }
}

// The keys of reveal.js's own slide attributes that mean one of ours.
const BACKGROUND_KEYS = new Set(["background", "data-background", "data-background-image"]);
const REVEAL_TRANSITION = /^(?:(?:none|fade|slide|convex|concave|zoom)(?:-in|-out)?\s*){1,2}$/;

// reveal.js's `data-*` attributes and plain `id`/`class`, as `<!-- .slide: data-x="y" -->` writes
// them: those that mean one of our options set it; the others go on the slide as they are, when
// the allow-list lets them.
function applyRevealAttribute(
  options: SlideOptions,
  key: string,
  value: string,
): { code: string; message: string } | undefined {
  switch (key) {
    case "data-background":
      return applyOption(options, "background", value);
    case "data-background-color":
      if (!isCssColor(value))
        return { code: "invalid-option", message: `\`${key}=${value}\` is not a CSS colour` };
      options.backgroundColor = value;
      return undefined;
    case "data-background-image": {
      const problem = attributeProblem(key, value);
      if (problem) return { code: "unsafe-attribute", message: problem };
      options.backgroundImage = value;
      return undefined;
    }
    case "data-timing":
      return applyOption(options, "timing", value);
    case "data-transition":
      if (isOneOf(TRANSITIONS, value)) return applyOption(options, "transition", value);
      if (!REVEAL_TRANSITION.test(value)) {
        return {
          code: "invalid-option",
          message: `\`${key}=${value}\` is not a reveal.js transition`,
        };
      }
      break;
  }
  const problem = attributeProblem(key, value);
  if (problem) {
    const known = /^[a-z][\w-]*$/.test(key) && !key.startsWith("on") && !key.includes("-");
    return known
      ? {
          code: "unknown-option",
          message: `unknown slide option \`${key}\`; known options: ${OPTION_KEYS.join(", ")}, and reveal.js's data-* attributes`,
        }
      : { code: "unsafe-attribute", message: problem };
  }
  options.attributes = { ...options.attributes, [key]: value };
  return undefined;
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
