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
 * JavaScript) is fetched at the speaker's first key press or tap, not by every page before its
 * first slide. When the browser blocks the popup, the speaker gets a short, non-blocking message
 * pointing at the presenter view, which needs no popup.
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
      // S before the plugin is here: browsers allow a popup only during the key press itself
      // (Safari, and Firefox even for a window that exists), so the window opens now, blank,
      // and the plugin is handed it once loaded.
      const opened = window.open("about:blank", NOTES_WINDOW, NOTES_FEATURES);
      if (!opened) {
        showToast(BLOCKED, document);
        return;
      }
      void load().then((notes) => withOpenedWindow(opened, () => tryOpen(notes)));
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
  // The speaker's first key or tap fetches it, so that S usually finds it here.
  const early = () => {
    removeEventListener("keydown", early, true);
    removeEventListener("pointerdown", early, true);
    void load();
  };
  addEventListener("keydown", early, true);
  addEventListener("pointerdown", early, true);
}

// While `run` runs, the notes plugin's window.open of its window returns the one opened already.
function withOpenedWindow(opened: Window, run: () => void): void {
  const open = window.open;
  window.open = (url, target, features) =>
    target === NOTES_WINDOW && !opened.closed ? opened : open.call(window, url, target, features);
  try {
    run();
  } finally {
    window.open = open;
  }
  // The plugin writes the whole speaker view at once and leaves the document open; a window that
  // was open before it wrote (Firefox) then waits for more, and its scripts never run.
  if (!opened.closed) opened.document.close();
}
