// The demo server serves only what a deployment ships, with the full
// security header set of docs/DEPLOYMENT.md.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, CSP } from "../../scripts/serve.mjs";
import { repoRoot } from "./case_files.mjs";

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
    assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/, path);
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
