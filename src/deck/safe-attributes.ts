/**
 * The one allow-list of HTML attributes an author may set through `<!-- .slide: -->` and
 * `<!-- .element: -->` comments: nothing that runs code, no `javascript:` URL. Values are escaped
 * where they are written out; this decides only which ones are written at all.
 */

// Plain attributes that carry no code and no URL.
const PLAIN = new Set([
  "id",
  "class",
  "style",
  "title",
  "lang",
  "dir",
  "role",
  "hidden",
  "tabindex",
  "width",
  "height",
  "alt",
  "align",
  "start",
  "reversed",
  "colspan",
  "rowspan",
  "target",
  "rel",
  "loading",
  "controls",
  "autoplay",
  "loop",
  "muted",
  "playsinline",
]);

/** Attributes whose value is a URL: local paths are bundled, scripts are refused. */
export const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "poster",
  "data-src",
  "data-background",
  "data-background-image",
  "data-background-video",
  "data-background-iframe",
  "data-preview-image",
  "data-preview-video",
  "data-preview-link",
]);

// `javascript:`, `vbscript:` and HTML in a data URL run code where a URL is expected.
const SCRIPT_URL =
  /^\s*(?:javascript|vbscript|data:(?!image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]))/i;

/** Why an author may not set this attribute to this value, or undefined when they may. */
export function attributeProblem(name: string, value: string): string | undefined {
  const lower = name.toLowerCase();
  if (/^on/.test(lower)) {
    return `\`${name}\` is an event handler; it would never run (the deck's Content-Security-Policy blocks inline code)`;
  }
  const allowed =
    PLAIN.has(lower) ||
    URL_ATTRIBUTES.has(lower) ||
    /^data-[a-z0-9][a-z0-9-]*$/.test(lower) ||
    /^aria-[a-z]+$/.test(lower);
  if (!allowed) {
    return `\`${name}\` is not an attribute the deck sets; use class, id, style, title, data-* or aria-*`;
  }
  if (URL_ATTRIBUTES.has(lower) && SCRIPT_URL.test(value)) {
    return `\`${name}\` may not be a script URL`;
  }
  if (lower === "style" && /expression\s*\(|javascript:/i.test(value)) {
    return "`style` may not hold script";
  }
  return undefined;
}
