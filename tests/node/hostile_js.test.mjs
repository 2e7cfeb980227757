// The JS module never throws from evaluate/evaluateMany/evaluateJson/
// decideExamOrder, whatever value it is given, and never runs out of engines.
import { test } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import vm from "node:vm";
import { createEngine } from "certpolicy";

const engine = await createEngine();

function throwingProxy() {
  const trap = () => {
    throw new Error("trap");
  };
  return new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap });
}

function revokedProxy() {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
}

function cyclic() {
  const o = { type: "working_day" };
  o.self = o;
  return o;
}

const hostile = {
  "a Proxy whose traps throw": throwingProxy(),
  "a revoked Proxy": revokedProxy(),
  "a getter that throws": Object.defineProperty({}, "type", { enumerable: true, get() { throw new Error("getter"); } }),
  "a locale getter that throws": Object.defineProperty({ type: "working_day" }, "locale", { enumerable: true, get() { throw new Error("getter"); } }),
  "a toJSON that throws": { toJSON() { throw new Error("toJSON"); } },
  "a cycle": cyclic(),
  "a BigInt": { type: "exam_order", now: 1n },
  "a bare BigInt": 10n,
  "a Symbol": Symbol("x"),
  "a function": () => 1,
  undefined: undefined,
  NaN: NaN,
  "a Date": new Date(Number.NaN),
};

for (const [name, value] of Object.entries(hostile)) {
  test(`evaluate answers ${name} with a failure object, never a throw`, () => {
    const r = engine.evaluate(value);
    assert.equal(typeof r, "object");
    assert.equal(r.ok, false);
    assert.equal(typeof r.error.code, "string");
    assert.equal(typeof r.error.message, "string");
  });
}

test("evaluateMany answers every hostile element on its own and keeps the good ones", () => {
  const good = { type: "working_day", date: "2026-11-26" };
  const out = engine.evaluateMany([good, ...Object.values(hostile), good]);
  assert.equal(out.length, Object.keys(hostile).length + 2);
  assert.equal(out[0].ok, true);
  assert.equal(out.at(-1).ok, true);
  for (const r of out.slice(1, -1)) assert.equal(r.ok, false);
});

test("evaluateMany of a Proxy array whose traps throw is one failure, not a throw", () => {
  const arr = new Proxy([], { get() { throw new Error("trap"); } });
  const out = engine.evaluateMany(arr);
  assert.ok(Array.isArray(out));
  assert.equal(out[0].ok, false);
});

test("evaluateJson and decideExamOrder take hostile values without throwing", () => {
  const bad = { toString() { throw new Error("toString"); } };
  assert.equal(JSON.parse(engine.evaluateJson(bad)).ok, false);
  assert.equal(engine.decideExamOrder(throwingProxy()), null);
  assert.equal(engine.decideExamOrder(undefined), null);
});

test("a disposed engine answers ENGINE_DISPOSED everywhere, in the request's language", async () => {
  const e = await createEngine();
  e.dispose();
  e.dispose();  // twice is fine
  const zh = e.evaluate({ type: "working_day", date: "2026-11-26" });
  assert.equal(zh.ok, false);
  assert.equal(zh.error.code, "ENGINE_DISPOSED");
  assert.match(zh.error.message, /已释放/);
  assert.match(e.evaluate({ locale: "en", type: "working_day" }).error.message, /disposed/);
  assert.deepEqual(e.evaluateMany([1, 2]).map((r) => r.error.code), ["ENGINE_DISPOSED", "ENGINE_DISPOSED"]);
  assert.equal(JSON.parse(e.evaluateJson("{}")).error.code, "ENGINE_DISPOSED");
  assert.equal(e.decideExamOrder({ paidAt: 0, now: 0 }), null);
  // A countdown holding the stale engine keeps ticking without a throw.
  for (let k = 0; k < 3; k++) assert.equal(e.evaluate({ type: "exam_order" }).ok, false);
});

test("Symbol.dispose disposes the engine (what `using` calls)", async () => {
  const e = await createEngine();
  assert.equal(typeof e[Symbol.dispose], "function");
  e[Symbol.dispose]();
  assert.equal(e.evaluate({ type: "working_day", date: "2026-11-26" }).error.code, "ENGINE_DISPOSED");
});

test("200 000 engines created and dropped without dispose() keep the heap flat", async () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const settle = async () => {
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
    await new Promise((r) => setImmediate(r));
  };
  await settle();
  const before = engine.heapInUse;
  const memoryBefore = engine.memoryBytes;
  for (let k = 0; k < 200_000; k++) {
    const e = await createEngine();
    if (k % 1000 === 0) assert.equal(e.evaluate({ type: "working_day", date: "2026-11-26" }).ok, true);
    if (k % 5000 === 4999) await settle();
  }
  await settle();
  const after = engine.heapInUse;
  // Without the FinalizationRegistry every engine's C++ side stays: 200 000
  // of them are several MB (and aborted the module at 59 690 before).
  assert.ok(after - before < 256 * 1024, `heap in use grew by ${after - before} bytes`);
  assert.equal(engine.memoryBytes, memoryBefore, "the wasm memory did not grow");
  assert.equal(engine.evaluate({ type: "working_day", date: "2026-11-26" }).ok, true);
});
