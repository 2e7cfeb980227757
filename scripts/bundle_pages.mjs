// Makes one module per page: each page script of web/js (the one its HTML
// loads) with everything it imports but the engine's module — its app code,
// its strings, the package's elements it shows (/pkg/… resolved to
// wasm/) — bundled and minified by esbuild into build/pages/js/<page>.js, and
// build/pages/inputs.json naming each bundle's source files with their
// modification times. The demo server sends a bundle in place of the page
// script only while none of those files changed since (scripts/serve.mjs), so
// an edited source is never hidden by an old bundle.
// The engine's module (js/engine.js, with the package's engine and the
// elements' shared engine) is a bundle of its own that the page bundles import:
// each deciding page's head starts it at once, so the engine is built while
// the page's module arrives (docs/PERFORMANCE.md). A page sent from its sources
// beside the engine's bundle holds two copies of the elements' engine module;
// they share one engine (wasm/elements/engine.js keeps its state on a global).
//   node scripts/bundle_pages.mjs      (scripts/build runs it; esbuild from tests/node_modules)
//   PAGES, bundle(entry)               each page's scripts, and one module as made, not written (the Node tests)
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const esbuild = createRequire(path.join(root, "tests/package.json"))("esbuild");
export const BUNDLES = path.join(root, "build/pages/");

/** Each web/*.html and its module scripts (`<script type="module" src="js/….js">`). */
export const PAGES = Object.fromEntries(readdirSync(path.join(root, "web")).filter((f) => f.endsWith(".html"))
  .map((f) => [f, [...readFileSync(path.join(root, "web", f), "utf8").matchAll(/<script type="module"[^>]* src="(js\/[\w-]+\.js)"/g)].map((m) => m[1])]));
/** The page scripts. */
const entries = [...new Set(Object.values(PAGES).flat())];

/** The demo server's /pkg/ is the package folder. */
const pkg = {
  name: "pkg",
  setup(build) {
    build.onResolve({ filter: /^\/pkg\// }, (a) => ({ path: path.join(root, "wasm", a.path.slice("/pkg/".length)) }));
  },
};

/** The engine's module, and the modules of it the page bundles import from it instead of holding a copy. */
const ENGINE_ENTRY = "js/engine.js";
const ENGINE_MODULES = new Set([path.join(root, "web/js/engine.js"), path.join(root, "wasm/elements/engine.js")]);
const engineExternal = {
  name: "engine-module",
  setup(build) {
    build.onResolve({ filter: /engine\.js$/ }, (a) => {
      const abs = a.path.startsWith("/pkg/") ? path.join(root, "wasm", a.path.slice("/pkg/".length)) : path.resolve(a.resolveDir, a.path);
      return ENGINE_MODULES.has(abs) ? { path: "./engine.js", external: true } : undefined;
    });
  },
};

/**
 * Writes `text` to `file` only when it differs from what is there: a bundle made
 * again from the same sources keeps its mtime, so the brotli and gzip copies made
 * for it (scripts/precompress.mjs, which the server matches by mtime) stay valid.
 * (A Node test makes the bundles again; it used to leave every page's module
 * sent uncompressed to the browser suite and the benchmarks after it.)
 */
function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(text))) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * The module of `entry` (a page script, "js/….js") as esbuild makes it, not written: { outputFiles, metafile }.
 * Its Chinese text stays UTF-8 (`charset: "utf8"`; a module script is always read as UTF-8, and the server says
 * so): escaped as \uXXXX it took 6 bytes a character, the purchase page 110.5 → 90.4 KB minified, 24.8 → 24.0 KB
 * brotli (docs/PERFORMANCE.md, eleventh round).
 */
export function bundle(entry) {
  return esbuild.build({
    entryPoints: [path.join(root, "web", entry)], outfile: path.join(BUNDLES, entry), bundle: true, format: "esm", minify: true, charset: "utf8", target: "es2022",
    plugins: entry === ENGINE_ENTRY ? [pkg] : [engineExternal, pkg], metafile: true, logLevel: "warning", legalComments: "none", absWorkingDir: root, write: false,
  });
}

/** Writes every page's module and build/pages/inputs.json. */
async function writeBundles() {
  const inputs = {};
  let bytes = 0;
  for (const entry of entries) {
    const out = path.join(BUNDLES, entry);
    const result = await bundle(entry);
    for (const file of result.outputFiles) writeIfChanged(file.path, file.contents);
    inputs[entry] = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => {
      const abs = path.resolve(root, f);
      return [path.relative(root, abs), statSync(abs).mtimeMs];
    }));
    bytes += statSync(out).size;
  }
  writeIfChanged(path.join(BUNDLES, "inputs.json"), JSON.stringify(inputs, null, 1));
  console.error(`bundled ${entries.length} modules: ${entries.join(", ")} (${bytes} B) → ${BUNDLES}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeBundles();
