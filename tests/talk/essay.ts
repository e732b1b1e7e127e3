import { readFileSync } from "node:fs";
import path from "node:path";

/** The essay's headings, in order: the talk's contract (see DESIGN.md). */
export const ESSAY_HEADINGS = [
  "The default",
  "I do it anyway",
  "Wrong workload",
  "I. Wins",
  "Smaller images",
  "Smaller memory",
  "No nil panics",
  "No silent error drops",
  "Tokio cancellation",
  "kube-rs is ready",
  "II. Tradeoffs",
  "Cross-compilation is harder",
  "Zig caveat",
  "Compile times",
  "Smaller talent pool",
  "III. The claim",
  "Not claiming",
  "Claiming",
  "Unix philosophy",
  "That's why.",
] as const;

/** One part of the essay: a heading (or the title) and its sentences. */
export interface EssaySection {
  heading: string;
  sentences: string[];
}

/** The talk's slides folder: these tests, and only these, read it. */
export const TALK_DIR = path.resolve(import.meta.dirname, "../../slides");

/**
 * Reads the essay (`slides/essay.txt`, the deck's `source`) into the title section and one
 * section per heading. It is the essay as published, without the page's "back" link above it.
 */
export function readEssay(): EssaySection[] {
  const text = readFileSync(path.join(TALK_DIR, "essay.txt"), "utf8");
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const [title = "", ...rest] = lines;
  const sections: EssaySection[] = [{ heading: title, sentences: [] }];
  for (const line of rest) {
    if ((ESSAY_HEADINGS as readonly string[]).includes(line)) {
      sections.push({ heading: line, sentences: [] });
    } else {
      sections.at(-1)?.sentences.push(...splitSentences(line));
    }
  }
  return sections;
}

/** Splits a paragraph after `.`, `!` or `?` followed by a space. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Collapses white space, so text from HTML and from the essay compare equal. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
