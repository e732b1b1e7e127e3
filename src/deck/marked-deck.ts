import { Marked, Renderer, type Token, type Tokens } from "marked";
import { type PreparedCode, renderCodeFence } from "./code-fence.ts";
import { fencedDivExtension } from "./fenced-divs.ts";
import { imageAttributesHtml, type PreparedImage } from "./image-attributes.ts";
import { mathBlockExtension, mathInlineExtension } from "./math.ts";

const plain = new Renderer();

/**
 * The one Markdown dialect of the deck: GitHub's, with fenced divs (`::: columns`) and math
 * (`$…$`). Every step lexes with it, so that the splitter, the notes and the renderer agree on
 * what is inside what.
 */
export const deckMarked = new Marked({
  gfm: true,
  extensions: [fencedDivExtension, mathBlockExtension, mathInlineExtension],
  renderer: {
    code: (token) => renderCodeFence(token as PreparedCode),
    image(token) {
      const html = plain.image.call(this, token as Tokens.Image);
      // A function: a replacement string would read `$&` in the author's attributes.
      return html.replace(/>$/, () => `${imageAttributesHtml(token as PreparedImage)}>`);
    },
  },
});

/** The block tokens of a piece of Markdown, in the deck's dialect. */
export function lexMarkdown(text: string): Token[] {
  return deckMarked.lexer(text);
}
