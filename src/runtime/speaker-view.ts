import type { RevealApi } from "reveal.js";
import { showToast } from "./toast.ts";

const S_KEY = { keyCode: 83, key: "S", description: "Speaker view (notes, next slide, timer)" };

const BLOCKED =
  "The speaker view popup was blocked. Allow popups for this page, or open this page with ?presenter in another window.";

// The window reveal.js's notes plugin opens; it writes the speaker view into the one of that name.
const NOTES_WINDOW = "reveal.js - Notes";
const NOTES_FEATURES = "width=1100,height=700";

interface NotesPlugin {
  open(): void;
}

/**
 * Binds S to reveal.js's speaker view. Its code (the notes plugin, a third of the deck's
 * JavaScript) is fetched at the first press, from the deck's own origin (or the single file
 * itself), not by every audience window. Browsers allow a popup only during the key press, so
 * the window opens at once, blank, for the plugin to fill. When the browser blocks the popup, the
 * speaker gets a short, non-blocking message pointing at the presenter view, which needs no popup.
 */
export function bindSpeakerView(reveal: RevealApi): void {
  let plugin: NotesPlugin | undefined;
  let loading: Promise<NotesPlugin> | undefined;
  const load = () => {
    loading ??= import("reveal.js/plugin/notes").then(({ default: Notes }) => {
      const notes = Notes();
      reveal.registerPlugin(notes);
      // The plugin binds S itself; this binding, with its way out, replaces it.
      reveal.addKeyBinding(S_KEY, open);
      plugin = notes;
      return notes;
    });
    return loading;
  };
  const open = () => {
    if (!plugin) {
      // The first press: some browsers (Safari) allow a popup only during the key press itself,
      // so the window opens now, blank, and the plugin finds it by its name once loaded.
      if (!window.open("about:blank", NOTES_WINDOW, NOTES_FEATURES)) {
        showToast(BLOCKED, document);
        return;
      }
      void load().then(tryOpen);
      return;
    }
    tryOpen(plugin);
  };
  const tryOpen = (notes: NotesPlugin) => {
    try {
      notes.open();
    } catch {
      showToast(BLOCKED, document);
    }
  };
  reveal.addKeyBinding(S_KEY, open);
}
