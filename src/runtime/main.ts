import "reveal.js/reveal.css";
import * as deckModule from "virtual:deck";
import { clearDiagnostics, showDiagnostics } from "./overlay.ts";
import { startDeck } from "./start-deck.ts";

type DeckModule = typeof deckModule;

const root = document.querySelector<HTMLElement>(".reveal");

function show(module: DeckModule): void {
  if (!root) throw new Error('index.html needs a <div class="reveal"> element');
  if (!module.deck) {
    showDiagnostics(module.diagnostics);
    return;
  }
  clearDiagnostics();
  void startDeck(root, module.deck, module.assetUrls);
}

show(deckModule);

if (import.meta.hot) {
  import.meta.hot.accept("virtual:deck", (next) => {
    if (next) show(next as unknown as DeckModule);
  });
}
