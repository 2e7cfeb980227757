// The demo server serves only what a deployment ships (no file outside its
// folder, symlinks included), with the full security header set of
// docs/DEPLOYMENT.md on every response and the build's brotli/gzip copies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { mkdir, mkdtemp, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { startServer, CSP, precompressedPath } from "../../scripts/serve.mjs";
import { repoRoot } from "./case_files.mjs";

/** Makes the page bundles (build/pages/) as scripts/build does. */
const bundlePages = () => execFileSync(process.execPath, [path.join(repoRoot, "scripts/bundle_pages.mjs")], { stdio: "ignore" });

/** GET `href` as sent, with node:http (fetch decodes the body and hides what was sent): { headers, bytes }. */
const rawGet = (href, accept) => new Promise((resolve, reject) => {
  httpGet(href, { headers: accept === null ? {} : { "Accept-Encoding": accept } }, (res) => {
    const parts = [];
    res.on("data", (c) => parts.push(c));
    res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(parts) }));
  }).on("error", reject);
});

let server, url;
before(async () => ({ server, url } = await startServer({ port: 0 })));
after(() => server.close());

test("the package folder serves only the files the package ships", async () => {
  for (const path of ["pkg/index.js", "pkg/index.d.ts", "pkg/package.json", "pkg/dist/certpolicy_core.wasm", "pkg/dist/certpolicy_core.mjs"]) {
    assert.equal((await fetch(url + path)).status, 200, path);
  }
  for (const path of ["pkg/bindings.cc", "pkg/CMakeLists.txt", "pkg/", "pkg/dist/", "pkg/../CMakeLists.txt",
    "pkg/%2e%2e/README.md", "pkg/index.js%00.cc", "../scripts/serve.mjs", "%2e%2e/core/engine.cc"]) {
    assert.equal((await fetch(url + path)).status, 404, path);
  }
});

test("every response carries the full security header set", async () => {
  for (const path of ["purchase.html", "pkg/index.js", "no-such-page.html"]) {
    const r = await fetch(url + path);
    const csp = r.headers.get("content-security-policy");
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'",
      "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(directive), `${path}: ${directive}`);
    }
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    assert.equal(r.headers.get("referrer-policy"), "no-referrer");
  }
});

test("the deployment doc lists the same policy the server sends", () => {
  const doc = readFileSync(new URL("docs/DEPLOYMENT.md", `file://${repoRoot}/`), "utf8");
  assert.ok(doc.includes(CSP), "docs/DEPLOYMENT.md holds the exact CSP value");
});

test("only GET and HEAD are answered", async () => {
  assert.equal((await fetch(url + "purchase.html", { method: "POST", body: "x" })).status, 405);
});

test("caching: pages and the policy patch always revalidate, the rest is reused for a while; a known ETag is a bodiless 304", async () => {
  for (const [path, control] of [["purchase.html", "no-cache"], ["policy.json", "no-cache"],
    ["pkg/dist/certpolicy_core.wasm", "max-age=600, must-revalidate"], ["js/app.js", "max-age=600, must-revalidate"]]) {
    const r = await fetch(url + path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get("cache-control"), control, path);
    const etag = r.headers.get("etag");
    assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+(-br|-gzip)?"$/, path);
    const again = await fetch(url + path, { headers: { "If-None-Match": etag } });
    assert.equal(again.status, 304, path);
    assert.equal((await again.arrayBuffer()).byteLength, 0, path);
    assert.ok(again.headers.get("content-security-policy"), `${path}: a 304 has the security headers too`);
    assert.equal((await fetch(url + path, { headers: { "If-None-Match": 'W/"0-0"' } })).status, 200, `${path}: another ETag is a full answer`);
  }
  // --revalidate: every file every time (working on the pages).
  const dev = await startServer({ port: 0, revalidate: true });
  try {
    assert.equal((await fetch(dev.url + "js/app.js")).headers.get("cache-control"), "no-cache");
  } finally {
    dev.server.close();
  }
});

