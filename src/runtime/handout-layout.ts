/** Paper sizes for handouts, in millimetres. */
export const PAPERS = {
  a4: { width: 210, height: 297, name: "A4" },
  letter: { width: 215.9, height: 279.4, name: "Letter" },
} as const;

/** A paper name accepted by `--paper`. */
export type Paper = keyof typeof PAPERS;

/** Slides per handout page accepted by `--per-page`. */
export const PER_PAGE = [1, 2, 3] as const;

/** Page margins in millimetres; the top and bottom ones hold the talk's title and page numbers. */
export const HANDOUT_MARGINS = { top: 16, bottom: 14, left: 15, right: 15 } as const;

/** How a handout is laid out; read from and written to the page's URL. */
export interface HandoutOptions {
  paper: Paper;
  perPage: (typeof PER_PAGE)[number];
}

/** The printable area of a page, in millimetres. */
export function contentBox(paper: Paper): { width: number; height: number } {
  const size = PAPERS[paper];
  return {
    width: size.width - HANDOUT_MARGINS.left - HANDOUT_MARGINS.right,
    height: size.height - HANDOUT_MARGINS.top - HANDOUT_MARGINS.bottom,
  };
}

/** Reads `?handout&paper=letter&per-page=2`; unknown values fall back to A4 and 3 per page. */
export function readHandoutOptions(search: string): HandoutOptions {
  const params = new URLSearchParams(search);
  const paper = params.get("paper") === "letter" ? "letter" : "a4";
  const perPage = Number(params.get("per-page"));
  return { paper, perPage: perPage === 1 || perPage === 2 ? perPage : 3 };
}

/** The query string that opens the handout view with these options. */
export function handoutQuery(options: HandoutOptions): string {
  return `?handout&paper=${options.paper}&per-page=${options.perPage}`;
}
