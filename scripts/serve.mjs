// The demo server: web/ at /, the wasm package at /pkg/ (only the files the
// package ships), with the security headers the pages must run under
// (docs/DEPLOYMENT.md). Dependency-free (node:http).
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--revalidate]
// Also importable: `startServer({ port: 0, mounts })` → { server, url } (browser
// tests; `mounts` adds [prefix, directory] pairs in front of the demo's own;
// a file missing from one mount is looked for in the next).
import http from "node:http";
import { readdirSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
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

// The files a URL path may name, one per mount whose prefix it has, in
// mount order (the first that exists is served).
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
    out.push(file);
  }
  return out;
}

async function firstFile(files) {
  for (const file of files) {
    if (await stat(file).then((st) => st.isFile(), () => false)) return file;
  }
  return null;
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

/** A weak validator from the file's size and modification time: W/"366230-1764780000000". */
const etagOf = (st) => `W/"${st.size.toString(16)}-${Math.trunc(st.mtimeMs).toString(16)}"`;

async function handle(req, res, mounts, revalidate) {
  const headers = { ...SECURITY_HEADERS, "Cache-Control": "no-cache" };
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, headers).end();
    return;
  }
  const file = await firstFile(candidates(new URL(req.url, "http://x").pathname, mounts));
  try {
    if (!file) throw new Error("not found");
    const st = await stat(file);
    headers["Content-Type"] = TYPES[path.extname(file)] || "application/octet-stream";
    headers["Cache-Control"] = cacheControl(file, revalidate);
    headers.ETag = etagOf(st);
    const seen = String(req.headers["if-none-match"] ?? "").split(",").map((v) => v.trim());
    if (seen.includes(headers.ETag) || seen.includes("*")) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    headers["Content-Type"] = "text/plain; charset=utf-8";
    res.writeHead(404, headers).end("not found\n");
  }
}

export function startServer({ port = 8080, host = "127.0.0.1", mounts = [], revalidate = false } = {}) {
  const all = [...mounts.map(([prefix, dir, only]) => [prefix, path.resolve(dir) + path.sep, only]), ...MOUNTS];
  return new Promise((resolveStart, reject) => {
    const server = http.createServer((req, res) => {
      handle(req, res, all, revalidate).catch(() => res.writeHead(500).end());
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
