// web/js/policy_loader.js with a stubbed fetch: an endless answer without a
// Content-Length is cut at the limit and refused (the page decides with the
// default), a small valid file is applied, and the file's bytes reach the
// core as they came (the decoder of `certpolicy policy check`).
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
  const { engine, state } = await loadPolicyEngine(createEngine, site);
  assert.equal(state.source, "default");
  assert.equal(state.notice.reason, "too_large");
  assert.ok(pulled <= (1 << 20) + 2 * 65536, `read ${pulled} bytes`);
  assert.equal(engine.policyVersion, "2025-04-08");
});

test("a small valid file decides; the shipped {} is the default without a notice", async () => {
  globalThis.fetch = async () => new Response(JSON.stringify({ version: "t", exam_order: { refund_window: { hours: 168 } } }));
  const { state } = await loadPolicyEngine(createEngine, site);
  assert.equal(state.version, "t");
  assert.equal(state.source, "published");
  assert.equal(state.notice, null);
  assert.deepEqual(state.changes.map((c) => [c.id, c.effectiveFrom, c.appliesTo]), [["t", null, null]]);
  globalThis.fetch = async () => new Response("{}");
  assert.deepEqual((await loadPolicyEngine(createEngine, site)).state, { version: "2025-04-08", source: "default", changes: [], notice: null });
});

// The cases: the CLI and the page decoded differently. Now both refuse
// an empty file, a Latin-1 byte, a repeated key and a file without its own
// version, with the place in the file as developer detail.
const refusals = [
  ["an empty file", new Uint8Array(0), ": MISSING"],
  ["a raw Latin-1 byte", new Uint8Array([...new TextEncoder().encode('{"version": "caf'), 0xe9, ...new TextEncoder().encode('"}')]), ": MALFORMED_JSON (line 1, column 17)"],
  ["a repeated key", new TextEncoder().encode('{"version": "a",\n "version": "b"}'), "version: DUPLICATE_KEY (line 2, column 13)"],
  ["no version of its own", new TextEncoder().encode('{"exam_order": {"refund_window": {"hours": 72}}}'), "version: MISSING"],
  ["the built-in version", new TextEncoder().encode('{"version": "2025-04-08", "exam_order": {"refund_window": {"hours": 72}}}'), "version: INCONSISTENT (line 1, column 13)"],
  ["a future change with a misspelled key", new TextEncoder().encode(JSON.stringify({ version: "x", changes: [{ id: "a", effective_from: "2027-01-01T00:00:00+08:00", patch: { exam_order: { refund_windw: { hours: 1 } } } }] })),
    "changes[0].patch.exam_order.refund_windw: UNKNOWN_FIELD (line 1, column 120)"],
  ["an effective_from that is a date", new TextEncoder().encode(JSON.stringify({ version: "x", changes: [{ id: "a", effective_from: "01/01/2027", patch: { exam_order: { refund_window: { hours: 72 } } } }] })),
    "changes[0].effective_from: BAD_FORMAT (line 1, column 54)"],
];
for (const [name, bytes, detail] of refusals) {
  test(`a file with ${name} is refused by the page as by the CLI: the default decides, nothing is announced`, async () => {
    globalThis.fetch = async () => new Response(bytes);
    const { state, engine } = await loadPolicyEngine(createEngine, site);
    assert.equal(state.source, "default");
    assert.equal(engine.policyVersion, "2025-04-08");
    assert.deepEqual(state.changes, []);
    assert.equal(state.notice.reason, "invalid");
    assert.equal(state.notice.detail, detail);
  });
}

test("a valid file with a future change is applied whole: the change is known, and decides from its instant", async () => {
  const file = { version: "ops", changes: [{ id: "refund-3d", effective_from: "2027-01-01T00:00:00+08:00", patch: { exam_order: { refund_window: { hours: 72 } } } }] };
  globalThis.fetch = async () => new Response(JSON.stringify(file));
  const { state, engine } = await loadPolicyEngine(createEngine, site);
  assert.equal(state.source, "published");
  assert.deepEqual(state.changes.map((c) => [c.id, c.effectiveFrom.toISOString(), c.appliesTo]), [["refund-3d", "2026-12-31T16:00:00.000Z", "orders_paid"]]);
  assert.equal(engine.nextPolicyChange(Date.parse("2026-12-01T00:00:00Z")).toISOString(), "2026-12-31T16:00:00.000Z");
  const deadline = (paid) => engine.evaluate({ type: "exam_order", now: "2027-01-05T12:00:00+08:00", order: { paid_at: paid } }).refund.deadline;
  assert.equal(deadline("2026-12-30T10:00:00+08:00"), "2027-01-04T10:00:00+08:00");
  assert.equal(deadline("2027-01-02T10:00:00+08:00"), "2027-01-05T10:00:00+08:00");
  assert.equal(engine.policyDocument(Date.parse("2027-01-02T00:00:00Z")).exam_order.refund_window.hours, 72);
  assert.equal(engine.policyDocument(Date.parse("2027-01-02T00:00:00Z"), Date.parse("2026-12-01T00:00:00Z")).exam_order.refund_window.hours, 120);
});
