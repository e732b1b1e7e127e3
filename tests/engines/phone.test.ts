import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAndPreview, fixtureDeck, type Served } from "../helpers/deck-server.ts";
import { PHONE_PROBE, type PhoneView } from "../helpers/phone-probe.ts";
import { type Engine, type EngineWindow, waitFor, waitForValue } from "./engine.ts";
import { launchWebKit, webkitAvailability } from "./webkit.ts";

// The published deck on a phone in Safari's engine: a 390×844 window. This WebKit (GTK, for
// desktops) has no touch input: a finger's swipe is given as what iOS Safari hands the page,
// pointer events of a touch pointer, and a swipe up in the scroll view as the scroll it makes.
const availability = webkitAvailability();
if (availability) console.log(availability);

describe.skipIf(availability !== undefined)("the deck on a phone (WebKit)", () => {
  let served: Served & { outDir: string };
  let browser: Engine;
  beforeAll(async () => {
    served = await buildAndPreview(fixtureDeck("engine"));
    browser = await launchWebKit({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const view = (window: EngineWindow) => window.evaluate<PhoneView>(PHONE_PROBE);
  // Opened upright, at the slide a shared link names.
  const open = async () => {
    const window = await browser.open(`${served.url}#/plain-text`);
    await waitFor(window, '!!document.querySelector(".reveal[data-deck-ready]")', true);
    return window;
  };

  test("held upright: the slide asked for, the screen's width, no sideways scroll; a swipe up moves on", async () => {
    const phone = await open();
    try {
      await waitForValue(async () => (await view(phone)).scrollView, true, "the scroll view");
      // The scroll view scrolls to the slide the link names once it is laid out.
      await waitForValue(async () => (await view(phone)).id, "plain-text", "the linked slide");
      const upright = await view(phone);
      expect(upright).toMatchObject({ id: "plain-text", sideways: 0, zoomable: true });
      expect(upright.widthShare).toBeGreaterThan(0.9);
      expect(upright.textPx).toBeGreaterThanOrEqual(9);
      await phone.evaluate(
        'document.querySelector(".reveal-viewport").scrollBy({ top: innerHeight * 2 }) ?? true',
      );
      await waitForValue(
        async () => (await view(phone)).id,
        "code-steps",
        "the slide two pages on",
      );
      expect((await view(phone)).sideways).toBe(0);
    } finally {
      await phone.close();
    }
  });

  test("turned sideways: the slides, on the same one; a swipe to the left moves to the next", async () => {
    const phone = await open();
    try {
      await phone.resize(844, 390);
      await waitForValue(async () => (await view(phone)).scrollView, false, "the slide view");
      await waitForValue(async () => (await view(phone)).id, "plain-text", "the same slide");
      const sideways = await view(phone);
      expect(sideways).toMatchObject({ id: "plain-text", sideways: 0, scrollView: false });
      expect(sideways.textPx).toBeGreaterThanOrEqual(14);
      await phone.evaluate(`(() => {
        const target = document.querySelector(".reveal");
        const finger = (type, x) => target.dispatchEvent(new PointerEvent(type, {
          pointerId: 7, pointerType: "touch", isPrimary: true, clientX: x, clientY: 200, bubbles: true,
        }));
        finger("pointerdown", 700);
        for (let x = 650; x >= 150; x -= 50) finger("pointermove", x);
        finger("pointerup", 150);
        return true;
      })()`);
      await waitForValue(async () => (await view(phone)).id, "part-one", "the next slide");
    } finally {
      await phone.close();
    }
  });
});
