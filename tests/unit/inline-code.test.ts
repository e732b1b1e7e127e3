import { expect, test } from "vitest";
import { gzipSize, inlineCode } from "../../src/bench/payload.ts";

test("a page's inline code is its scripts and styles, not its data blocks", () => {
  const script = "document.title = 'x';";
  const style = "body { margin: 0 }";
  const page = `<html><head><script>${script}</script><style>${style}</style></head><body>
    <script type="application/json" id="deck-data">{"deck":{"title":"a long outline"}}</script>
  </body></html>`;
  expect(inlineCode(page)).toBe(gzipSize(new TextEncoder().encode(`${script}\n${style}`)));
  expect(inlineCode("<p>no code</p>")).toBe(0);
});
