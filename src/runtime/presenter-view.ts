import type { RevealApi } from "reveal.js";
import type { Deck } from "../deck/model.ts";
import { describePacing, formatDuration, PACED_BY_LABEL, pacingStatus } from "../deck/pacing.ts";
import "./presenter-view.css";
import { element } from "./element.ts";

// The presenter view's other parts, loaded with it.
export { mountAudienceStatus } from "./audience-status.ts";
export { trackFollowers } from "./followers.ts";

const FONT_SIZE_KEY = "deck:notes-font-size";
const START_KEY = "deck:presenter-start";
const FONT_SIZES = { min: 14, max: 48, step: 2, initial: 24 };

/** The presenter view's live parts, filled in by `connectPresenterView`. */
export interface PresenterView {
  notes: HTMLElement;
  clock: HTMLElement;
  elapsed: HTMLElement;
  pacing: HTMLElement;
  position: HTMLElement;
  remaining: HTMLElement;
  budget: HTMLElement;
  reset: HTMLButtonElement;
  /** The timer's pane, where the audience windows' status goes. */
  time: HTMLElement;
  /** The "next slide" frame. */
  nextFrame: HTMLIFrameElement;
}

/**
 * Lays out the presenter view around the deck: the current slide (the deck itself, embedded), the
 * next slide (a `?preview` frame that stays one step ahead), the notes with a remembered text
 * size, and the clock, elapsed time and pacing.
 */
export function mountPresenterView(
  revealRoot: HTMLElement,
  aspect: string,
  storage: Storage,
  previewUrl: string,
): PresenterView {
  document.body.classList.add("presenter-mode");
  const current = element("section", "presenter-current");
  current.setAttribute("aria-label", "Current slide");
  current.append(revealRoot);

  const frame = element("iframe", "presenter-next-frame");
  frame.src = previewUrl;
  frame.title = "Next slide";
  const next = element(
    "section",
    "presenter-next",
    element("h2", "presenter-label", "Next"),
    frame,
  );

  const notes = element("div", "presenter-notes-body");
  const smaller = element("button", "presenter-button", "A−");
  const larger = element("button", "presenter-button", "A+");
  smaller.setAttribute("aria-label", "Smaller notes text");
  larger.setAttribute("aria-label", "Larger notes text");
  const savedSize = Number(storage.getItem(FONT_SIZE_KEY));
  let fontSize =
    savedSize >= FONT_SIZES.min && savedSize <= FONT_SIZES.max ? savedSize : FONT_SIZES.initial;
  const applyFontSize = () => {
    notes.style.fontSize = `${fontSize}px`;
    storage.setItem(FONT_SIZE_KEY, String(fontSize));
  };
  const resize = (delta: number) => (event: Event) => {
    fontSize = Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, fontSize + delta));
    applyFontSize();
    // Give the keys back to the deck, so the arrow keys keep moving slides.
    (event.currentTarget as HTMLElement).blur();
  };
  smaller.addEventListener("click", resize(-FONT_SIZES.step));
  larger.addEventListener("click", resize(FONT_SIZES.step));
  applyFontSize();
  const notesPane = element(
    "section",
    "presenter-notes",
    element(
      "header",
      "presenter-notes-header",
      element("h2", "presenter-label", "Notes"),
      smaller,
      larger,
    ),
    notes,
  );

  const clock = element("span", "presenter-clock");
  const elapsed = element("span", "presenter-elapsed");
  const reset = element("button", "presenter-button", "Reset");
  reset.setAttribute("aria-label", "Reset the timer");
  const pacing = element("p", "presenter-pacing");
  const position = element("span", "presenter-position");
  const budget = element("span", "presenter-budget");
  const remaining = element("span", "presenter-remaining");
  const time = element(
    "section",
    "presenter-time",
    element(
      "div",
      "presenter-time-row",
      element("span", "presenter-label", "Elapsed"),
      elapsed,
      reset,
    ),
    pacing,
    element(
      "dl",
      "presenter-facts",
      element("dt", "", "Clock"),
      element("dd", "", clock),
      element("dt", "", "Slide"),
      element("dd", "", position),
      element("dt", "", "Slide budget"),
      element("dd", "", budget),
      element("dt", "", "Talk left"),
      element("dd", "", remaining),
    ),
  );

  const layout = element(
    "main",
    "presenter",
    element("div", "presenter-column", current, notesPane),
    element("div", "presenter-column", next, time),
  );
  layout.style.setProperty("--deck-aspect", aspect.replace(":", " / "));
  layout.setAttribute("aria-label", "Presenter view");
  document.body.prepend(layout);
  return {
    notes,
    clock,
    elapsed,
    pacing,
    position,
    remaining,
    budget,
    reset,
    time,
    nextFrame: frame,
  };
}

/** Keeps the presenter view's notes, timer and pacing up to date; returns a refresh for new decks. */
export function connectPresenterView(
  view: PresenterView,
  reveal: RevealApi,
  deck: Deck,
  session: Storage,
): (deck: Deck) => void {
  let current = deck;
  let start = Number(session.getItem(START_KEY)) || Date.now();
  session.setItem(START_KEY, String(start));
  view.reset.addEventListener("click", (event) => {
    start = Date.now();
    session.setItem(START_KEY, String(start));
    (event.currentTarget as HTMLElement).blur();
    update();
  });

  const showNotes = () => {
    const aside = reveal.getCurrentSlide()?.querySelector("aside.notes");
    if (aside)
      view.notes.replaceChildren(...Array.from(aside.childNodes, (n) => n.cloneNode(true)));
    else view.notes.replaceChildren(element("p", "presenter-no-notes", "No notes for this slide."));
  };

  const update = () => {
    const now = Date.now();
    const elapsedSeconds = (now - start) / 1000;
    const index = reveal.getSlidePastCount();
    const budgets = current.slides.map((slide) => slide.seconds);
    const status = pacingStatus(budgets, index, elapsedSeconds);
    view.clock.textContent = new Date(now).toLocaleTimeString([], {
      hour: "2-digit",
      minute: "2-digit",
    });
    view.elapsed.textContent = formatDuration(elapsedSeconds);
    view.pacing.className = `presenter-pacing ${status.state}`;
    view.pacing.textContent = describePacing(status);
    view.position.textContent = `${index + 1} / ${current.slides.length}`;
    const pacedBy = current.slides[index]?.pacedBy ?? "notes";
    view.budget.textContent = `${formatDuration(budgets[index] ?? 0)} (${PACED_BY_LABEL[pacedBy]})`;
    view.remaining.textContent = formatDuration(current.pacing.talkSeconds - elapsedSeconds);
  };

  for (const event of ["slidechanged", "fragmentshown", "fragmenthidden", "ready"]) {
    reveal.on(event, () => {
      showNotes();
      update();
    });
  }
  showNotes();
  update();
  setInterval(update, 1000);
  return (next) => {
    current = next;
    showNotes();
    update();
  };
}
