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

// evaluateMany reads an array's length before anything else: a sparse array
// or a Proxy may claim up to 2**32 - 1 elements, which serialising or walking
// would take minutes over (and answer holes). Past the 2 000 000 requests a
// batch may hold, the answer is one TOO_MANY failure, at once, in the locale
// the first request names; within it, one answer per element.
const day = { type: "working_day", date: "2026-11-26" };

test("evaluateMany of a sparse array claiming 2**32 - 1 elements is one TOO_MANY failure", () => {
  const sparse = [{ ...day, locale: "en" }];
  sparse.length = 2 ** 32 - 1;
  const out = engine.evaluateMany(sparse);
  assert.equal(out.length, 1);
  assert.equal(out[0].ok, false);
  assert.equal(out[0].error.detail, "TOO_MANY");
  assert.equal(out[0].error.path, "");
  assert.equal(out[0].error.expected, "at most 2000000 requests");
  assert.match(out[0].error.message, /^too many items/);
  assert.ok(Object.isFrozen(out[0]) && Object.isFrozen(out[0].error));
});

test("evaluateMany of a Proxy claiming a huge length reads one element, for its locale", () => {
  const reads = [];
  const proxy = new Proxy([], {
    get(target, key) {
      if (key === "length") return 2 ** 32 - 1;
      if (typeof key === "string" && /^\d+$/.test(key)) {
        reads.push(key);
        return { ...day, locale: "zh-Hant" };
      }
      return Reflect.get(target, key);
    },
  });
  const out = engine.evaluateMany(proxy);
  assert.equal(out.length, 1);
  assert.equal(out[0].error.detail, "TOO_MANY");
  assert.match(out[0].error.message, /^條目過多/);
  assert.deepEqual(reads, ["0"]);
  // A first element that cannot be read: the default locale.
  const throwing = new Proxy([], { get: (t, k) => (k === "length" ? 3e9 : k === "0" ? throwingProxy() : Reflect.get(t, k)) });
  assert.match(engine.evaluateMany(throwing)[0].error.message, /^条目过多/);
});

test("evaluateMany: one past the limit is refused as the core refuses the same batch as text", () => {
  const batch = Array(2_000_001).fill(0);
  batch[0] = { ...day, locale: "en" };
  const out = engine.evaluateMany(batch);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0], JSON.parse(engine.evaluateJson(JSON.stringify(batch))));
});

test("evaluateMany answers every element of a sparse array, a hole as null is answered", () => {
  const sparse = [day, , day];  // eslint-disable-line no-sparse-arrays
  sparse.length = 5;
  const out = engine.evaluateMany(sparse);
  assert.deepEqual(Object.keys(out), ["0", "1", "2", "3", "4"]);
  assert.equal(out[0].ok, true);
  assert.deepEqual(out[1], engine.evaluate(null));
  assert.equal(out[1].ok, false);
  assert.deepEqual(out[3], out[1]);
  // The same when one element cannot be serialised and each is answered on its own.
  const mixed = [day, , 10n];  // eslint-disable-line no-sparse-arrays
  const each = engine.evaluateMany(mixed);
  assert.deepEqual(Object.keys(each), ["0", "1", "2"]);
  assert.equal(each[0].ok, true);
  assert.deepEqual(each[1], engine.evaluate(undefined));
  assert.equal(each[2].ok, false);
  // A Proxy whose element read throws: that element's failure, the others answered.
  const partly = new Proxy([day, day, day], { get: (t, k) => (k === "1" ? (() => { throw new Error("trap"); })() : Reflect.get(t, k)) });
  const answers = engine.evaluateMany(partly);
  assert.deepEqual(answers.map((r) => r.ok), [true, false, true]);
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
  // One answer per element, holes too; a huge claimed length is not walked.
  const holes = e.evaluateMany([1, , 2]);  // eslint-disable-line no-sparse-arrays
  assert.deepEqual(Object.keys(holes), ["0", "1", "2"]);
  assert.equal(holes[1].error.code, "ENGINE_DISPOSED");
  const huge = [];
  huge.length = 2 ** 32 - 1;
  assert.deepEqual(e.evaluateMany(huge).map((r) => r.error.code), ["ENGINE_DISPOSED"]);
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
