import { NARROW } from "./reveal-config.ts";

/** Loads reveal.js's scroll view stylesheet (split from its main one, see src/vite/reveal-css.ts). */
export const loadScrollViewStyles = () => import("@deck/reveal-scroll.css");

/**
 * Loads reveal.js's scroll view stylesheet (split from its main one, see src/vite/reveal-css.ts)
 * before reveal.js lays the deck out, when the URL asks for the scroll view (`?view=scroll`) or the
 * window is narrow enough for reveal.js to choose it; says whether it did. Without its styles,
 * reveal.js measures its scroll view wrong and loses the slide.
 */
export async function prepareScrollView(
  search: string,
  media = matchMedia(NARROW),
): Promise<boolean> {
  if (new URLSearchParams(search).get("view") !== "scroll" && !media.matches) return false;
  await loadScrollViewStyles();
  return true;
}
