// web/js/policy_loader.js with a stubbed fetch: an endless answer without a
// Content-Length is cut at the limit and refused (the page decides with the
// default), and a small valid patch is applied.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { loadPolicyEngine } from "../../web/js/policy_loader.js";

const realFetch = globalThis.fetch;
after(() => { globalThis.fetch = realFetch; });
const site = { policyUrl: "policy.json", policyMaxBytes: 1 << 20 };

test("an endless chunked policy answer is cut at the limit and refused as too large", async () => {
  let pulled = 0;
  globalThis.fetch = async () => new Response(new ReadableStream({
    pull(controller) {
      pulled += 65536;
      controller.enqueue(new Uint8Array(65536).fill(0x20));
    },
  }), { status: 200 });
  const { engine, state } = await loadPolicyEngine(createEngine, site, Date.now());
  assert.equal(state.source, "default");
  assert.equal(state.notice.reason, "too_large");
  assert.ok(pulled <= (1 << 20) + 2 * 65536, `read ${pulled} bytes`);
  assert.equal(engine.policyVersion, "2025-04-08");
});

test("a small valid patch decides; the shipped {} is the default without a notice", async () => {
  globalThis.fetch = async () => new Response(JSON.stringify({ version: "t", exam_order: { refund_window: { hours: 168 } } }));
  assert.deepEqual((await loadPolicyEngine(createEngine, site, Date.now())).state, { version: "t", source: "published", notice: null });
  globalThis.fetch = async () => new Response("{}");
  assert.deepEqual((await loadPolicyEngine(createEngine, site, Date.now())).state, { version: "2025-04-08", source: "default", notice: null });
});
