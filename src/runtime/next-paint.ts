/**
 * Resolves once the browser has drawn the next frame: a frame's callbacks run before it is
 * painted, a task queued from one runs after. A hidden page draws no frame (and shows nothing to
 * wait for): it resolves at once.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (document.visibilityState === "hidden") setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
