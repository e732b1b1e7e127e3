import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { Builder, By, Key, type WebDriver } from "selenium-webdriver";
import { type Availability, type Engine, type EngineWindow, waitForValue } from "./engine.ts";

const DRIVER = "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const XVFB = "/usr/bin/Xvfb";

/** Whether WebKit can run here: Debian's webkit2gtk-driver, and a display or Xvfb. */
export function webkitAvailability(): Availability {
  const missing = [DRIVER, MINIBROWSER].filter((file) => !existsSync(file));
  if (!process.env.DISPLAY && !existsSync(XVFB)) missing.push(XVFB);
  return missing.length === 0
    ? undefined
    : `WebKit is not installed (${missing.join(", ")}): skipping WebKit (apt-get install webkit2gtk-driver xvfb)`;
}

const KEYS: Record<string, string> = {
  ArrowRight: Key.ARROW_RIGHT,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
};

// WebDriver classic cannot listen from a page's first script: this starts listening when called.
const WATCH = `
  if (!window.deckProblems) {
    window.deckProblems = [];
    const note = (text) => window.deckProblems.push(location.href + ": " + text);
    addEventListener("error", (event) => note(event.message || "failed to load " + (event.target && event.target.src)), true);
    addEventListener("unhandledrejection", (event) => note(String(event.reason)));
    addEventListener("securitypolicyviolation", (event) => note("CSP violation: " + event.violatedDirective + " " + event.blockedURI));
    const error = console.error.bind(console);
    console.error = (...args) => { note(args.map(String).join(" ")); error(...args); };
  }
`;

/**
 * Launches WebKitGTK's MiniBrowser (Safari's engine) through WebKitWebDriver, on a virtual
 * display (Xvfb) unless there is one. MiniBrowser's own headless mode hangs the session.
 */
export async function launchWebKit(viewport: { width: number; height: number }): Promise<Engine> {
  const processes: ChildProcess[] = [];
  const display = process.env.DISPLAY ?? (await startXvfb(processes));
  const port = await freePort();
  const driverProcess = spawn(DRIVER, [`--port=${port}`, "--host=127.0.0.1"], {
    env: { ...process.env, DISPLAY: display },
    stdio: "ignore",
  });
  processes.push(driverProcess);
  const stop = () => {
    for (const child of processes) child.kill();
  };
  let driver: WebDriver;
  try {
    driver = await connect(port);
  } catch (error) {
    stop();
    throw error;
  }
  // One window at a time receives commands: every step switches to its window first.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };
  const windowFor = (handle: string): EngineWindow => {
    const on = <T>(step: () => Promise<T>) =>
      inOrder(async () => {
        await driver.switchTo().window(handle);
        return step();
      });
    const watch = () => driver.executeScript(WATCH);
    // The page's inner and outer sizes once its outer size is the window's, as the driver set it.
    const sizeAsSeen = async () => {
      const { width, height } = await driver.manage().window().getRect();
      const read = () =>
        driver.executeScript(
          "return [innerWidth, innerHeight, outerWidth, outerHeight]",
        ) as Promise<number[]>;
      await waitForValue(
        async () => (await read()).slice(2),
        [width, height],
        "the window's size as its page sees it",
      );
      const [innerWidth = 0, innerHeight = 0, outerWidth = 0, outerHeight = 0] = await read();
      return [innerWidth, innerHeight, outerWidth, outerHeight] as const;
    };
    return {
      evaluate: <T>(expression: string) =>
        on(() => driver.executeScript(`return (${expression});`) as Promise<T>),
      evaluateInFrame: <T>(selector: string, expression: string) =>
        on(async () => {
          await driver.switchTo().frame(await driver.findElement(By.css(selector)));
          try {
            return (await driver.executeScript(`return (${expression});`)) as T;
          } finally {
            await driver.switchTo().defaultContent();
          }
        }),
      press: (key) =>
        on(() =>
          driver
            .actions()
            .sendKeys(KEYS[key] ?? key)
            .perform(),
        ),
      click: (selector) => on(() => driver.findElement(By.css(selector)).click()),
      goto: (url) =>
        on(async () => {
          await driver.get(url);
          await watch();
        }),
      reload: () =>
        on(async () => {
          await driver.navigate().refresh();
          await watch();
        }),
      resize: (width, height) =>
        on(async () => {
          // The window's size includes MiniBrowser's toolbar: size it, measure the toolbar once
          // the page sees the new size (the driver answers before it does), and correct.
          await driver.manage().window().setRect({ width, height });
          const [innerWidth, innerHeight, outerWidth, outerHeight] = await sizeAsSeen();
          await driver
            .manage()
            .window()
            .setRect({
              width: width + outerWidth - innerWidth,
              height: height + outerHeight - innerHeight,
            });
          await sizeAsSeen();
        }),
      screenshot: (file) =>
        on(async () => {
          const { writeFileSync } = await import("node:fs");
          writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
        }),
      close: () => on(() => driver.close()),
    };
  };
  // The session's first window stays open, blank: closing a session's last window ends it, and
  // new windows are opened from it (a closed current window cannot open one).
  const home = await driver.getWindowHandle();
  const handles = () => inOrder(() => driver.getAllWindowHandles());
  return {
    name: "WebKit",
    open: async (url) => {
      const handle = await inOrder(async () => {
        await driver.switchTo().window(home);
        await driver.switchTo().newWindow("window");
        return driver.getWindowHandle();
      });
      const window = windowFor(handle);
      await window.resize(viewport.width, viewport.height);
      await window.goto(url);
      return window;
    },
    popup: async (action) => {
      const before = new Set(await handles());
      await action();
      const deadline = Date.now() + 15_000;
      for (;;) {
        const added = (await handles()).find((handle) => !before.has(handle));
        if (added) {
          const window = windowFor(added);
          await inOrder(async () => {
            await driver.switchTo().window(added);
            await driver.executeScript(WATCH);
          });
          return window;
        }
        if (Date.now() > deadline) throw new Error("no window opened");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    problems: (window) => window.evaluate<string[]>("window.deckProblems || []"),
    requests: (window) =>
      window.evaluate<string[]>(
        'performance.getEntriesByType("resource").map((entry) => entry.name).concat(location.href)',
      ),
    close: async () => {
      try {
        await driver.quit();
      } finally {
        stop();
      }
    },
  };
}

async function connect(port: number): Promise<WebDriver> {
  const capabilities = {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
  };
  // The driver takes a moment to listen: retry until it answers.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await new Builder()
        .withCapabilities(capabilities)
        .usingServer(`http://127.0.0.1:${port}`)
        .build();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// Xvfb picks a free display and writes its number to the descriptor it is given.
function startXvfb(processes: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(
      XVFB,
      ["-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
      {
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    processes.push(xvfb);
    xvfb.once("error", reject);
    xvfb.stdout?.once("data", (data: Buffer) => resolve(`:${data.toString().trim()}`));
  });
}
