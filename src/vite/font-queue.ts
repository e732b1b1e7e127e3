let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs font work in WebAssembly (harfbuzz, the woff2 coder) one task at a time: run side by side,
 * four fonts of five once came back with no characters at all. The work is on this one thread
 * either way, so the queue costs no time.
 */
export function inFontQueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}
