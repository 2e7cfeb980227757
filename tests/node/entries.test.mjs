// The per-runtime entries of the package: the browser entry's module graph
// names no node: module (webpack and esbuild refused one before), the Node
// entry works where a test environment defines `window`, a .wasm answer that
// is not WebAssembly is an error that says what was served, and a relative
// wasmUrl is relative to the page.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { createEngine } from "certpolicy";

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve("certpolicy/package.json"));
const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
const testsDir = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const wasmBytes = readFileSync(path.join(pkgDir, "dist/certpolicy_core.wasm"));

let server, base;
const seen = [];
const ready = new Promise((resolve) => {
  server = http.createServer((req, res) => {
    seen.push(req.url);
    if (req.url.endsWith("/app/assets/core.wasm")) res.writeHead(200, { "content-type": "application/octet-stream" }).end(wasmBytes);
    else if (req.url.startsWith("/missing/")) res.writeHead(404).end();
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

test("require('certpolicy') is the CommonJS entry: the same engine, the .wasm read beside it", async () => {
  assert.equal(pkg.exports["."].require, "./dist/certpolicy.cjs");
  assert.deepEqual(Object.keys(pkg.exports["."]).slice(0, 2), ["types", "require"], "Jest's conditions (require, browser) must meet require first");
  const cjs = require("certpolicy");
  assert.equal(typeof cjs.createEngine, "function");
  const engine = await cjs.createEngine();
  const esm = await createEngine();
  const request = { type: "exam_order", locale: "en", now: "2026-11-22T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00" } };
  assert.equal(engine.evaluateJson(JSON.stringify(request)), esm.evaluateJson(JSON.stringify(request)));
  await assert.rejects(cjs.createEngine({ policy: "[" }), (e) => e instanceof cjs.CertpolicyError && e.code === "INVALID_POLICY");
});

test("CertpolicyError is one class to instanceof under import and require (two copies of the package in one program)", async () => {
  const cjs = require("certpolicy");
  const esm = await import("certpolicy");
  assert.notEqual(cjs.CertpolicyError, esm.CertpolicyError, "two copies: the case this guards");
  const fromRequire = await cjs.createEngine({ policy: "[" }).catch((e) => e);
  const fromImport = await esm.createEngine({ policy: "[" }).catch((e) => e);
  for (const e of [fromRequire, fromImport]) {
    assert.ok(e instanceof esm.CertpolicyError && e instanceof cjs.CertpolicyError, e.message);
    assert.ok(e instanceof Error);
    assert.equal(e.code, "INVALID_POLICY");
  }
  // Only the package's errors: a plain error, a look-alike or a primitive is not one.
  const lookalike = Object.assign(new Error("x"), { name: "CertpolicyError", code: "INVALID_POLICY" });
  for (const other of [new Error("x"), lookalike, null, "CertpolicyError", {}]) {
    assert.equal(other instanceof esm.CertpolicyError, false);
    assert.equal(other instanceof cjs.CertpolicyError, false);
  }
  // A subclass keeps the ordinary test.
  class Mine extends esm.CertpolicyError {}
  assert.equal(fromImport instanceof Mine, false);
  assert.equal(new Mine({ message: "m", code: "INVALID_POLICY" }) instanceof Mine, true);
});

test("without TextEncoder and TextDecoder globals (Jest's jsdom) both entries take Node's", async () => {
  const script = `
    delete globalThis.TextEncoder; delete globalThis.TextDecoder;
    const { createEngine } = require("certpolicy");
    import("certpolicy").then(async (esm) => {
      const request = { type: "working_day", locale: "zh-Hant", date: "2026-10-01" };
      for (const make of [createEngine, esm.createEngine]) process.stdout.write((await make()).evaluate(request).reasons[0].message + "\\n");
    });`;
  const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: testsDir });
  const lines = out.trim().split("\n");
  assert.equal(lines.length, 2);
  assert.equal(lines[0], lines[1]);
  assert.match(lines[0], /[\u4e00-\u9fff]/);
});

test("a .wasm a server cannot read: the error names the file and the fix (serverExternalPackages, adapter-node's dependencies, ssr.external, wasmBinary)", async () => {
  await assert.rejects(createEngine({ wasmUrl: new URL("./dist/moved_by_a_bundler.wasm", `file://${pkgDir}/`).href }), (e) => {
    assert.match(e.message, /cannot read file:.*moved_by_a_bundler\.wasm \(ENOENT\)/);
    assert.match(e.message, /serverExternalPackages/);
    assert.match(e.message, /ssr\.external/);
    assert.match(e.message, /adapter-node: certpolicy in dependencies, not devDependencies/);
    assert.match(e.message, /wasmBinary/);
    return true;
  });
});

// A server bundle that moved the package's code away from its .wasm (adapter-node bundling a
// devDependency): esbuild's bundle of the Node entry, and a copy of the CommonJS entry.
async function movedEntries(dir) {
  const { build } = await import("esbuild");
  await build({ entryPoints: [path.join(pkgDir, "node.js")], bundle: true, platform: "node", format: "esm", outfile: path.join(dir, "server.mjs"), logLevel: "silent" });
  copyFileSync(path.join(pkgDir, "dist/certpolicy.cjs"), path.join(dir, "server.cjs"));
  return [path.join(dir, "server.mjs"), path.join(dir, "server.cjs")];
}
const decideWith = (entry) => execFileSync(process.execPath, ["--input-type=module", "-e", `
  const { createEngine } = await import(${JSON.stringify(pathToFileURL(entry).href)});
  try { process.stdout.write((await createEngine()).evaluate({ type: "working_day", date: "2026-10-01" }).kind); }
  catch (e) { process.stdout.write("error: " + e.message); }`], { encoding: "utf8", cwd: testsDir });

test("a server bundle that moved the Node entry away from its .wasm still finds the package's file in node_modules", async (t) => {
  const dir = mkdtempSync(path.join(testsDir, ".moved-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const entry of await movedEntries(dir)) assert.equal(decideWith(entry), "holiday", path.basename(entry));
});

test("a server bundle with no node_modules in reach: the error names the file and the fix", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-moved-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const entry of await movedEntries(dir)) {
    const said = decideWith(entry);
    assert.match(said, /^error: certpolicy: cannot read file:.*\/dist\/certpolicy_core\.wasm \(ENOENT\)\. On a server/, path.basename(entry));
    assert.match(said, /serverExternalPackages.*ssr\.external.*wasmBinary/);
  }
});

test("a 404 for the .wasm names the fix", async () => {
  base = await ready;
  const { createEngine: browserEngine } = await import(path.join(pkgDir, "index.js"));
  await assert.rejects(browserEngine({ wasmUrl: `${base}/missing/certpolicy_core.wasm` }), (e) => {
    assert.match(e.message, /HTTP 404/);
    assert.match(e.message, /copy certpolicy\/dist\/certpolicy_core\.wasm/);
    return true;
  });
});

test("certpolicy/elements imports in Node without a DOM and defines nothing", async () => {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e",
    'const m = await import("certpolicy/elements"); process.stdout.write(typeof m.CertpolicyRefund + " " + typeof globalThis.customElements);'],
  { encoding: "utf8", cwd: testsDir });
  assert.equal(out, "function undefined");
});

test("the browser entry run in Node (certpolicy/elements in a test DOM) reads its file: URL with Node's fs", async () => {
  const { createEngine: browserEngine } = await import(path.join(pkgDir, "index.js"));
  const engine = await browserEngine({ wasmUrl: new URL("./dist/certpolicy_core.wasm", `file://${pkgDir}/`).href });
  assert.equal(engine.evaluate({ type: "working_day", date: "2026-10-01" }).kind, "holiday");
});
