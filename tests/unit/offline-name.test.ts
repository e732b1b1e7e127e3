import { expect, test } from "vitest";
import { escapeHtml } from "../../src/deck/escape-html.ts";
import { offlineFileName } from "../../src/vite/offline.ts";

const page = (title: string) => `<title>${escapeHtml(title)}</title>`;

test("the single file is named by the talk's title as the speaker wrote it", () => {
  expect(offlineFileName(page("My talk"))).toBe("my-talk.html");
  expect(offlineFileName(page("Rust <for> Kubernetes & addons"))).toBe(
    "rust-for-kubernetes-addons.html",
  );
  expect(offlineFileName(page("That's it"))).toBe("thats-it.html");
  expect(offlineFileName(page(""))).toBe("deck.html");
});

test("the single file never takes the served page's name", () => {
  expect(offlineFileName(page("Index"))).toBe("index-deck.html");
});
