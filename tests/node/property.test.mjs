// Property suite of the JS module (fast-check): for arbitrary JS values and
// arbitrary JSON, evaluate / evaluateMany / evaluateJson never throw and
// always answer with an answer of the package's JSON Schema (result.schema.json); arbitrary
// mutations of valid requests either decide or name a field.
// Runs: CERTPOLICY_PROPERTY_RUNS (default 2000 per property; scripts/test
// uses the default, `CERTPOLICY_PROPERTY_RUNS=20000 node --test node/property.test.mjs` for a long run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import Ajv2020 from "ajv/dist/2020.js";
import { createEngine } from "certpolicy";

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("certpolicy/schema/result.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const runs = Number(process.env.CERTPOLICY_PROPERTY_RUNS || 2000);
const seed = Number(process.env.CERTPOLICY_PROPERTY_SEED || 20261203);
const engine = await createEngine();

function show(v) {
  try {
    return String(JSON.stringify(v)).slice(0, 300);
  } catch {
    return "(a value JSON cannot show)";
  }
}

function assertEnvelope(answer, input) {
  if (!validate(answer)) assert.fail(`${JSON.stringify(validate.errors)}\nfor ${show(input)}`);
}

const TYPES = ["exam_order", "working_day", "working_days", "booking_form", "training", "certificate", "practitioner",
  "purchase", "contacts", "exam_code", "exam_code_order", "certification", "catalogue"];
const KEYS = ["type", "locale", "now", "order", "paid_at", "payments", "method", "amount_fen", "booking", "status",
  "exam_at", "date", "from", "to", "form", "enrolment", "passes", "purchase", "attempts", "code", "action", "id",
  "platform_fault", "platformFault", "refunded", "flow", "codes", "state", "contacts", "account"];
const strings = fc.oneof(
  fc.constantFrom(...TYPES, "zh-CN", "en", "2026-11-26", "2026-11-26T10:00:00+08:00", "1969-12-31T16:00:00Z",
    "2026-02-30T00:00:00Z", "booked", "online", "\u0000", "\ud800", "Xi'an"),
  fc.string(), fc.string({ unit: "grapheme" }));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.integer(), fc.double(), strings,
    fc.array(tie("value"), { maxLength: 5 }), tie("object")),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie("value"), { maxKeys: 6 }),
})).value;

// Values JSON cannot carry, and values that fight back.
const hostile = fc.oneof(
  fc.bigInt().map((n) => ({ type: "exam_order", now: n })),
  fc.constant(Symbol("s")),
  fc.constant(() => 1),
  fc.constant(undefined),
  fc.constant(new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } })),
  // (A revoked Proxy is in hostile_js.test.mjs: fast-check itself cannot hold one.)
  fc.constant(Object.defineProperty({}, "locale", { enumerable: true, get() { throw new Error("g"); } })),
  fc.constant((() => { const o = { type: "working_day" }; o.o = o; return o; })()),
);
const anyValue = fc.oneof(jsonValue, hostile, fc.anything());

test("evaluate: any JS value gets an envelope, never a throw", () => {
  fc.assert(fc.property(anyValue, (v) => { assertEnvelope(engine.evaluate(v), v); }), { numRuns: runs, seed });
});

test("evaluate: any JSON object with a known type gets an envelope", () => {
  const request = fc.tuple(fc.constantFrom(...TYPES), fc.dictionary(fc.constantFrom(...KEYS), jsonValue, { maxKeys: 6 }))
    .map(([type, rest]) => ({ ...rest, type }));
  fc.assert(fc.property(request, (r) => assertEnvelope(engine.evaluate(r), r)), { numRuns: runs, seed });
});

test("evaluateJson: any text gets JSON text of an envelope; a batch an array of them", () => {
  const text = fc.oneof(fc.string(), fc.json(), jsonValue.map((v) => JSON.stringify(v) ?? "null"),
    fc.json().map((j) => `${j}\u0000x`), fc.json().map((j) => `[${j},${j}]`));
  fc.assert(fc.property(text, (t) => {
    const out = JSON.parse(engine.evaluateJson(t));
    for (const answer of Array.isArray(out) ? out : [out]) assertEnvelope(answer, t);
  }), { numRuns: runs, seed });
});

test("evaluateMany: any array gets one envelope per element, in order", () => {
  fc.assert(fc.property(fc.array(anyValue, { maxLength: 8 }), (list) => {
    const out = engine.evaluateMany(list);
    assert.equal(out.length, list.length);
    out.forEach((a) => assertEnvelope(a, list));
    // The same element alone gets the same answer (a hostile neighbour changes nothing).
    list.forEach((v, k) => {
      if (typeof v === "object" && v !== null && !Array.isArray(v)) {
        try {
          JSON.stringify(v);
        } catch {
          return;
        }
        assert.deepEqual(out[k], engine.evaluate(v));
      }
    });
  }), { numRuns: runs, seed });
});

test("a valid exam order with one field replaced either decides or names a field", () => {
  const base = {
    type: "exam_order", locale: "en", now: "2026-11-26T10:00:00+08:00",
    order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 120000 }],
      booking: { status: "booked", exam_at: "2026-12-20T09:00:00+08:00" } },
  };
  const paths = [["now"], ["order", "paid_at"], ["order", "payments"], ["order", "payments", 0, "amount_fen"],
    ["order", "booking", "status"], ["order", "booking", "exam_at"], ["order", "platform_fault"], ["order", "extra"], ["locale"]];
  fc.assert(fc.property(fc.constantFrom(...paths), jsonValue, (path, value) => {
    const r = structuredClone(base);
    let at = r;
    for (const key of path.slice(0, -1)) at = at[key];
    at[path.at(-1)] = value;
    const answer = engine.evaluate(r);
    assertEnvelope(answer, r);
    if (!answer.ok) assert.notEqual(answer.error.message, "");
    if (path.at(-1) === "extra") assert.equal(answer.ok, false);  // never silently ignored
  }), { numRuns: runs, seed });
});
