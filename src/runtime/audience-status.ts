import type { Followers } from "./followers.ts";
import { showToast } from "./toast.ts";

const NONE =
  "No audience window follows this view. Open it from here, then move it to the projector and press F. (Safari keeps two windows opened on their own from a file apart.)";
const BLOCKED =
  "The browser blocked the new window. Allow popups for this page, or open the deck in another window of this browser.";

/**
 * Shows in the presenter view how many audience windows follow it, with a button that opens one.
 * A presenter view that no window hears says so, instead of silently driving nothing.
 */
export function mountAudienceStatus(
  container: HTMLElement,
  followers: Followers,
  openAudience: () => boolean,
): void {
  const status = document.createElement("p");
  const button = document.createElement("button");
  button.className = "presenter-button presenter-open-audience";
  button.textContent = "Open audience window";
  button.addEventListener("click", () => {
    if (!openAudience()) showToast(BLOCKED, document);
    // Give the keys back to the deck.
    button.blur();
  });
  const show = (count: number) => {
    status.className = `presenter-audience ${count ? "followed" : "alone"}`;
    status.textContent =
      count === 0
        ? NONE
        : `${count} audience window${count === 1 ? "" : "s"} follow${count === 1 ? "s" : ""} this view.`;
  };
  show(followers.count());
  followers.onChange(show);
  const row = document.createElement("div");
  row.className = "presenter-audience-row";
  row.append(status, button);
  container.append(row);
}
