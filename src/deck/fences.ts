/** True when a marked `code` token's raw text opens a fence it never closes. */
export function isUnclosedFence(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!opening) return false;
  const lines = raw.replace(/\n+$/, "").split("\n");
  if (lines.length < 2) return true;
  const closing = new RegExp(`^ {0,3}${opening[0] === "`" ? "`" : "~"}{${opening.length},}\\s*$`);
  return !closing.test(lines.at(-1) ?? "");
}
