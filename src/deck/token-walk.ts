import type { Token, Tokens } from "marked";

/**
 * Visits every token of a tree with its offset in `source`. marked gives exact offsets only for
 * top-level tokens; a child's offset is found by searching for its raw text inside its parent,
 * moving forward so repeated text maps in order.
 */
export function walkWithOffsets(
  tokens: readonly Token[],
  source: string,
  start: number,
  visit: (token: Token, offset: number) => void,
): void {
  let cursor = start;
  for (const token of tokens) {
    const found = source.indexOf(token.raw, cursor);
    const at = found >= 0 ? found : cursor;
    visit(token, at);
    const children: Token[] = [];
    if ("tokens" in token && token.tokens) children.push(...(token.tokens as Token[]));
    if (token.type === "list") children.push(...(token as Tokens.List).items);
    if (token.type === "table") {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
    }
    if (children.length > 0) walkWithOffsets(children, source, at, visit);
    if (found >= 0) cursor = found + token.raw.length;
  }
}
