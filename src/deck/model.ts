/** How serious a diagnostic is: errors fail the build, warnings are printed. */
export type Severity = "error" | "warning";

/** One finding about the author's input, in the same shape for every pipeline step. */
export interface Diagnostic {
  /** Path of the file, relative to the project root, e.g. `slides/05-smaller-images.md`. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** Stable kebab-case rule id, e.g. `unknown-option`. */
  code: string;
  message: string;
}

/** What a pipeline step returns: a value plus what it found; steps never throw on user input. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** A Markdown file of the deck, already read by the edge. */
export interface SourceFile {
  /** Path relative to the project root, used in diagnostics. */
  path: string;
  /** The file's text, decoded and with line endings normalised to `\n`. */
  text: string;
}

/** The source of one slide, as a splitter cut it from its file. */
export interface SlideChunk {
  file: string;
  /** 1 for a title or section slide (`#`), 2 for a content slide. */
  level: 1 | 2;
  /** The slide's title without Markdown: its heading, or its first words. */
  title: string;
  /** Offset of the chunk's text in the file. */
  offset: number;
  /** Offset of what the slide is found at: its heading, or its first text. */
  at: number;
  /** The slide's Markdown, from its start to the next slide (exclusive). */
  text: string;
  /** True when a vertical separator cut it from the slide above it (a vertical stack). */
  below: boolean;
}

/** Where something starts in a source file. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** How a slide is laid out; `title` and `section` are centred, `content` is a regular slide. */
export type SlideLayout = "title" | "section" | "content" | "center";

/** A reveal.js transition name. */
export type SlideTransition = "none" | "fade" | "slide" | "convex" | "concave" | "zoom";

/** Options an author set on one slide with `<!-- .slide: key=value -->`. */
export interface SlideOptions {
  /** Seconds the speaker plans to spend on this slide. */
  timing?: number;
  layout?: SlideLayout;
  /** A CSS colour for `data-background-color`. */
  backgroundColor?: string;
  /** An asset path (relative to the slide file) for `data-background-image`. */
  backgroundImage?: string;
  /** Extra CSS classes on the slide's `<section>`. */
  classes?: string[];
  transition?: SlideTransition;
  /** An explicit slide id, instead of the one derived from the title. */
  id?: string;
  /** Reveal the slide's list items one by one; overrides the deck's `incremental`. */
  incremental?: boolean;
  /**
   * Other attributes for the slide's `<section>`, from reveal.js's `data-*` in
   * `<!-- .slide: -->` (`data-auto-animate`, `data-background-size`, ...): allow-listed, checked.
   */
  attributes?: Record<string, string>;
}

/** A local file a slide refers to (image, background), resolved by the edge. */
export interface AssetReference {
  /** The path as the author wrote it. */
  ref: string;
  /** Where the author wrote it. */
  position: SourcePosition;
  /** The share of the slide's width it is shown at (`{width=40%}`), when the author says. */
  widthShare?: number | undefined;
  /** For a slide's background: reveal.js's `data-background-size` and `-position` (CSS values). */
  background?: { size: string; position: string } | undefined;
}

/** One slide, rendered to HTML at build time. */
export interface Slide {
  /** URL-safe id: `#/smaller-images` links to it. */
  id: string;
  /** The heading's text, without Markdown. */
  title: string;
  /** 1 for a `#` heading, 2 for `##` (and for a slide cut by a separator, whose title is deeper or none). */
  level: 1 | 2;
  /** True when the slide sits below the one before it, in a vertical stack (reveal.js's ↓). */
  below: boolean;
  layout: SlideLayout;
  /** The slide's content, heading included. Asset URLs are placeholders (see `assetPlaceholder`). */
  html: string;
  /** The speaker notes as HTML; empty when the slide has none. */
  notesHtml: string;
  /** How many words the notes have, for pacing. */
  notesWords: number;
  /** Seconds the slide takes by its notes, or by its own `timing`. */
  estimatedSeconds: number;
  /** Seconds the slide gets in the talk (reveal's `data-timing`): the estimate scaled to the talk length. */
  seconds: number;
  /** Where the estimate comes from: the slide's own `timing=`, a rehearsal, or its notes. */
  pacedBy: "timing" | "rehearsal" | "notes";
  options: SlideOptions;
  /** Where the slide's heading is. */
  source: SourcePosition;
}

/** The supported slide shapes. */
export type AspectRatio = "16:9" | "4:3" | "16:10";

/** Deck-wide settings from `slides/deck.yaml`; every field has a documented default. */
export interface DeckSettings {
  /** The talk's title. Default: the first slide's title. */
  title: string;
  /** The speaker's name. Default: empty. */
  author: string;
  /** Where the talk is given. Default: empty. */
  event: string;
  /** When the talk is given, as written. Default: empty. */
  date: string;
  /** One or two sentences on what the talk is about (PDF subject, handout cover). Default: empty. */
  description: string;
  /** Name of a stylesheet in `themes/` (without `.css`). Default: `default`. */
  theme: string;
  /** Planned length of the talk in minutes. Default: none (the sum of the slides' timings). */
  talkMinutes: number | undefined;
  /** Slide shape. Default: `16:9` (1280×720). */
  aspect: AspectRatio;
  /** The document language. Default: `en`. */
  lang: string;
  /**
   * reveal.js's `data-separator`: a regular expression; when set, slides are cut where it matches,
   * not at headings (a reveal.js or reveal-md deck). Default: none (headings cut slides).
   */
  separator: string;
  /** reveal.js's `data-separator-vertical`: cuts a slide into a vertical stack. Default: none. */
  verticalSeparator: string;
  /** reveal.js's `data-separator-notes`: where the notes begin. Default: a line `Note:`. */
  notesSeparator: string;
  /** The slide transition: none, fade, slide, convex, concave or zoom. Default: `slide`. */
  transition: SlideTransition;
  /** Reveal every list item in turn, on every slide (a slide's `incremental` wins). Default: false. */
  incremental: boolean;
  /**
   * The smallest text the check accepts, in pixels at 1280×720 (the slide as a 720p projector
   * shows it): smaller text is a `small-text` warning. Default: 18.
   */
  minFontSize: number;
  /** The same for code. Default: 16. */
  minCodeFontSize: number;
  /**
   * Where the audience gets the slides (an `https://` address): the title and closing slides
   * show it as text and as a QR code. Default: none (empty).
   */
  url: string;
  /**
   * The text the talk was written from (an essay, a blog post): a `.txt` or `.md` file in the
   * slides folder, not a slide itself. `npm run check` reports each of its sentences that is on
   * no slide and in no notes. Default: none (empty).
   */
  source: string;
}

/** The talk's timing, for the speaker's pacing display. */
export interface DeckPacing {
  /** The speaking rate the estimates use. */
  wordsPerMinute: number;
  /** The talk length in seconds: `talkMinutes`, or else the estimate (reveal's `totalTime`). */
  talkSeconds: number;
  /** How long the notes say the talk takes, in seconds. */
  estimatedSeconds: number;
}

/** The whole talk, ready for the runtime. */
export interface Deck {
  settings: DeckSettings;
  pacing: DeckPacing;
  slides: Slide[];
  /** Local files the slides refer to; index `i` is `assetPlaceholder(i)` in the HTML. */
  assets: AssetReference[];
}
