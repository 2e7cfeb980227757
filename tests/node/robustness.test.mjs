// Bad requests of every kind return ok:false with a path; nothing throws
// past evaluate or aborts the module; a valid request right after still works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";

const valid = { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00" } };

function hostileInputs() {
  const cyclic = { type: "exam_order" };
  cyclic.order = cyclic;
  const throwing = { get type() { throw new Error("getter"); } };
  let deep = {};
  for (let k = 0; k < 10000; k++) deep = { a: deep };
  return [
    undefined, null, true, 0, -1, NaN, Infinity, "", " ", "{", "null", "[]", "[[[[", "\u0000",
    "x".repeat(5 << 20), `{"type":"${"é".repeat(100000)}"}`, [], [1, 2], {}, { type: null },
    { type: "exam_order" }, { type: "exam_order", now: NaN, order: { paid_at: Infinity } },
    { type: "exam_order", now: "2026-02-29T10:00:00+08:00", order: {} },
    { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 1e300 }] } },
    { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", booking: { status: "booked", exam_at: "x".repeat(1000) } } },
    { type: "working_days", from: "1970-01-01", to: "2199-12-31" },
    { type: "booking_form", exam_at: "2026-12-10T09:00:00+08:00", form: { surname: "\ud800" } },
    { type: "booking_form", exam_at: "2026-12-10T09:00:00+08:00", form: { id_type: {}, id_number: [] } },
    { type: "__proto__" }, { type: "constructor" }, JSON.parse('{"__proto__":{"type":"exam_order"}}'),
    cyclic, throwing, deep, () => 1, Symbol("s"), 10n, { amount: 10n },
  ];
}

test("hostile inputs never throw and never break the engine", async () => {
  const engine = await createEngine();
  let failures = 0;
  for (const input of hostileInputs()) {
    const r = engine.evaluate(input);
    assert.equal(typeof r, "object");
    if (!r.ok) {
      failures++;
      assert.equal(typeof r.error.code, "string");
      assert.equal(typeof r.error.path, "string");
      assert.equal(typeof r.error.message, "string");
    }
    assert.equal(engine.evaluate(valid).ok, true);
  }
  assert.ok(failures >= 30, `only ${failures} refused`);
});

test("the same hostile inputs in one evaluateMany: each gets its own answer", async () => {
  const engine = await createEngine();
  const inputs = hostileInputs();
  const out = engine.evaluateMany(inputs);
  assert.equal(out.length, inputs.length);
  out.forEach((r, k) => assert.deepEqual(r, engine.evaluate(inputs[k]), `input ${k}`));
  let deep = {};
  for (let k = 0; k < 100; k++) deep = { a: deep };
  const pair = engine.evaluateMany([valid, deep]);
  assert.equal(pair[0].ok, true);
  assert.equal(pair[1].error.detail, "TOO_DEEP");
  assert.equal(engine.evaluate(valid).ok, true);
});
