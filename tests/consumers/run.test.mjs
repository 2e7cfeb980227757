// Consumer fixtures: each tiny app installs the *packed tarball* of the
// package (npm pack of wasm/, never wasm/ by path), is built by its own
// bundler with its own committed lockfile, and is loaded in Chromium, which
// must show a real decision. Sizes of what each build ships are printed.
// The fixtures are independent: they install and build side by side, two per
// core (npm waits on the network and the disk as much as on the CPU: on 2
// cores, idle, one run each: 129 s at one per core, 109 s at two).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, WAIT_LIMIT_MS } from "../browser/harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.join(here, "../../wasm");
const EXPECTED = "refund allowed until 2026-11-26T10:00:00+08:00 (120000 fen)";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

let tarball, browser;
const servers = [];

const npmArgs = (args) => [...args, "--no-audit", "--no-fund", "--loglevel=error"];
function npmSync(args, cwd) {
  return execFileSync("npm", npmArgs(args), { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
const run = promisify(execFile);
async function npm(args, cwd) {
  return (await run("npm", npmArgs(args), { cwd, encoding: "utf8", maxBuffer: 1 << 26 })).stdout;
}

before(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-pack-"));
  const [info] = JSON.parse(npmSync(["pack", "--json", "--pack-destination", dir], packageDir));
  tarball = path.join(dir, info.filename);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
});

/**
 * npm ci from the fixture's lockfile, then the tarball on top (not saved); once per fixture.
 * The lockfile stays in play for the second step (only `--no-save`): with
 * `--no-package-lock` npm resolved the fixture's whole tree again from the
 * registry, ~25 s of waiting on the network per fixture (Jest's: 26 s → 1.2 s).
 */
const installs = new Map();
function install(fixture) {
  if (!installs.has(fixture)) {
    const cwd = path.join(here, fixture);
    installs.set(fixture, (async () => {
      await npm(["ci"], cwd);
      await npm(["install", "--no-save", tarball], cwd);
      return cwd;
    })());
  }
  return installs.get(fixture);
}

function serve(root) {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (rel === "/favicon.ico") {
        res.writeHead(204).end();
        return;
      }
      let file = path.join(root, rel.endsWith("/") ? `${rel}index.html` : rel);
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    }).listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}/`));
    servers.push(server);
  });
}

/** A server process of a fixture, once its output says `ready`; stopped when the test ends. */
async function started(t, cwd, command, args, ready, env = process.env) {
  const server = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  t.after(() => server.kill());
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${path.basename(command)} did not start`)), WAIT_LIMIT_MS);
    server.stdout.on("data", (d) => { if (ready.test(String(d))) { clearTimeout(timer); resolve(); } });
    server.on("exit", (c) => { clearTimeout(timer); reject(new Error(`${path.basename(command)} exited ${c}`)); });
  });
}
const freePort = () => 20000 + Math.floor(Math.random() * 20000);

async function shown(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: WAIT_LIMIT_MS });
  const text = await page.textContent("#out");
  await page.close();
  return { text, problems };
}

/** A built app's server: its first HTML holds the decision `who` made there, and the page then shows the element's. */
async function renderedAndShown(url, who) {
  const html = await (await fetch(url)).text();
  assert.ok(html.includes(`<p id="server">${EXPECTED}</p>`), `the ${who}'s decision is in the first HTML`);
  const { text, problems } = await shown(url);
  assert.equal(text, EXPECTED);
  assert.deepEqual(problems, []);
}

/** Every file under `dir`. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Raw and gzip bytes of the JS and wasm files a build wrote. */
function shipped(dir) {
  const out = { js: [0, 0], wasm: [0, 0] };
  for (const f of filesUnder(dir)) {
    const name = path.basename(f);
    const kind = name.endsWith(".wasm") ? "wasm" : /\.m?js$/.test(name) ? "js" : null;
    if (!kind) continue;
    const bytes = readFileSync(f);
    out[kind][0] += bytes.length;
    out[kind][1] += gzipSync(bytes, { level: 9 }).length;
  }
  return out;
}

function report(name, dir) {
  const s = shipped(dir);
  console.log(`# ${name}: JS ${s.js[0]} B (${s.js[1]} B gzip), wasm ${s.wasm[0]} B (${s.wasm[1]} B gzip)`);
}

test("the tarball holds only what a consumer needs, with sane metadata", () => {
  const list = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").map((f) => f.replace(/^package\//, "")).sort();
  const elements = ["base.js", "booking.js", "caveats.js", "certificate.js", "engine.js", "format.js", "index.d.ts", "index.js", "inputs.js", "practitioner.js",
    "react.d.ts", "react.js", "refund.js", "strings/en.js", "strings/zh-CN.js", "strings/zh-Hant.js", "timeline.js", "training.js"];
  assert.deepEqual(list, ["LICENSE", "README.md", "dist/API.md", "dist/certpolicy.cjs", "dist/certpolicy_core.mjs", "dist/certpolicy_core.wasm",
    ...elements.map((f) => `elements/${f}`), "engine.js", "index.d.ts", "wasm.d.ts",
    "index.js", "node.js", "package.json", "schema/envelope.schema.json", "schema/request.schema.json", "schema/result.schema.json"].sort());
  const pkg = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.license, "MIT");
  assert.equal(pkg.types, "./index.d.ts");
  assert.ok(pkg.engines.node);
  assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "require", "node", "browser", "default"]);
  // Importing certpolicy/elements, or one element's module, defines elements: a bundler must keep them.
  assert.deepEqual(pkg.sideEffects, ["./elements/index.js", ...["refund", "booking", "timeline", "certificate", "practitioner", "training"].map((e) => `./elements/${e}.js`)]);
});