test("a path that is not a file answers 404 or 400 with the security headers, never a bare 500", async () => {
  const { request } = await import("node:http");
  const raw = (p) => new Promise((resolve, reject) => {
    const req = request({ host: new URL(url).hostname, port: new URL(url).port, path: p, method: "GET" }, (res) => { res.resume(); resolve(res); });
    req.on("error", reject);
    req.end();
  });
  for (const p of ["//", "///etc/passwd", "//pkg/index.js", "*", "/%E0%A4%A"]) {
    const r = await raw(p);
    assert.ok(r.statusCode < 500, `${p}: ${r.statusCode}`);
    assert.equal(r.headers["content-security-policy"], CSP, p);
    assert.equal(r.headers["x-content-type-options"], "nosniff", p);
  }
});

// A folder inside the repository (the server maps a file to its copies by its path there).
async function scratch(t) {
  const dir = await mkdtemp(path.join(repoRoot, "build", "serve-test-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test("a symlink inside a served folder to a file outside it is not served", async (t) => {
  const dir = await scratch(t);
  const outside = await scratch(t);
  await writeFile(path.join(dir, "inside.txt"), "inside\n");
  await writeFile(path.join(outside, "secret.txt"), "secret\n");
  await symlink(path.join(outside, "secret.txt"), path.join(dir, "link.txt"));
  await symlink(path.join(dir, "inside.txt"), path.join(dir, "alias.txt"));
  await symlink(outside, path.join(dir, "sub"));
  const s = await startServer({ port: 0, mounts: [["/t/", dir]] });
  try {
    assert.equal(await (await fetch(`${s.url}t/inside.txt`)).text(), "inside\n");
    assert.equal(await (await fetch(`${s.url}t/alias.txt`)).text(), "inside\n", "a link that stays inside is served");
    for (const p of ["t/link.txt", "t/sub/secret.txt"]) {
      const r = await fetch(s.url + p);
      assert.equal(r.status, 404, p);
      assert.equal(r.headers.get("content-security-policy"), CSP, p);
    }
  } finally {
    s.server.close();
  }
});

test("precompressed copies: brotli, else gzip, as the request takes them, with Content-Encoding and Vary; a stale copy is not sent", async (t) => {
  const dir = await scratch(t);
  const file = path.join(dir, "a.js");
  const body = "export const words = " + JSON.stringify("可以退款 ".repeat(500)) + ";\n";
  await writeFile(file, body);
  const { mtime, atime } = await stat(file);
  const copies = [];
  for (const [ext, pack] of [[".br", zlib.brotliCompressSync], [".gz", zlib.gzipSync]]) {
    const copy = precompressedPath(file, ext);
    copies.push(copy);
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, pack(Buffer.from(body)));
    await utimes(copy, atime, mtime);
  }
  t.after(() => Promise.all(copies.map((c) => rm(c, { force: true }))));
  const s = await startServer({ port: 0, mounts: [["/t/", dir]] });
  const get = (accept) => rawGet(`${s.url}t/a.js`, accept);
  try {
    const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync, undefined: (b) => b };
    for (const [accept, coding] of [["gzip, deflate, br", "br"], ["gzip", "gzip"], ["br;q=0, gzip", "gzip"], ["identity", undefined], [null, undefined],
      ["*", "br"], ["br;q=0, gzip;q=0", undefined]]) {
      const r = await get(accept);
      assert.equal(r.headers["content-encoding"], coding, String(accept));
      assert.equal(r.headers.vary, "Accept-Encoding", String(accept));
      assert.equal(r.headers["content-type"], "text/javascript; charset=utf-8");
      assert.equal(decode[coding](r.bytes).toString(), body, String(accept));
      assert.equal(Number(r.headers["content-length"]), r.bytes.length);
      assert.ok(coding ? r.headers.etag.endsWith(`-${coding}"`) : !/-(br|gzip)"$/.test(r.headers.etag), "each coding has its own ETag");
    }
    // The file changed after the build: its old copies are not sent.
    await writeFile(file, body.replace("可以", "不可"));
    const r = await get("br, gzip");
    assert.equal(r.headers["content-encoding"], undefined);
    assert.equal(r.bytes.toString(), body.replace("可以", "不可"));
  } finally {
    s.server.close();
  }
});

