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
