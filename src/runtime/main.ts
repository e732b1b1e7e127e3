import "reveal.js/reveal.css";
import * as deckModule from "virtual:deck";
import type { RevealApi } from "reveal.js";
import type { Deck } from "../deck/model.ts";
import { openDeckChannel } from "./deck-channel.ts";
import { publishDeckModel } from "./deck-model.ts";
import { isFramedByOthers, refuseToRun } from "./frame-guard.ts";
import { guardMessages } from "./guard-messages.ts";
import { renderHandout } from "./handout.ts";
import { readHandoutOptions } from "./handout-layout.ts";
import { readMode } from "./mode.ts";
import { clearDiagnostics, showDiagnostics } from "./overlay.ts";
import { connectPresenterView, mountPresenterView } from "./presenter-view.ts";
import { startDeck } from "./start-deck.ts";
import { syncWindows } from "./sync-windows.ts";
import { applyTheme, chooseTheme } from "./theme.ts";
import { replaceAlert } from "./toast.ts";

type DeckModule = typeof deckModule;

const mode = readMode(location.search);
// Before reveal.js adds its own listeners, so that this guard sees every message first.
guardMessages(window, { trustParent: mode === "receiver" });
replaceAlert();
const root = document.querySelector<HTMLElement>(".reveal");
let started: Promise<RevealApi | undefined> | undefined;
let refreshPresenter: ((deck: Deck) => void) | undefined;

async function firstStart(revealRoot: HTMLElement, deck: Deck, assetUrls: string[]) {
  if (mode === "print" || mode === "handout") publishDeckModel(deck);
  if (mode === "handout") {
    renderHandout(deck, assetUrls, readHandoutOptions(location.search));
    await document.fonts.ready;
    document.body.dataset.handoutReady = "true";
    return undefined;
  }
  const view =
    mode === "presenter"
      ? mountPresenterView(revealRoot, deck.settings.aspect, localStorage)
      : undefined;
  const reveal = await startDeck(revealRoot, deck, assetUrls, mode);
  if (view) refreshPresenter = connectPresenterView(view, reveal, deck, sessionStorage);
  if (mode === "audience" || mode === "presenter" || mode === "preview") {
    const channel = openDeckChannel(`deck:${location.pathname}`);
    syncWindows(reveal, channel, { lead: mode !== "preview", offset: mode === "preview" ? 1 : 0 });
  }
  return reveal;
}

// The speaker view's and the presenter view's frames are framed by our own pages, which a
// `file://` frame cannot always read; they only show slides they are told to show.
const mayBeFramed = mode === "receiver" || mode === "preview";

function show(module: DeckModule): void {
  if (!root) throw new Error('index.html needs a <div class="reveal"> element');
  if (!mayBeFramed && isFramedByOthers()) {
    refuseToRun(document);
    return;
  }
  if (!module.deck) {
    showDiagnostics(module.diagnostics);
    return;
  }
  clearDiagnostics();
  const { deck, assetUrls } = module;
  applyTheme(chooseTheme(location.search, deck.settings.theme, module.themes));
  if (!started) {
    started = firstStart(root, deck, assetUrls);
    return;
  }
  void started
    .then(() => startDeck(root, deck, assetUrls, mode))
    .then(() => refreshPresenter?.(deck));
}

show(deckModule);

if (import.meta.hot) {
  import.meta.hot.accept("virtual:deck", (next) => {
    if (next) show(next as unknown as DeckModule);
  });
}
