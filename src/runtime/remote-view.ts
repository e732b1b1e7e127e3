import type { RevealApi } from "reveal.js";
import type { Deck } from "../deck/model.ts";
import { describePacing, formatDuration, PACED_BY_LABEL, pacingStatus } from "../deck/pacing.ts";
import "./remote-view.css";
import { element } from "./element.ts";

const START_KEY = "deck:remote-start";
// A swipe is a horizontal move of at least this many pixels, more sideways than up or down.
const SWIPE_PX = 50;

/** The remote's live parts. */
export interface RemoteView {
  back: HTMLButtonElement;
  next: HTMLButtonElement;
  position: HTMLElement;
  elapsed: HTMLElement;
  pacing: HTMLElement;
  nextTitle: HTMLElement;
  budget: HTMLElement;
  notes: HTMLElement;
  connection: HTMLElement;
  reset: HTMLButtonElement;
  /** Where swipes are read. */
  surface: HTMLElement;
}

/**
 * Lays out the phone's remote around the deck: the current slide small at the top, the next
 * slide's title, the notes, the elapsed time and pacing, and two big buttons within a thumb's
 * reach at the bottom.
 */
export function mountRemoteView(revealRoot: HTMLElement, aspect: string): RemoteView {
  document.body.classList.add("remote-mode");
  const position = element("span", "remote-position");
  const elapsed = element("span", "remote-elapsed");
  const pacing = element("span", "remote-pacing");
  const reset = element("button", "remote-reset", "Reset");
  reset.setAttribute("aria-label", "Reset the timer");
  const current = element("section", "remote-current", revealRoot);
  current.setAttribute("aria-label", "Current slide");
  current.style.setProperty("--deck-aspect", aspect.replace(":", " / "));
  const nextTitle = element("strong", "remote-next-title");
  const budget = element("span", "remote-budget");
  const notes = element("div", "remote-notes");
  notes.setAttribute("aria-label", "Notes");
  const back = element("button", "remote-button remote-back", "‹ Back");
  const next = element("button", "remote-button remote-forward", "Next ›");
  back.setAttribute("aria-label", "Back");
  next.setAttribute("aria-label", "Next");
  const connection = element("p", "remote-connection", "Connecting…");
  connection.setAttribute("role", "status");
  const surface = element(
    "main",
    "remote",
    element("header", "remote-status", position, elapsed, pacing, reset),
    current,
    element("p", "remote-next", "Next: ", nextTitle, " · this slide ", budget),
    notes,
    connection,
    element("nav", "remote-buttons", back, next),
  );
  surface.setAttribute("aria-label", "Remote");
  document.body.prepend(surface);
  return {
    back,
    next,
    position,
    elapsed,
    pacing,
    nextTitle,
    budget,
    notes,
    connection,
    reset,
    surface,
  };
}

/**
 * Makes the remote drive the deck (buttons and swipes move it; the deck's windows follow through
 * the present server) and keeps its notes, next title, time and pacing up to date.
 */
export function connectRemoteView(
  view: RemoteView,
  reveal: RevealApi,
  deck: Deck,
  session: Storage,
): void {
  let start = Number(session.getItem(START_KEY)) || Date.now();
  session.setItem(START_KEY, String(start));
  view.back.addEventListener("click", () => reveal.prev());
  view.next.addEventListener("click", () => reveal.next());
  view.reset.addEventListener("click", () => {
    start = Date.now();
    session.setItem(START_KEY, String(start));
    update();
  });
  let from: { x: number; y: number } | undefined;
  view.surface.addEventListener("pointerdown", (event) => {
    from = { x: event.clientX, y: event.clientY };
  });
  view.surface.addEventListener("pointerup", (event) => {
    if (!from) return;
    const dx = event.clientX - from.x;
    const dy = event.clientY - from.y;
    from = undefined;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy)) return;
    if (dx < 0) reveal.next();
    else reveal.prev();
  });

  const update = () => {
    const index = reveal.getSlidePastCount();
    const elapsedSeconds = (Date.now() - start) / 1000;
    const budgets = deck.slides.map((slide) => slide.seconds);
    const status = pacingStatus(budgets, index, elapsedSeconds);
    view.position.textContent = `${index + 1} / ${deck.slides.length}`;
    view.elapsed.textContent = formatDuration(elapsedSeconds);
    view.pacing.textContent = describePacing(status);
    view.pacing.className = `remote-pacing ${status.state}`;
  };
  // The notes change with the slide, not with the clock: a scroll or a selection in them stays.
  const showSlide = () => {
    const index = reveal.getSlidePastCount();
    view.nextTitle.textContent = deck.slides[index + 1]?.title ?? "the end";
    const slide = deck.slides[index];
    view.budget.textContent = `${formatDuration(slide?.seconds ?? 0)} (${PACED_BY_LABEL[slide?.pacedBy ?? "notes"]})`;
    const aside = reveal.getCurrentSlide()?.querySelector("aside.notes");
    if (aside)
      view.notes.replaceChildren(...Array.from(aside.childNodes, (n) => n.cloneNode(true)));
    else view.notes.replaceChildren(element("p", "remote-no-notes", "No notes for this slide."));
    // A new slide's notes start at their beginning.
    view.notes.scrollTop = 0;
    update();
  };
  reveal.on("slidechanged", showSlide);
  for (const event of ["fragmentshown", "fragmenthidden"]) reveal.on(event, update);
  showSlide();
  setInterval(update, 1000);
}

/**
 * Shows whether the remote reaches the present server; without it the buttons are off, so that
 * the phone never drifts from what the room sees. `lost`: it has not come back for a while.
 */
export function showConnection(view: RemoteView, connected: boolean, lost = false): void {
  view.connection.textContent = connected
    ? "Connected"
    : lost
      ? "No connection to the laptop. If npm run present was started again, scan its new code."
      : "Reconnecting…";
  view.connection.classList.toggle("offline", !connected);
  view.back.disabled = !connected;
  view.next.disabled = !connected;
}
