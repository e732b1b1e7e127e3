import type { RevealApi } from "reveal.js";

/**
 * Walks code blocks with line steps (```rust {1|3-4}): the step shown is the number of the
 * block's step fragments reveal.js has shown; its lines are highlighted, the others muted.
 */
export function showCodeSteps(slide: Element | undefined): void {
  for (const code of slide?.querySelectorAll<HTMLElement>("code[data-line-steps]") ?? []) {
    const steps = JSON.parse(code.dataset.lineSteps ?? "[]") as number[][];
    const shown = code.parentElement?.querySelectorAll(".code-step.visible").length ?? 0;
    const active = new Set(steps[Math.min(shown, steps.length - 1)] ?? []);
    for (const line of code.querySelectorAll<HTMLElement>(".code-line")) {
      const on = active.has(Number(line.dataset.line));
      line.classList.toggle("is-active", on);
      line.classList.toggle("is-muted", !on);
    }
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
