import "reveal.js/reveal.css";
import * as deckModule from "virtual:deck";
import type { RevealApi } from "reveal.js";
import type { Deck } from "../deck/model.ts";
import { publishDeckModel } from "./deck-model.ts";
import { isFramedByOthers, refuseToRun } from "./frame-guard.ts";
import { guardMessages } from "./guard-messages.ts";
import { readMode } from "./mode.ts";
import { pairedUrl, pairingToken } from "./pairing.ts";
import { prepareScrollView } from "./scroll-view-styles.ts";
import { deckComplete, startDeck } from "./start-deck.ts";
import { applyTheme, chooseTheme } from "./theme.ts";
import { replaceAlert } from "./toast.ts";

type DeckModule = typeof deckModule;

const mode = readMode(location.search);
const pairing = pairingToken(mode, location.search, sessionStorage);
// Before reveal.js adds its own listeners, so that this guard sees every message first.
guardMessages(window, { trustParent: mode === "receiver", pairingToken: pairing });
replaceAlert();
// Every face the deck's stylesheets declare (subset to its characters, a few kilobytes each) is
// loaded now, not once a slide that uses it is laid out: a print then has all its files while
// reveal.js lays it out. The built page's head has asked for the files already (font-preload.ts);
// loading each face here also uses each of those, so that none was preloaded in vain.
for (const face of document.fonts) face.load().catch(() => undefined);
const root = document.querySelector<HTMLElement>(".reveal");
let started: Promise<RevealApi | undefined> | undefined;
let refreshPresenter: ((deck: Deck) => void) | undefined;

// The presenter view, the handout view and the dev overlay are loaded only in their modes, so an
// audience window downloads none of them.
async function firstStart(revealRoot: HTMLElement, module: DeckModule, assetUrls: string[]) {
  // The audience's view shows its slides from the page; every other view reads their outline.
  const rehearsing = mode === "audience" && new URLSearchParams(location.search).has("rehearse");
  const deck = await withSlides(module, mode !== "audience" || rehearsing);
  if (!deck) return undefined;
  if (mode === "print" || mode === "handout") publishDeckModel(deck);
  if (mode === "handout") {
    const [{ renderHandout }, { readHandoutOptions }] = await Promise.all([
      import("./handout.ts"),
      import("./handout-layout.ts"),
    ]);
    await renderHandout(revealRoot, deck, assetUrls, readHandoutOptions(location.search));
    document.body.dataset.handoutReady = "true";
    return undefined;
  }
  // reveal.js's print and scroll views have stylesheets of their own (see src/vite/reveal-css.ts).
  if (mode === "print") await import("@deck/reveal-print.css");
  const scrollView = mode === "audience" && (await prepareScrollView(location.search));
  const presenter = mode === "presenter" ? await import("./presenter-view.ts") : undefined;
  const remote = mode === "remote" ? await import("./remote-view.ts") : undefined;
  const remoteView = remote?.mountRemoteView(revealRoot, deck.settings.aspect);
  const previewUrl = pairing
    ? pairedUrl({ pathname: location.pathname, hash: "" }, pairing, "preview")
    : `${location.pathname}?preview`;
  const view = presenter?.mountPresenterView(
    revealRoot,
    deck.settings.aspect,
    localStorage,
    previewUrl,
  );
  const requested = location.hash;
  const reveal = await startDeck(revealRoot, deck, assetUrls, mode, { scrollView });
  // The first slide is up; what keeps windows together and follows a phone's turns comes next,
  // and reveal.js's rules for what the speaker may do next (overview, pause, ...).
  performance.mark("first-slide");
  if (mode !== "print") void import("@deck/reveal-later.css");
  await deckComplete(revealRoot);
  if (mode === "audience") {
    const { followScrollView, showRequestedSlide } = await import("./scroll-view.ts");
    followScrollView(reveal, showRequestedSlide(reveal, requested), scrollView);
  }
  if (mode === "audience" || mode === "presenter" || mode === "preview" || mode === "remote") {
    const { connectWindows } = await import("./connect-windows.ts");
    const frames = view?.nextFrame.contentWindow ? [view.nextFrame.contentWindow] : [];
    // Served by `npm run present`: its socket joins this browser's windows to the others and to
    // the phone (the preview frame too, so that it is a step ahead of the phone's moves at once).
    const served = document.querySelector('meta[name="deck-remote"]');
    const sockets = [];
    if (served) {
      const { openSocketChannel, presentSocketUrl } = await import("./socket-channel.ts");
      const url = presentSocketUrl();
      const status = (connected: boolean, lost: boolean) => {
        if (remote && remoteView) remote.showConnection(remoteView, connected, lost);
        // This machine's pages get a new key from a new server: the page again, on its slide.
        else if (lost) void reloadIfServed();
      };
      if (url) sockets.push(openSocketChannel(url, status));
    }
    const windows = connectWindows(reveal, mode, pairing, frames, sockets);
    if (remote && remoteView) remote.connectRemoteView(remoteView, reveal, deck, sessionStorage);
    if (presenter && view) {
      refreshPresenter = presenter.connectPresenterView(view, reveal, deck, sessionStorage);
      const followers = presenter.trackFollowers(windows.channel);
      presenter.mountAudienceStatus(view.time, followers, windows.openAudience);
    }
  }
  if (rehearsing) {
    const { startRehearsal } = await import("./rehearsal-recorder.ts");
    startRehearsal(reveal, deck);
  }
  // Tests and tools wait for this: the deck shows, moves, and keeps its windows together.
  revealRoot.dataset.deckReady = "true";
  return reveal;
}

// The speaker view's and the presenter view's frames are framed by our own pages, which a
// `file://` frame cannot always read; they only show slides they are told to show.
const mayBeFramed = mode === "receiver" || mode === "preview";

async function show(module: DeckModule): Promise<void> {
  if (!root) throw new Error('index.html needs a <div class="reveal"> element');
  if (!mayBeFramed && isFramedByOthers()) {
    refuseToRun(document);
    return;
  }
  if (import.meta.env.DEV) {
    const overlay = await import("./overlay.ts");
    if (!module.deck) {
      overlay.showDiagnostics(module.diagnostics);
      return;
    }
    overlay.clearDiagnostics();
  }
  if (!module.deck) return;
  const { deck, assetUrls } = module;
  const theme = chooseTheme(location.search, deck.settings.theme, module.themes);
  // Only the deck's own theme comes with the page; another one is fetched before it shows.
  await module.themeStyles[theme]?.();
  applyTheme(theme);
  if (!started) {
    started = firstStart(root, module, assetUrls);
    return;
  }
  const reveal = await started;
  if (!reveal) return;
  await startDeck(root, deck, assetUrls, mode);
  refreshPresenter?.(deck);
}

// The deck, with its slides' outline when `needed` (a built page's module leaves it out, see
// src/vite/deck-module.ts); the dev server's deck has its slides.
async function withSlides(module: DeckModule, needed: boolean): Promise<Deck | null> {
  const { deck } = module;
  if (!deck || !needed || deck.slides.length > 0) return deck;
  return { ...deck, slides: await module.loadSlides() };
}

// The present server is back (started again, so with a new key): load the page again from it.
async function reloadIfServed(): Promise<void> {
  try {
    const response = await fetch(location.href, { method: "HEAD", cache: "no-store" });
    if (response.ok) location.reload();
  } catch {
    // Not back yet: the socket keeps trying, and says so again.
  }
}

void show(deckModule);

if (import.meta.hot) {
  import.meta.hot.accept("virtual:deck", (next) => {
    if (next) void show(next as unknown as DeckModule);
  });
}
