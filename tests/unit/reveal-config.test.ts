import { describe, expect, test } from "vitest";
import { buildDeck } from "../../src/deck/build-deck.ts";
import { revealConfig } from "../../src/runtime/reveal-config.ts";

const deck = buildDeck({
  slidesDir: "s",
  files: [{ path: "s/a.md", text: "# A\n\n## B\n" }],
  settingsFile: { path: "s/deck.yaml", text: 'talkMinutes: 20\naspect: "4:3"\n' },
  themes: ["default"],
}).value;

describe("revealConfig", () => {
  test("paces the talk with its length and never sets a minimum that would alert()", () => {
    const config = revealConfig(deck, "audience");
    expect(config).toMatchObject({
      totalTime: 1200,
      minimumTimePerSlide: 0,
      width: 1024,
      height: 768,
    });
    expect(config).toMatchObject({
      hash: true,
      slideNumber: "c/t",
      progress: true,
      controls: true,
    });
  });

  test("turns transitions off for people who prefer reduced motion", () => {
    expect(revealConfig(deck, "audience")).toMatchObject({ transition: "slide" });
    expect(revealConfig(deck, "audience", true)).toMatchObject({
      transition: "none",
      backgroundTransition: "none",
    });
  });

  test("embeds the presenter's deck, and keeps the preview passive", () => {
    expect(revealConfig(deck, "presenter")).toMatchObject({
      embedded: true,
      hash: true,
      slideNumber: false,
    });
    expect(revealConfig(deck, "preview")).toMatchObject({
      keyboard: false,
      hash: false,
      controls: false,
      transition: "none",
    });
  });
});
