// 100 000 random and malformed inputs through the package: nothing throws
// past evaluate, nothing aborts, every answer is a result or a structured
// error, and WebAssembly memory stays flat after warm-up. The slowest calls
// are reported, not asserted (timings are benchmarks, not tests).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { makeGenerator } from "./generator.mjs";

const COUNT = 100000;

function hostile(gen) {
  const r = gen.rng;
  switch (r.int(10)) {
    case 0: return gen.malformedText();
    case 1: return "x".repeat(r.int(2) ? 10 : 200000);
    case 2: {  // deep nesting
      let v = { type: "exam_order" };
      for (let k = 0; k < 20 + r.int(100); k++) v = { a: v };
      return v;
    }
    case 3: return { type: "booking_form", exam_at: "2026-12-10T09:00:00+08:00", form: { surname: "\u{1F600}".repeat(r.int(200)), given_name: "\u0000\uFFFF", phone: "١٣٨٠٠١٣٨٠٠٠" } };
    case 4: return { type: r.pick(["exam_order", "training"]), now: r.pick([NaN, Infinity, -Infinity, 1e308]), order: [], enrolment: "x" };
    case 5: return [gen.request(), gen.request()];
    default: return gen.request();
  }
}

test(`${COUNT} random and malformed inputs: no throw, no abort, flat memory`, async () => {
  const engine = await createEngine();
  const gen = makeGenerator(99);
  const valid = { type: "working_day", date: "2026-10-10" };
  let slowest = 0;
  let warm = 0;
  let heap = 0;
  let refused = 0;
  for (let k = 0; k < COUNT; k++) {
    if (k === 10000) {
      warm = engine.memoryBytes;
      heap = engine.heapInUse;
    }
    const input = hostile(gen);
    const t0 = performance.now();
    const r = engine.evaluate(input);
    const ms = performance.now() - t0;
    if (ms > slowest) slowest = ms;
    assert.equal(typeof r, "object");
    if (Array.isArray(input) || r.ok === false) {
      if (!r.ok) {
        refused++;
        assert.equal(typeof r.error.path, "string");
        assert.equal(typeof r.error.message, "string");
      }
    } else {
      assert.equal(r.ok, true);
    }
  }
  assert.equal(engine.evaluate(valid).kind, "makeup_workday");
  assert.equal(engine.memoryBytes, warm, "WebAssembly memory grew after warm-up");
  assert.equal(engine.heapInUse, heap, "heap in use changed: something leaks");
  console.log(`# robustness: ${COUNT} inputs, ${refused} refused, slowest call ${slowest.toFixed(2)} ms, memory ${warm} bytes flat, heap in use ${heap} bytes before and after`);
});
