// Bundles src/editor.js with CodeMirror 6 into src/ladder/web/static/editor.js: one
// minified IIFE, no network at run time, nothing for learners to install.
// Reproducible: `npm ci && npm run build` with the pinned package-lock.json gives the
// same bytes (tests/web/test_editor_bundle.py rebuilds it and compares).
// Usage: node build.mjs [OUTFILE]
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || path.join(here, "../../src/ladder/web/static/editor.js");
const lock = JSON.parse(readFileSync(path.join(here, "package-lock.json"), "utf8"));
const versions = Object.entries(lock.packages)
  .filter(([name]) => name.startsWith("node_modules/@codemirror/") || name.startsWith("node_modules/@lezer/"))
  .map(([name, info]) => `${name.replace("node_modules/", "")}@${info.version}`)
  .sort()
  .join(", ");

await build({
  entryPoints: [path.join(here, "src/editor.js")],
  outfile: out,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  banner: {
    js:
      "/* Ladder's exercise editor, built from web/frontend (npm ci && npm run build).\n" +
      " * Bundles CodeMirror 6 (MIT License, (c) Marijn Haverbeke and others): " + versions + ". */",
  },
});
