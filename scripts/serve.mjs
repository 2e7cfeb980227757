// The demo server: web/ at /, the wasm package at /pkg/ (only the files the
// package ships), with the security headers the pages must run under on
// every response, a page's one module in place of its script while it is
// fresh (scripts/bundle_pages.mjs), the brotli or gzip copy made at build (scripts/precompress.mjs)
// when the browser takes it, and no file outside its folder, symlinks
// included (docs/DEPLOYMENT.md). Dependency-free (node:http).
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--revalidate]
// Also importable: `startServer({ port: 0, mounts })` → { server, url } (browser
// tests; `mounts` adds [prefix, directory] pairs in front of the demo's own;
// a file missing from one mount is looked for in the next).
import http from "node:http";
import { readdirSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Every response's headers (docs/DEPLOYMENT.md lists the same set). */
export const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
};

// What the package ships (its package.json "files", and package.json): a
// deployment has these and nothing else of wasm/ (no bindings.cc, no CMakeLists.txt).
const packageDir = path.join(root, "wasm/");
// A "files" entry may end in a "*" pattern within one folder ("schema/*.json").
function expand(entry) {
  if (!entry.includes("*")) return [entry];
  const folder = path.posix.dirname(entry);
  const pattern = new RegExp(`^${path.posix.basename(entry).split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")}$`);
  let names = [];
  try {
    names = readdirSync(path.join(packageDir, folder));
  } catch {
    return [];
  }
  return names.filter((n) => pattern.test(n)).map((n) => path.posix.join(folder, n));
}
const shipped = new Set([
  "package.json",
  ...JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")).files.flatMap(expand),
].map((f) => path.join(packageDir, f)));

// URL prefix → directory (and, optionally, the only files served from it).
const MOUNTS = [
  ["/pkg/", packageDir, shipped],
  ["/", path.join(root, "web/")],
];

/** Every file the demo's own mounts serve (web/, the page bundles, the package's shipped files), as absolute paths. */
export function servedFiles() {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : d.isFile() ? [p] : [];
  });
  const bundles = (() => { try { return walk(path.join(root, "build/pages/js/")); } catch { return []; } })();
  return [...walk(path.join(root, "web/")), ...bundles, ...[...shipped].filter((f) => { try { return readdirSync(path.dirname(f)).includes(path.basename(f)); } catch { return false; } })];
}

// The files a URL path may name, one per mount whose prefix it has, in
// mount order (the first that exists is served), each with its mount's folder.
function candidates(urlPath, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return [];
  }
  if (decoded.includes("\0")) return [];
  const out = [];
  for (const [prefix, dir, only] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    let rel = decoded.slice(prefix.length);
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir)) return out;  // no escaping the mount
    if (only && !only.has(file)) continue;
    out.push([file, dir]);
  }
  return out;
}

/**
 * The first candidate that is a file whose real path (symlinks resolved) is
 * inside its mount's real folder: a symlink in web/ to a file elsewhere is not
 * served.
 */
async function firstFile(files) {
  for (const [file, dir] of files) {
    const [real, top] = await Promise.all([realpath(file).catch(() => null), realpath(dir).catch(() => null)]);
    if (!real || !top || !real.startsWith(top + path.sep)) continue;
    if (await stat(real).then((st) => st.isFile(), () => false)) return file;
  }
  return null;
}

/** Where scripts/precompress.mjs puts a file's copies: build/precompressed/<path from the repository>.{br,gz}. */
export const PRECOMPRESSED = path.join(root, "build/precompressed/");
export const ENCODINGS = [["br", ".br"], ["gzip", ".gz"]];
export const precompressedPath = (file, ext) => path.join(PRECOMPRESSED, path.relative(root, file)) + ext;

/**
 * The codings a request takes, from Accept-Encoding with its q-values:
 * "gzip, br;q=0.5, identity;q=0" → Map { gzip → 1, br → 0.5, identity → 0 }.
 */
function accepted(header) {
  const map = new Map();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    map.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return map;
}

/**
 * The copy to send: brotli, else gzip, when the request takes it and the build made
 * one for this very version of the file (the copy carries the file's mtime); else the file.
 */
async function variant(file, st, acceptEncoding) {
  const takes = accepted(acceptEncoding);
  for (const [coding, ext] of ENCODINGS) {
    const q = takes.get(coding) ?? takes.get("*") ?? 0;
    if (q <= 0) continue;
    const copy = precompressedPath(file, ext);
    const cst = await stat(copy).catch(() => null);
    // The stamp goes through utimes' seconds as a double: equal to within a millisecond.
    if (cst?.isFile() && Math.abs(cst.mtimeMs - st.mtimeMs) < 1) return { path: copy, st: cst, coding };
  }
  return { path: file, st, coding: null };
}

