import { expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { pageParts, replacePageParts, withPageParts } from "../../src/vite/page-parts.ts";

const deckOf = (text: string, title = "Talk") =>
  buildDeck({
    slidesDir: "s",
    files: [{ path: "s/a.md", text }],
    settingsFile: { path: "s/deck.yaml", text: `title: ${JSON.stringify(title)}\n` },
    themes: ["default"],
  }).value;

const TEMPLATE =
  '<html lang="en"><head><title>x</title></head><body><div class="reveal"><div class="slides"></div></div></body></html>';

test("a slide's text is written as it is, `$&` and `$'` included (not read as replacement patterns)", () => {
  const deck = deckOf('# Dollars $& $\' $` $1\n\n```js\ns.replace(/x/, "$&!");\n```\n', "Save $$$");
  const page = withPageParts(TEMPLATE, pageParts(deck), true);
  expect(page).toContain("Dollars $&amp; $&#39; $` $1");
  expect(page).toContain("$&amp;!");
  expect(page).toContain("<title>Save $$$</title>");
  expect(page.match(/<div class="reveal">/g)).toHaveLength(1);
});

test("a built page takes another version of the deck in its parts, each where it was", () => {
  const before = deckOf("# One\n\nFirst.\n");
  const after = deckOf("# One\n\nFirst, said again $&.\n\n## Two\n", "Another title");
  const page = withPageParts(TEMPLATE, pageParts(before), true);
  expect(replacePageParts(page, pageParts(before), pageParts(after))).toBe(
    withPageParts(TEMPLATE, pageParts(after), true),
  );
  // A page not written with `before` is not patched.
  expect(replacePageParts(TEMPLATE, pageParts(before), pageParts(after))).toBeUndefined();
});
