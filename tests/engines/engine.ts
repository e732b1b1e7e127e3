/** A window (tab or popup) of a browser under test, driven through its WebDriver-style API. */
export interface EngineWindow {
  /** Evaluates a JavaScript expression in the page (a promise is awaited) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Evaluates an expression in the frame that the element matching `selector` holds. */
  evaluateInFrame<T>(selector: string, expression: string): Promise<T>;
  /** Presses a key: a character, or `ArrowRight`, `ArrowLeft`, `ArrowDown`. */
  press(key: string): Promise<void>;
  /** Clicks the first element matching a CSS selector, as a user would. */
  click(selector: string): Promise<void>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Sets the size of the page's viewport (CSS pixels). */
  resize(width: number, height: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

/** A browser engine under test. */
export interface Engine {
  name: string;
  /** Opens a new window at `url`. */
  open(url: string): Promise<EngineWindow>;
  /** Runs `action` and returns the window it opened (a popup). */
  popup(action: () => Promise<void>): Promise<EngineWindow>;
  /**
   * What went wrong in any of its pages: console errors, uncaught exceptions, refused requests.
   * Where the driver cannot listen from the start of a page (WebKit), from `watch()` on.
   */
  problems(window: EngineWindow): Promise<string[]>;
  /** URLs every page of the browser requested (or, where the driver cannot see requests, loaded). */
  requests(window: EngineWindow): Promise<string[]>;
  close(): Promise<void>;
}

/** Why an engine cannot run here, in one line, or undefined when it can. */
export type Availability = string | undefined;

/** Polls `expression` in `window` until it equals `expected` (JSON-wise), or fails after `timeout`. */
export function waitFor(
  window: EngineWindow,
  expression: string,
  expected: unknown,
  timeout = 15_000,
): Promise<void> {
  return waitForValue(() => window.evaluate(expression), expected, expression, timeout);
}

/** Polls `read` until it gives `expected` (JSON-wise), or fails after `timeout`. */
export async function waitForValue(
  read: () => Promise<unknown>,
  expected: unknown,
  what: string,
  timeout = 15_000,
): Promise<void> {
  const want = JSON.stringify(expected);
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      last = await read();
      if (JSON.stringify(last) === want) return;
    } catch (error) {
      // A page that is navigating has no document to evaluate in, for a moment.
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `waited ${timeout} ms for ${what} to be ${want}; it was ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