/**
 * How long a browser may reuse a file without asking: pages and the policy
 * patch are always revalidated (a new policy or page shows at once); the
 * rest (scripts, styles, the .wasm) for CACHE_SECONDS, then revalidated.
 * Every answer has an ETag, so a revalidation that finds the same file is a
 * bodiless 304, and the browser keeps its compiled code of the .wasm and the
 * scripts. `revalidate` (--revalidate) asks for every file every time: for
 * working on the pages, where an edit must show on the next reload.
 */
export const CACHE_SECONDS = 600;
function cacheControl(file, revalidate) {
  if (revalidate || path.extname(file) === ".html" || path.basename(file) === "policy.json") return "no-cache";
  return `max-age=${CACHE_SECONDS}, must-revalidate`;
}

/**
 * A weak validator from the file's size and modification time, and the coding sent:
 * W/"366230-19ad…" (the file), W/"366230-19ad…-br" (its brotli copy).
 */
const etagOf = (st, coding) => `W/"${st.size.toString(16)}-${Math.trunc(st.mtimeMs).toString(16)}${coding ? `-${coding}` : ""}"`;

/**
 * The page's one module (scripts/bundle_pages.mjs) in place of a page script of web/js,
 * while every source file it was made from is unchanged; else null (the source is sent).
 */
const BUNDLES = path.join(root, "build/pages/");
async function bundleFor(file) {
  const rel = path.relative(path.join(root, "web"), file).split(path.sep).join("/");
  if (!rel.startsWith("js/")) return null;
  const made = JSON.parse(await readFile(path.join(BUNDLES, "inputs.json"), "utf8").catch(() => "{}"))[rel];
  if (!made) return null;
  for (const [source, mtimeMs] of Object.entries(made)) {
    const st = await stat(path.join(root, source)).catch(() => null);
    if (!st || Math.abs(st.mtimeMs - mtimeMs) >= 1) return null;
  }
  const bundle = path.join(BUNDLES, rel);
  return (await stat(bundle).catch(() => null))?.isFile() ? bundle : null;
}

/** The request's path ("/a/b.html" of "/a/b.html?x#y"), or null when it is not one. */
function pathOf(url) {
  const p = String(url ?? "").split(/[?#]/)[0];
  return p.startsWith("/") ? p : null;
}

async function handle(req, res, mounts, revalidate) {
  const headers = { ...SECURITY_HEADERS, "Cache-Control": "no-cache" };
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, headers).end();
    return;
  }
  const urlPath = pathOf(req.url);
  const found = urlPath === null ? null : await firstFile(candidates(urlPath, mounts));
  try {
    if (!found) throw new Error("not found");
    const file = (await bundleFor(found)) ?? found;
    const st = await stat(file);
    const sent = await variant(file, st, req.headers["accept-encoding"]);
    headers["Content-Type"] = TYPES[path.extname(file)] || "application/octet-stream";
    headers["Cache-Control"] = cacheControl(file, revalidate);
    headers.Vary = "Accept-Encoding";
    if (sent.coding) headers["Content-Encoding"] = sent.coding;
    headers.ETag = etagOf(st, sent.coding);
    const seen = String(req.headers["if-none-match"] ?? "").split(",").map((v) => v.trim());
    if (seen.includes(headers.ETag) || seen.includes("*")) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(sent.path);
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    headers["Content-Type"] = "text/plain; charset=utf-8";
    delete headers.Vary;
    delete headers["Content-Encoding"];
    delete headers.ETag;
    res.writeHead(404, headers).end("not found\n");
  }
}

export function startServer({ port = 8080, host = "127.0.0.1", mounts = [], revalidate = false } = {}) {
  const all = [...mounts.map(([prefix, dir, only]) => [prefix, path.resolve(dir) + path.sep, only]), ...MOUNTS];
  return new Promise((resolveStart, reject) => {
    const server = http.createServer((req, res) => {
      // Whatever goes wrong, the answer still carries the security headers.
      handle(req, res, all, revalidate).catch(() => {
        if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, "Cache-Control": "no-cache" });
        res.end();
      });
    });
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const k = process.argv.indexOf(name);
    return k > 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
  };
  const { url } = await startServer({
    port: Number(arg("--port", 8080)), host: arg("--host", "127.0.0.1"), revalidate: process.argv.includes("--revalidate"),
  });
  console.log(`certpolicy demo: ${url}  (purchase: ${url}purchase.html, booking: ${url}booking.html)`);
  console.log("Ctrl-C to stop.");
}
