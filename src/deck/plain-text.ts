import type { Token } from "marked";

/** The visible text of inline tokens, without Markdown or HTML (`**a** b` becomes `a b`). */
export function plainText(tokens: readonly Token[] | undefined): string {
  let text = "";
  for (const token of tokens ?? []) {
    if (token.type === "html") continue;
    if ("tokens" in token && token.tokens && token.tokens.length > 0) {
      text += plainText(token.tokens);
    } else if (token.type === "br") {
      text += " ";
    } else if ("text" in token && typeof token.text === "string") {
      text += unescapeEntities(token.text);
    }
  }
  return text;
}

const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

// marked escapes some characters in `text` fields (e.g. the `escape` token); undo just those.
function unescapeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

// Tags that end a run of text: what they separate must not run together ("a</p><p>b" is "a b").
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|pre|blockquote|section|aside|figure|figcaption|svg|text|title|desc|g)\b[^>]*>/gi;
const NAMED_ENTITIES: Record<string, string> = { ...entitiesByName(), nbsp: "\u00a0" };

function entitiesByName(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entities).map(([entity, character]) => [entity.slice(1, -1), character]),
  );
}

/** The text of rendered HTML, as a reader meets it: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(BLOCK_TAG, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (entity, name: string) => {
      if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return NAMED_ENTITIES[name] ?? entity;
    });
}
