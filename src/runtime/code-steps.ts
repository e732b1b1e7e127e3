import type { RevealApi } from "reveal.js";

/**
 * Walks code blocks with line steps (```rust {1|3-4}): the step shown is the number of the
 * block's step fragments reveal.js has shown; its lines are highlighted, the others muted.
 */
export function showCodeSteps(slide: Element | undefined): void {
  for (const code of slide?.querySelectorAll<HTMLElement>("code[data-line-steps]") ?? []) {
    const steps = JSON.parse(code.dataset.lineSteps ?? "[]") as number[][];
    const shown = code.parentElement?.querySelectorAll(".code-step.visible").length ?? 0;
    const step = steps[Math.min(shown, steps.length - 1)] ?? [];
    const pre = code.parentElement;
    // An empty step (reveal.js's `[|3-4]`) highlights nothing: every line as it is.
    const active = new Set(step);
    for (const line of code.querySelectorAll<HTMLElement>(".code-line")) {
      const on = active.has(Number(line.dataset.line));
      line.classList.toggle("is-active", on);
      line.classList.toggle("is-muted", step.length > 0 && !on);
    }
    if (pre) scrollToActiveLines(pre);
  }
}

/** Keeps every slide's code steps in step with reveal.js's fragments. */
export function bindCodeSteps(reveal: RevealApi): void {
  const update = () => showCodeSteps(reveal.getCurrentSlide());
  for (const event of ["ready", "slidechanged", "fragmentshown", "fragmenthidden"]) {
    reveal.on(event, update);
  }
  // The next slide (the presenter's preview) starts at its first step too.
  for (const slide of reveal.getSlides()) showCodeSteps(slide);
  update();
}

// Code taller than its box (see themes/_base.css) is scrolled so that the step's lines are in the
// middle, or to the top when the step highlights nothing.
function scrollToActiveLines(pre: HTMLElement): void {
  if (pre.scrollHeight <= pre.clientHeight) return;
  const active = pre.querySelectorAll<HTMLElement>(".code-line.is-active");
  const first = active[0];
  const last = active[active.length - 1];
  const middle = first && last ? (first.offsetTop + last.offsetTop + last.offsetHeight) / 2 : 0;
  const top = first ? Math.max(0, middle - pre.clientHeight / 2) : 0;
  const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  pre.scrollTo({ top, behavior: smooth ? "smooth" : "auto" });
}

/**
 * In reveal.js's print view with a page per fragment step, shows each page's code step: every
 * page holds its own copy of the slide, with the fragments of its step shown.
 */
export function printCodeSteps(reveal: RevealApi, root: HTMLElement): void {
  if (!reveal.getConfig().pdfSeparateFragments) return;
  for (const section of root.querySelectorAll(".pdf-page > section")) showCodeSteps(section);
}
