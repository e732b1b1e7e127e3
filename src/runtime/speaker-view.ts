import type { RevealApi } from "reveal.js";
import { showToast } from "./toast.ts";

const S_KEY = { keyCode: 83, key: "S", description: "Speaker view (notes, next slide, timer)" };

/**
 * Binds S to reveal.js's speaker view, with a way out when the browser blocks its popup: the notes
 * plugin then throws (reveal.js 6) or alerts (older versions); the speaker gets a short,
 * non-blocking message that points at the presenter view, which needs no popup.
 */
export function bindSpeakerView(reveal: RevealApi): void {
  reveal.addKeyBinding(S_KEY, () => {
    try {
      (reveal.getPlugin("notes") as unknown as { open(): void }).open();
    } catch {
      showToast(
        "The speaker view popup was blocked. Allow popups for this page, or open this page with ?presenter in another window.",
        document,
      );
    }
  });
}
