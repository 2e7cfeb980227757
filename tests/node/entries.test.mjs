// The per-runtime entries of the package: the browser entry's module graph
// names no node: module (webpack and esbuild refused one before), the Node
// entry works where a test environment defines `window`, a .wasm answer that
// is not WebAssembly is an error that says what was served, and a relative
// wasmUrl is relative to the page.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createEngine } from "certpolicy";

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve("certpolicy/package.json"));
const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
const wasmBytes = readFileSync(path.join(pkgDir, "dist/certpolicy_core.wasm"));

let server, base;
const seen = [];
const ready = new Promise((resolve) => {
  server = http.createServer((req, res) => {
    seen.push(req.url);
    if (req.url.endsWith("/app/assets/core.wasm")) res.writeHead(200, { "content-type": "application/octet-stream" }).end(wasmBytes);
    else res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>index</title>");
  }).listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`));
});
after(() => server.close());

/** The relative imports of an ES module file, followed through the graph. */
function moduleGraph(entry) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:import|export)\s[^"']*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
      visit(path.resolve(path.dirname(file), m[1] ?? m[2]));
    }
  };
  visit(path.join(pkgDir, entry));
  return [...files];
}

test("the browser entry's module graph names no node: module and no require", () => {
  const graph = moduleGraph(pkg.exports["."].browser);
  assert.ok(graph.some((f) => f.endsWith("engine.js")) && graph.some((f) => f.endsWith("certpolicy_core.mjs")), graph.join());
  for (const file of graph) {
    const text = readFileSync(file, "utf8");
    assert.doesNotMatch(text, /["']node:/, file);
    assert.doesNotMatch(text, /\brequire\(/, file);
  }
  assert.ok(pkg.files.includes("node.js") && pkg.files.includes("engine.js"));
});

test("the Node entry reads the .wasm from disk even where `window` is defined (jsdom, happy-dom)", async () => {
  globalThis.window = {};
  try {
    const engine = await createEngine({ wasmUrl: new URL("./dist/certpolicy_core.wasm", `file://${pkgDir}/`).href });
    assert.equal(engine.evaluate({ type: "working_day", date: "2026-10-01" }).kind, "holiday");
  } finally {
    delete globalThis.window;
  }
});

test("an HTML answer for the .wasm is an error naming what was served and what to do", async () => {
  base = await ready;
  await assert.rejects(createEngine({ wasmUrl: `${base}/dist/certpolicy_core.wasm` }), (e) => {
    assert.match(e.message, /is not WebAssembly \(served as text\/html, starting "<!doctype html><"\)/);
    assert.match(e.message, /wasmUrl|wasmBinary/);
    return true;
  });
});

test("a relative wasmUrl is relative to the page, not to the package", async () => {
  base = await ready;
  globalThis.document = { baseURI: `${base}/app/` };
  try {
    const engine = await createEngine({ wasmUrl: "assets/core.wasm" });
    assert.equal(engine.evaluate({ type: "working_day", date: "2026-10-01" }).kind, "holiday");
    assert.ok(seen.includes("/app/assets/core.wasm"), seen.join());
  } finally {
    delete globalThis.document;
  }
});