describe("the fixtures, side by side", { concurrency: availableParallelism() * 2 }, () => {
  test("react: React 19 + TypeScript (strict, no skipLibCheck) + esbuild, the elements in JSX", async () => {
    const cwd = await install("react");
    await npm(["run", "build"], cwd);
    report("react (esbuild)", path.join(cwd, "dist"));
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("plain-elements: no bundler, the element from its JSON attribute", async () => {
    const cwd = await install("plain-elements");
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("vite: vite build, no configuration", async () => {
    const cwd = await install("vite");
    await npm(["run", "build"], cwd);
    report("vite build", path.join(cwd, "dist"));
    const { text, problems } = await shown(await serve(path.join(cwd, "dist")));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("vite: the dev server, no configuration", async (t) => {
    const cwd = await install("vite");
    const port = freePort();
    await started(t, cwd, path.join(cwd, "node_modules/.bin/vite"), ["--port", String(port), "--strictPort", "--host", "127.0.0.1"], new RegExp(String(port)));
    const { text, problems } = await shown(`http://127.0.0.1:${port}/`);
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("webpack 5: production build, no certpolicy configuration", async () => {
    const cwd = await install("webpack");
    await npm(["run", "build"], cwd);
    report("webpack", path.join(cwd, "dist"));
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("esbuild: a browser bundle with the documented .wasm file loader", async () => {
    const cwd = await install("esbuild");
    await npm(["run", "build"], cwd);
    report("esbuild", path.join(cwd, "dist"));
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("rollup: node-resolve and the README's one plugin for the .wasm (@rollup/plugin-url)", async () => {
    const cwd = await install("rollup");
    await npm(["run", "build"], cwd);
    report("rollup", path.join(cwd, "dist"));
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("vue: Vue 3 + vite build, isCustomElement only; the order bound as a property before the elements are defined", async () => {
    const cwd = await install("vue");
    await npm(["run", "build"], cwd);
    report("vue (vite build)", path.join(cwd, "dist"));
    const { text, problems } = await shown(await serve(path.join(cwd, "dist")));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("next: App Router, next build once, then the built server: a server component evaluates, a client component's element decides", async (t) => {
    const cwd = await install("next");
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    await run("npm", npmArgs(["run", "build"]), { cwd, encoding: "utf8", env });
    report("next (.next/static)", path.join(cwd, ".next/static"));
    const port = freePort();
    await started(t, cwd, path.join(cwd, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], /Ready|ready/, env);
    await renderedAndShown(`http://127.0.0.1:${port}/`, "server component");
  });

  test("sveltekit: SvelteKit 2 + adapter-node bundling certpolicy into the server (not in `dependencies`), no configuration: a server load evaluates, the hydrated page's element decides", async (t) => {
    const cwd = await install("sveltekit");
    await npm(["run", "build"], cwd);
    assert.ok(!filesUnder(path.join(cwd, "build/server")).some((f) => /\.js$/.test(f) && /^\s*(?:import|export)\b[^\n]*from\s*["']certpolicy(?:\/[^"']*)?["']|\bimport\(\s*["']certpolicy/m.test(readFileSync(f, "utf8"))),
      "the server bundle holds certpolicy's code, away from its .wasm");
    report("sveltekit (build/client)", path.join(cwd, "build/client"));
    const port = freePort();
    await started(t, cwd, process.execPath, ["build"], /Listening/, { ...process.env, PORT: String(port), HOST: "127.0.0.1" });
    await renderedAndShown(`http://127.0.0.1:${port}/`, "server load");
  });

  test("plain: no bundler, an import map", async () => {
    const cwd = await install("plain");
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("worker: the engine inside a module Web Worker", async () => {
    const cwd = await install("worker");
    const { text, problems } = await shown(await serve(cwd));
    assert.equal(text, EXPECTED);
    assert.deepEqual(problems, []);
  });

  test("node-ssr: Node ESM renders the decision; CommonJS require works too (the require entry)", async () => {
    const cwd = await install("node-ssr");
    assert.equal((await run("node", ["render.mjs"], { cwd, encoding: "utf8" })).stdout, `<p id="out">${EXPECTED}</p>\n`);
    assert.equal((await run("node", ["require.cjs"], { cwd, encoding: "utf8" })).stdout, `${EXPECTED}\n`);
  });

  test("jest: Jest 30 with jsdom, CommonJS, no other configuration", async () => {
    const cwd = await install("jest");
    const { stderr } = await run(path.join(cwd, "node_modules/.bin/jest"), ["--ci"], { cwd, encoding: "utf8" });
    assert.match(stderr, /Tests:\s+2 passed, 2 total/);
  });

  test("vitest: a component test of <certpolicy-refund> in jsdom, no configuration file", async () => {
    const cwd = await install("vitest");
    const { stdout } = await run(path.join(cwd, "node_modules/.bin/vitest"), ["run"], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    assert.match(stdout, /Tests\s+2 passed \(2\)/);
  });
});
