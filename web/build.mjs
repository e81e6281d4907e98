// build.mjs - bundles src/page.js with sigma.js, graphology and the layout
// into one minified IIFE, which kg inlines into every `kg build -f html` page.
//
//   node web/build.mjs OUT.js
//
// Run by the Makefile at build time, with the packages that package-lock.json
// pins (npm ci).  The output is ASCII only and is refused if it could end the
// <script> element it is inlined into, so the page cannot be broken by a
// library's string literal.  esbuild gives the same bytes for the same
// inputs, so the page stays byte-identical from build to build.
import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node web/build.mjs OUT.js");
  process.exit(2);
}

const result = await build({
  entryPoints: [join(here, "src", "page.js")],
  absWorkingDir: here,
  bundle: true,
  format: "iife",
  minify: true,
  legalComments: "none",
  charset: "ascii",
  target: ["es2019"],
  platform: "browser",
  write: false,
  logLevel: "warning",
});
const text = result.outputFiles[0].text;
if (/<\/script|<!--/i.test(text)) {
  console.error(`${out}: the bundle holds "</script" or "<!--", which would end the inline script`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out + ".tmp", text);
renameSync(out + ".tmp", out);