test("the .wasm is application/wasm, and varies by Accept-Encoding", async () => {
  const r = await fetch(url + "pkg/dist/certpolicy_core.wasm");
  assert.equal(r.headers.get("content-type"), "application/wasm");
  assert.equal(r.headers.get("vary"), "Accept-Encoding");
  assert.ok(WebAssembly.validate(new Uint8Array(await r.arrayBuffer())), "the bytes (decoded) are the module");
});

test("a page script is sent as the page's one module while every file it was made from is unchanged, else as it is", async (t) => {
  bundlePages();
  const bundle = readFileSync(path.join(repoRoot, "build/pages/js/purchase.js"), "utf8");
  const source = readFileSync(path.join(repoRoot, "web/js/purchase.js"), "utf8");
  const engineBundle = readFileSync(path.join(repoRoot, "build/pages/js/engine.js"), "utf8");
  const engineSource = readFileSync(path.join(repoRoot, "web/js/engine.js"), "utf8");
  const get = async (file) => (await fetch(url + file, { headers: { "Accept-Encoding": "identity" } })).text();
  assert.equal(await get("js/purchase.js"), bundle);
  assert.equal(await get("js/engine.js"), engineBundle);
  // The page's module imports only the engine's module (its head starts that one at once), which imports nothing.
  const imported = (text) => [...new Set([...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},\s$*]+from\s*)?"([^"]+)"/g)].map((m) => m[1]))];
  assert.deepEqual(imported(bundle), ["./engine.js"]);
  assert.deepEqual(imported(engineBundle), []);
  assert.ok(!bundle.includes("certpolicy_core"), "the engine's glue is in the engine's module only");
  // A source changes after the build: the bundle made from it is sent as its sources, the other
  // bundle as it is (the two copies of the elements' engine module then share one engine:
  // element_engine.test.mjs). A page's string table, then the engine's policy reader.
  const touched = async (file, expect) => {
    const input = path.join(repoRoot, file);
    const { atime, mtime } = await stat(input);
    t.after(() => utimes(input, atime, mtime));
    await utimes(input, atime, new Date(mtime.getTime() + 2000));
    assert.deepEqual([await get("js/purchase.js"), await get("js/engine.js")], expect, file);
    await utimes(input, atime, mtime);
    assert.deepEqual([await get("js/purchase.js"), await get("js/engine.js")], [bundle, engineBundle], file);
  };
  await touched("web/js/strings/en.js", [source, engineBundle]);
  await touched("web/js/policy_loader.js", [bundle, engineSource]);
});

test("every page that decides starts the engine's module from its head, before its own module, and runs it as soon as it is in", () => {
  const pages = readdirSync(path.join(repoRoot, "web")).filter((f) => f.endsWith(".html"));
  const deciding = pages.filter((f) => readFileSync(path.join(repoRoot, "web", f), "utf8").includes("certpolicy_core.wasm"));
  assert.ok(deciding.length >= 7, deciding.join());
  for (const f of pages) {
    const head = readFileSync(path.join(repoRoot, "web", f), "utf8").split("</head>")[0];
    const scripts = [...head.matchAll(/<script ([^>]*)><\/script>/g)].map((m) => m[1]);
    if (deciding.includes(f)) {
      assert.equal(scripts.length, 2, f);
      assert.equal(scripts[0], 'type="module" async src="js/engine.js"', f);
    } else {
      assert.ok(scripts.every((a) => !a.includes("engine.js")), `${f} decides nothing: no engine`);
    }
  }
});

test("the page modules made again from the same sources keep the brotli copy made for them", async () => {
  bundlePages();
  const bundle = path.join(repoRoot, "build/pages/js/purchase.js");
  const { atime, mtime, mtimeMs } = await stat(bundle);
  // The copy the build makes (scripts/precompress.mjs), made here for the bundle as it now is.
  const copy = precompressedPath(bundle, ".br");
  await mkdir(path.dirname(copy), { recursive: true });
  await writeFile(copy, zlib.brotliCompressSync(readFileSync(bundle)));
  await utimes(copy, atime, mtime);
  const sent = async () => (await rawGet(`${url}js/purchase.js`, "br")).headers["content-encoding"] ?? "identity";
  assert.equal(await sent(), "br");
  bundlePages();
  assert.equal((await stat(bundle)).mtimeMs, mtimeMs, "the same bytes are not written again");
  assert.equal(await sent(), "br");
});
