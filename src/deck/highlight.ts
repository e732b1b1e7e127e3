import { createRequire } from "node:module";
import type { HLJSApi, LanguageFn } from "highlight.js";
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import go from "highlight.js/lib/languages/go";
import ini from "highlight.js/lib/languages/ini";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

// The grammars most talks use are loaded up front; the browser never receives highlight.js.
const languages = {
  bash,
  css,
  diff,
  dockerfile,
  go,
  ini,
  javascript,
  json,
  markdown,
  plaintext,
  python,
  rust,
  shell,
  typescript,
  xml,
  yaml,
};
for (const [name, grammar] of Object.entries(languages)) hljs.registerLanguage(name, grammar);

// Others are loaded when a fence asks for them, by file name or by a common alias; and, as a last
// resort, all of highlight.js's (about 190), as reveal.js's highlight plugin has them all.
const ALIASES: Record<string, string> = {
  "c++": "cpp",
  cc: "cpp",
  hpp: "cpp",
  h: "c",
  cs: "csharp",
  "c#": "csharp",
  kt: "kotlin",
  hs: "haskell",
  rb: "ruby",
  ex: "elixir",
  exs: "elixir",
  erl: "erlang",
  ps1: "powershell",
  pwsh: "powershell",
  tf: "ini",
  hcl: "ini",
  proto: "protobuf",
  gql: "graphql",
  tex: "latex",
  clj: "clojure",
  ml: "ocaml",
  fs: "fsharp",
  "f#": "fsharp",
  jl: "julia",
  mk: "makefile",
  make: "makefile",
  objc: "objectivec",
  vb: "vbnet",
  pl: "perl",
  kts: "kotlin",
  sc: "scala",
  docker: "dockerfile",
};
const require = createRequire(import.meta.url);
let everything: HLJSApi | undefined;

function find(language: string): HLJSApi | undefined {
  const name = language.toLowerCase();
  if (hljs.getLanguage(name)) return hljs;
  const file = ALIASES[name] ?? name;
  if (/^[a-z0-9-]+$/.test(file)) {
    try {
      hljs.registerLanguage(file, require(`highlight.js/lib/languages/${file}`) as LanguageFn);
      if (hljs.getLanguage(name)) return hljs;
    } catch {
      // Not a grammar of that name: look among all of them.
    }
  }
  everything ??= require("highlight.js") as HLJSApi;
  return everything.getLanguage(name) ? everything : undefined;
}

/** The fence languages the highlighter knows up front, aliases included (`rs`, `sh`, `toml`, ...). */
export function knownLanguages(): string[] {
  return hljs.listLanguages().flatMap((name) => [name, ...(hljs.getLanguage(name)?.aliases ?? [])]);
}

/** True when fences in `language` are highlighted. */
export function isKnownLanguage(language: string): boolean {
  return find(language) !== undefined;
}

/** Highlighted code as HTML, or undefined when the language is unknown (callers fall back). */
export function highlightCode(code: string, language: string): string | undefined {
  const highlighter = find(language);
  if (!highlighter) return undefined;
  return highlighter.highlight(code, { language: language.toLowerCase(), ignoreIllegals: true })
    .value;
}
