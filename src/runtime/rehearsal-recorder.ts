import type { RevealApi } from "reveal.js";
import type { Deck } from "../deck/model.ts";
import { formatDuration } from "../deck/pacing.ts";
import type { RehearsalRecording } from "../deck/rehearsal.ts";
import "./rehearsal-recorder.css";
import { element } from "./element.ts";

/** Where the dev server takes a rehearsal (see src/vite/rehearsal-endpoint.ts). */
const ENDPOINT = "/__deck/rehearsal";

/** The time on each step of each slide, as the speaker moves: `record` counts up to now. */
export interface StepClock {
  record(now: number): void;
  /** Seconds on each step of each slide, by slide id. */
  times: Map<string, number[]>;
}

/** A clock that gives the time since the last move to the step the deck was on. */
export function stepClock(where: () => { id: string; step: number }, start: number): StepClock {
  const times = new Map<string, number[]>();
  let since = start;
  let at = where();
  return {
    times,
    record(now) {
      const steps = times.get(at.id) ?? [];
      steps[at.step] = (steps[at.step] ?? 0) + (now - since) / 1000;
      times.set(at.id, steps);
      since = now;
      at = where();
    },
  };
}

/** The recording of a rehearsal, slides in the deck's order, steps never skipped (0 s). */
export function recordingOf(
  deck: Deck,
  times: Map<string, number[]>,
  date: Date,
): RehearsalRecording {
  return {
    rehearsed: date.toISOString(),
    slides: deck.slides.flatMap((slide) => {
      const steps = times.get(slide.id);
      if (!steps) return [];
      const filled = Array.from(steps, (seconds) => Math.round((seconds ?? 0) * 10) / 10);
      return [{ id: slide.id, seconds: filled.reduce((a, b) => a + b, 0), steps: filled }];
    }),
  };
}

/**
 * `?rehearse`: times every slide and step as the speaker goes through the talk. "Finish" shows
 * planned against actual for each slide and saves the rehearsal through the dev server into
 * `slides/rehearsal.json`, which the next build paces by.
 */
export function startRehearsal(reveal: RevealApi, deck: Deck): void {
  const where = () => ({
    id: reveal.getCurrentSlide()?.id ?? "",
    step: Math.max(0, (reveal.getIndices().f ?? -1) + 1),
  });
  const clock = stepClock(where, performance.now());
  const elapsed = element("span", "rehearsal-elapsed", "0:00");
  const finish = element("button", "rehearsal-finish", "Finish");
  const panel = element("aside", "rehearsal-panel", "● Rehearsing ", elapsed, finish);
  panel.setAttribute("aria-label", "Rehearsal");
  document.body.append(panel);
  const started = performance.now();
  const tick = setInterval(() => {
    elapsed.textContent = formatDuration((performance.now() - started) / 1000);
  }, 1000);
  for (const event of ["slidechanged", "fragmentshown", "fragmenthidden"]) {
    reveal.on(event, () => clock.record(performance.now()));
  }
  finish.addEventListener("click", () => {
    clock.record(performance.now());
    clearInterval(tick);
    panel.remove();
    const recording = recordingOf(deck, clock.times, new Date());
    const status = element("p", "rehearsal-status", "Saving…");
    document.body.append(resultsTable(deck, recording, status));
    void save(recording).then((line) => {
      status.textContent = line;
    });
  });
}

async function save(recording: RehearsalRecording): Promise<string> {
  try {
    const response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Deck-Rehearsal": "1" },
      body: JSON.stringify(recording),
    });
    if (response.status === 404 || response.status === 405) throw new Error("no dev server");
    if (!response.ok) return `Not saved: ${(await response.text()).trim()}.`;
    const { saved, dropped } = (await response.json()) as { saved: string; dropped: string[] };
    const left =
      dropped.length > 0 ? ` Left out, as they changed name meanwhile: ${dropped.join(", ")}.` : "";
    return `Saved to ${saved}: the next build paces the talk by it. Commit it with the slides.${left}`;
  } catch {
    return "Not saved: a rehearsal is saved by the dev server (npm start), on this machine.";
  }
}

function resultsTable(deck: Deck, recording: RehearsalRecording, status: HTMLElement) {
  const actual = new Map(recording.slides.map((slide) => [slide.id, slide.seconds]));
  const row = (cells: string[], tag: "td" | "th" = "td") =>
    element("tr", "", ...cells.map((cell) => element(tag, "", cell)));
  const planned = deck.slides.reduce((sum, slide) => sum + slide.seconds, 0);
  const total = recording.slides.reduce((sum, slide) => sum + slide.seconds, 0);
  const difference = (seconds: number) =>
    `${seconds >= 0 ? "+" : "−"}${formatDuration(Math.abs(seconds))}`;
  const table = element(
    "table",
    "rehearsal-table",
    element("thead", "", row(["Slide", "Planned", "Rehearsed", "Difference"], "th")),
    element(
      "tbody",
      "",
      ...deck.slides.map((slide) => {
        const seconds = actual.get(slide.id);
        return row([
          slide.title,
          formatDuration(slide.seconds),
          seconds === undefined ? "—" : formatDuration(seconds),
          seconds === undefined ? "" : difference(seconds - slide.seconds),
        ]);
      }),
    ),
    element(
      "tfoot",
      "",
      row([
        "The talk",
        formatDuration(planned),
        formatDuration(total),
        difference(total - planned),
      ]),
    ),
  );
  const close = element("button", "rehearsal-close", "Close");
  const dialog = element(
    "section",
    "rehearsal-results",
    element("h2", "", "Rehearsal"),
    status,
    table,
    close,
  );
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-label", "Rehearsal: planned and rehearsed time per slide");
  close.addEventListener("click", () => dialog.remove());
  return dialog;
}
