import type { Tokens } from "marked";
import { assetPlaceholder } from "./asset-placeholder.ts";
import { type PreparedCode, prepareCodeFence } from "./code-fence.ts";
import { elementCommentOffsets, markBlankLinesBeforeComments } from "./element-attributes.ts";
import { checkFencedDivs } from "./fenced-divs.ts";
import { prepareHtml } from "./html-assets.ts";
import { finishSlideHtml } from "./html-passes.ts";
import { attachImageAttributes, type PreparedImage, prepareImage } from "./image-attributes.ts";
import { deckMarked, lexMarkdown } from "./marked-deck.ts";
import { type MathToken, prepareMath } from "./math.ts";
import type { Diagnostic, Result, SourcePosition } from "./model.ts";
import type { LineIndex } from "./position.ts";
import type { References, TokenContext } from "./token-context.ts";
import { walkWithOffsets } from "./token-walk.ts";

export type { References, SlideLink } from "./token-context.ts";

/** How a piece of Markdown is rendered: the slide's body or its notes. */
export interface RenderOptions {
  /** Reveal every list item in turn (slide option or deck setting `incremental`). */
  incremental?: boolean;
}

/**
 * Renders Markdown to HTML at build time, in the deck's dialect (GitHub's, with fenced divs and
 * math). Code is highlighted, charts and formulas are drawn, local files become asset
 * placeholders appended to `references.assets`, links to slides are collected, and reveal.js's
 * `.element` attributes and incremental lists are applied; what is wrong is a diagnostic.
 */
export function renderMarkdown(
  text: string,
  offset: number,
  lines: LineIndex,
  references: References,
  options: RenderOptions = {},
): Result<string> {
  const diagnostics: Diagnostic[] = [...checkFencedDivs(text, offset, lines)];
  const elementComments: SourcePosition[] = [];
  const tokens = lexMarkdown(text);
  attachImageAttributes(tokens);
  walkWithOffsets(tokens, text, 0, (token, at) => {
    const context: TokenContext = {
      at: lines.positionAt(offset + at),
      positionIn: (index) => lines.positionAt(offset + at + index),
      references,
      report: (diagnostic) => diagnostics.push(diagnostic),
      addAsset: (ref, position, widthShare) => {
        references.assets.push({ ref, position, widthShare });
        return assetPlaceholder(references.assets.length - 1);
      },
    };
    switch (token.type) {
      case "code":
        prepareCodeFence(token as PreparedCode, context);
        break;
      case "image":
        prepareImage(token as PreparedImage, context);
        break;
      case "html":
        for (const index of elementCommentOffsets(token.raw)) {
          elementComments.push(context.positionIn(index));
        }
        prepareHtml(token as Tokens.HTML, context);
        break;
      case "math":
      case "mathInline":
        prepareMath(token as MathToken, context);
        break;
      case "link": {
        const target = /^#\/([^/?#]*)/.exec((token as Tokens.Link).href)?.[1];
        if (target !== undefined) references.links.push({ target, position: context.at });
        break;
      }
    }
  });
  markBlankLinesBeforeComments(tokens);
  const finished = finishSlideHtml(deckMarked.parser(tokens), {
    elementComments,
    incremental: options.incremental ?? false,
  });
  return { value: finished.value, diagnostics: [...diagnostics, ...finished.diagnostics] };
}
