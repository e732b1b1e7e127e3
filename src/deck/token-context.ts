import type { AssetReference, Diagnostic, SourcePosition } from "./model.ts";

/** A link to another slide (`[see](#/smaller-images)`), checked once every slide has its id. */
export interface SlideLink {
  /** The slide id or number after `#/`. */
  target: string;
  position: SourcePosition;
}

/** What rendering found that the deck as a whole resolves: local files and links to slides. */
export interface References {
  assets: AssetReference[];
  links: SlideLink[];
  /** Charts rendered so far, to give each SVG unique ids. */
  charts: number;
}

/** What a step that prepares one kind of token for rendering gets to know and to tell. */
export interface TokenContext {
  /** Where the token starts in its file. */
  at: SourcePosition;
  /** Where an offset inside the token's raw text is in its file. */
  positionIn(index: number): SourcePosition;
  references: References;
  report(diagnostic: Diagnostic): void;
  /** Adds a local file the deck bundles; returns the placeholder that stands for it. */
  addAsset(ref: string, position: SourcePosition, widthShare?: number): string;
}
