// The JavaScript face of the package: loading, policies, errors, disposal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createEngine, CertpolicyError } from "certpolicy";
import { haveCli, runCli } from "./native_cli.mjs";

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve("certpolicy/package.json"), "utf8"));
const wasmPath = require.resolve("certpolicy/certpolicy_core.wasm");

const order = {
  type: "exam_order",
  now: "2026-11-26T10:00:00+08:00",
  order: { paid_at: "2026-11-21T10:00:00+08:00" },
};

test("package.json exports the module and its types", () => {
  assert.equal(pkg.name, "certpolicy");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.exports["."].types, "./index.d.ts");
  assert.equal(pkg.exports["."].default, "./index.js");
  assert.equal(pkg.exports["."].browser, "./index.js");
  assert.equal(pkg.exports["."].node, "./node.js");
});

test("createEngine loads the embedded default policy", async () => {
  const engine = await createEngine();
  assert.equal(engine.policyVersion, "2025-04-08");
  const r = engine.evaluate(order);
  assert.equal(r.ok, true);
  assert.equal(r.refund.allowed, true);
  assert.equal(r.refund.deadline, "2026-11-26T10:00:00+08:00");
});

test("wasmBinary and wasmModule overrides load the same module", async () => {
  const bytes = readFileSync(wasmPath);
  const a = await createEngine({ wasmBinary: bytes });
  const b = await createEngine({ wasmModule: await WebAssembly.compile(bytes) });
  assert.deepEqual(a.evaluate(order), b.evaluate(order));
});

test("a policy object extends the calendar at run time (CAL-2)", async () => {
  const engine = await createEngine({
    policy: { version: "2027-test", calendar: { years: { 2027: { notice: "TEST ONLY 2027", holidays: ["2027-01-01"], makeup_workdays: [] } } } },
  });
  assert.equal(engine.policyVersion, "2027-test");
  const r = engine.evaluate({ type: "working_day", date: "2027-01-01" });
  assert.equal(r.kind, "holiday");
  assert.equal(r.verified, true);
  assert.equal(r.policy_version, "2027-test", "each result names the policy it was decided with");
  // Without a cited notice the dates are used, and the year is not verified.
  const draft = await createEngine({ policy: { calendar: { years: { 2027: { holidays: ["2027-01-01"], makeup_workdays: [] } } } } });
  const d = draft.evaluate({ type: "working_day", date: "2027-01-01" });
  assert.deepEqual([d.kind, d.verified], ["holiday", false]);
});

test("a policy as JSON text changes a number (EXO-4 window)", async () => {
  const engine = await createEngine({ policy: '{"exam_order":{"refund_window":{"hours":48}}}' });
  assert.equal(engine.evaluate(order).refund.deadline, "2026-11-23T10:00:00+08:00");
});

test("an invalid policy rejects with INVALID_POLICY and the path", async () => {
  await assert.rejects(createEngine({ policy: { exam_order: { check_in_before: { minutes: "30" } } } }), (e) => {
    assert.ok(e instanceof CertpolicyError);
    assert.equal(e.code, "INVALID_POLICY");
    assert.equal(e.path, "exam_order.check_in_before.minutes");
    assert.equal(e.detail, "WRONG_TYPE");
    return true;
  });
  await assert.rejects(createEngine({ policy: "{" }), { code: "INVALID_POLICY", detail: "MALFORMED_JSON" });
  const cyclic = {};
  cyclic.self = cyclic;
  await assert.rejects(createEngine({ policy: cyclic }), { code: "INVALID_POLICY" });
  // The module is still usable afterwards.
  assert.equal((await createEngine()).evaluate(order).ok, true);
});

test("evaluateMany: one crossing, results in order, failures isolated", async () => {
  const engine = await createEngine();
  const out = engine.evaluateMany([order, { type: "nope" }, 5, order]);
  assert.equal(out.length, 4);
  assert.equal(out[0].ok, true);
  assert.equal(out[1].error.code, "UNKNOWN_TYPE");
  assert.equal(out[2].error.path, "");
  assert.deepEqual(out[3], out[0]);
  assert.deepEqual(engine.evaluateMany({ not: "an array" }).error.expected, "array");
  assert.deepEqual(engine.evaluateMany([]), []);
});

test("dispose frees the engine; it then answers ENGINE_DISPOSED", async () => {
  const engine = await createEngine();
  engine.dispose();
  const r = engine.evaluate(order);
  assert.equal(r.ok, false);
  assert.equal(r.error.code, "ENGINE_DISPOSED");
});

test("catalogue() lists every certification with its status on a date (CAT-1)", async () => {
  const engine = await createEngine();
  const list = engine.catalogue("2024-09-19T12:00:00+08:00");
  assert.equal(list.length, 43);
  const ids = new Set(list.map((c) => c.id));
  assert.equal(ids.size, list.length);
  const trio = list.find((c) => c.id === "cloud-architecture-engineer");
  assert.equal(trio.status, "sale_stopped");
  assert.equal(trio.level, "TCCA");
  assert.equal(trio.legacy_level, "TCA");
  for (const c of list) {
    assert.ok(c.name.zh && c.name.en, c.id);
    if (c.successor) assert.ok(ids.has(c.successor), c.successor);
    if (c.renamed_from) assert.ok(ids.has(c.renamed_from), c.renamed_from);
  }
  assert.equal(engine.catalogue(new Date("2025-04-01T00:00:00+08:00")).find((c) => c.id === "developer-tsf").status, "retired");
  assert.throws(() => engine.catalogue("yesterday"), { code: "INVALID_REQUEST", path: "now" });
});

test("decideExamOrder (EXO-4/EXO-5 fast path) agrees with evaluate on 2000 boundary inputs", async () => {
  const { orderInputs } = await import("../bench/peers.mjs");
  const engine = await createEngine();
  let refunds = 0, changes = 0;
  for (const req of orderInputs(2000, 7)) {
    const r = engine.evaluate(req);
    const o = req.order;
    const d = engine.decideExamOrder({
      paidAt: new Date(o.paid_at), now: Date.parse(req.now), examAt: o.booking ? Date.parse(o.booking.exam_at) : null,
      status: o.booking ? o.booking.status : "none", flow: o.flow, refunded: o.refunded, platformFault: o.platform_fault,
    });
    // A request evaluate refuses (a taken exam after now…) is unusable input here too.
    if (!r.ok) {
      assert.equal(d, null, JSON.stringify(req));
      continue;
    }
    assert.deepEqual(d, { refund: r.refund.allowed, change: r.booking.can_change, cancel: r.booking.can_cancel, book: r.booking.can_book }, JSON.stringify(req));
    refunds += d.refund;
    changes += d.change;
  }
  assert.ok(refunds > 100 && changes > 100, `both outcomes covered (${refunds} refunds, ${changes} changes)`);
  // The exact boundary instants, to the millisecond.
  const paidAt = Date.parse("2026-11-21T10:00:00+08:00");
  assert.equal(engine.decideExamOrder({ paidAt, now: paidAt + 120 * 3600e3 }).refund, true);
  assert.equal(engine.decideExamOrder({ paidAt, now: paidAt + 120 * 3600e3 + 1 }).refund, false);
  const examAt = Date.parse("2026-12-10T09:00:00+08:00");
  assert.equal(engine.decideExamOrder({ paidAt, now: examAt - 72 * 3600e3, examAt, status: "booked" }).change, true);
  assert.equal(engine.decideExamOrder({ paidAt, now: examAt - 72 * 3600e3 + 1, examAt, status: "booked" }).change, false);
  // Unusable input gives null, never a throw or a wrong answer.
  for (const bad of [{ paidAt: NaN, now: 0 }, { paidAt: "2026-01-01", now: 0 }, { paidAt, now: paidAt, status: "toString" },
    { paidAt, now: paidAt, status: "booked" }, { paidAt, now: paidAt, flow: "__proto__" }, { paidAt: 1e300, now: 0 }]) {
    assert.equal(engine.decideExamOrder(bad), null, JSON.stringify(bad));
  }
});

test("answers cross unchanged both ways: as UTF-16 (in Node up to 64 MiB), longer ones as UTF-8", { skip: !haveCli() && "native CLI not built" }, async () => {
  const engine = await createEngine();
  // Text the answer echoes: CJK, a non-BMP emoji (a surrogate pair in UTF-16),
  // two-byte Latin, and characters JSON must escape.
  const value = "张三 😀 café \"q\" \\ \u0001";
  const small = JSON.stringify({ type: "contacts", contacts: { phone: { state: "verified", value }, email: { state: "pending" } } });
  const text = engine.evaluateJson(small);
  assert.equal(text, runCli(small));
  assert.equal(JSON.parse(text).shown.phone, value);
  assert.ok(text.length * 3 < 16 * 1024, "this answer takes the UTF-16 path");
  // A batch over 16 KiB (UTF-16 in Node, UTF-8 in browsers), and one over
  // 64 MiB (3 000 catalogues of ~22 KB), which takes the UTF-8 path in Node too.
  const batch = `[${Array(40).fill(small).join(",")}]`;
  const many = engine.evaluateJson(batch);
  assert.ok(new TextEncoder().encode(many).length > 16 * 1024);
  assert.equal(many, runCli(batch));
  assert.equal(JSON.parse(many)[39].shown.phone, value);
  const catalogue = JSON.stringify({ type: "catalogue", now: "2026-11-26T10:00:00+08:00" });
  const huge = `[${Array(3000).fill(catalogue).join(",")},${small}]`;
  const hugeAnswer = engine.evaluateJson(huge);
  assert.ok(Buffer.byteLength(hugeAnswer) > 64 * 1024 * 1024, "this answer takes the UTF-8 path");
  assert.ok(hugeAnswer === runCli(huge), "the same bytes as the CLI");
  assert.equal(JSON.parse(hugeAnswer)[3000].shown.phone, value);
  // An answer exactly at the edge of the ASCII fast path (lengths around multiples of 8).
  for (let k = 0; k < 9; k++) {
    const req = JSON.stringify({ type: "contacts", contacts: { phone: { state: "verified", value: "x".repeat(k) + "中" }, email: { state: "unbound" } } });
    assert.equal(engine.evaluateJson(req), runCli(req));
  }
});

test("a text over the size limit is refused like the CLI refuses it, without a buffer its size", { skip: !haveCli() && "native CLI not built" }, async () => {
  const engine = await createEngine();
  const heap = engine.heapInUse;
  for (const [text, many] of /** @type {[string, boolean][]} */ ([
    [`{"type":"${"中".repeat(400000)}"}`, false],          // 1.2 MB of UTF-8 in 400 000 characters
    [`{"type":"${"x".repeat(1048576 - 11)}"}`, false],       // exactly 1 MiB: read, then its type is too long
    [`{"type":"${"x".repeat(1048576 - 10)}"}`, false],       // one byte over
    [`[${"1,".repeat(600000)}1]`, true],                     // a batch is allowed more
  ])) {
    assert.equal(engine.evaluateJson(text), runCli(text), `${text.length} characters`);
    assert.equal(JSON.parse(engine.evaluateJson(text)).ok === undefined, many, "a batch answers with an array");
  }
  assert.equal(JSON.parse(engine.evaluateJson(`{"type":"${"中".repeat(400000)}"}`)).error.detail, "TOO_LARGE");
  assert.equal(JSON.parse(engine.evaluateJson(`{"type":"${"x".repeat(1048576 - 11)}"}`)).error.detail, "TOO_LONG");
  assert.equal(JSON.parse(engine.evaluateJson(`{"type":"${"x".repeat(1048576 - 10)}"}`)).error.detail, "TOO_LARGE");
  assert.equal(engine.heapInUse, heap, "the buffers went back to their base size");
});

test("createEngine: a policy patch over 1 MiB is refused as TOO_LARGE, never aborts the module", async () => {
  const patch = `{"x":[${"1,".repeat(1 << 20)}1]}`;  // 2 MiB
  await assert.rejects(createEngine({ policy: patch }), (e) =>
    e instanceof CertpolicyError && e.code === "INVALID_POLICY" && e.detail === "TOO_LARGE" && e.path === "");
  const engine = await createEngine();
  assert.equal(engine.evaluate({ type: "working_day", date: "2026-10-10" }).ok, true);
});

test("createEngine: a field path longer than 120 bytes ends in an ellipsis after whole characters, nothing else", async () => {
  // A long key of the operator's own (a year of the calendar): the path in
  // the error is cut; it once carried bytes of memory after the kept ones.
  for (const key of ["年".repeat(50), "y".repeat(150)]) {
    const patch = JSON.stringify({ calendar: { source: "x", years: { [key]: {} } } });
    await assert.rejects(createEngine({ policy: patch }), (e) => {
      assert.equal(e.code, "INVALID_POLICY");
      assert.equal(e.detail, "BAD_FORMAT");
      const full = `calendar.years.${key}`;
      const kept = Buffer.from(full).subarray(0, 117).toString("utf8").replace(/\uFFFD+$/, "");
      assert.equal(e.path, `${kept}…`);
      assert.ok(e.message.startsWith(`${kept}…`), e.message);
      return true;
    });
  }
});

test("evaluateMany: a request over 1 MiB is refused as that element's TOO_LARGE, as it is alone", async () => {
  const engine = await createEngine();
  const pad = "x".repeat(1 << 20);
  const big = { locale: "en", type: "working_day", date: "2026-11-26", pad };
  const out = engine.evaluateMany([order, big, order]);
  assert.equal(out.length, 3);
  assert.equal(out[0].ok, true);
  assert.deepEqual(out[2], out[0]);
  assert.equal(out[1].error.detail, "TOO_LARGE");
  assert.equal(out[1].error.expected, "at most 1048576 bytes");
  assert.deepEqual(out[1], engine.evaluate(big));
  if (haveCli()) {
    const text = JSON.stringify([order, big, order]);
    assert.equal(engine.evaluateJson(text), runCli(text), "the same bytes as the CLI");
  }
});

test("size-limit refusals are said in the request's locale (zh-CN, zh-Hant, en)", async () => {
  const engine = await createEngine();
  const pad = "x".repeat(1 << 20);
  const cases = [
    [undefined, /^请求过大/],
    ["zh-CN", /^请求过大/],
    ["zh-Hant", /^請求過大/],
    ["zh-HK", /^請求過大/],
    ["en", /^the request is too large/],
    ["en-US", /^the request is too large/],
    ["fr", /^请求过大/],  // a tag the engine does not read: the default
  ];
  for (const [locale, says] of cases) {
    const req = { locale, type: "working_day", pad };
    const r = engine.evaluate(req);
    assert.equal(r.error.detail, "TOO_LARGE", locale);
    assert.match(r.error.message, says, locale);
    assert.deepEqual(JSON.parse(engine.evaluateJson(JSON.stringify(req))), r, locale);
    assert.deepEqual(engine.evaluateMany([req])[0], r, locale);
  }
});

test("evaluateMany: a batch over the engine's memory limits is refused as a whole, never aborted", async () => {
  const engine = await createEngine();
  // 1 001 arrays of 5 998 ones: 6 005 001 values, past the 6 000 000 a batch may hold.
  const element = Array(5998).fill(1);
  const batch = Array(1001).fill(element);
  const text = JSON.stringify(batch);
  assert.equal(engine.evaluateJson(text), runCli(text), "the same refusal as the CLI");
  const out = engine.evaluateMany(batch);
  assert.equal(out.length, batch.length, "array in, array out");
  assert.equal(out[0], out[1000], "one shared failure");
  assert.ok(Object.isFrozen(out[0]) && Object.isFrozen(out[0].error));
  assert.equal(out[0].ok, false);
  assert.equal(out[0].error.detail, "TOO_LARGE");
  assert.equal(out[0].error.path, "");
  assert.equal(out[0].error.expected, "at most 6000000 values (split the batch)");
  assert.ok(out[0].error.message.includes(out[0].error.expected), out[0].error.message);
  // A batch whose answers would pass 384 MiB (a catalogue answer is about 22 KB).
  const catalogue = { type: "catalogue", now: "2026-11-26T10:00:00+08:00" };
  const answers = engine.evaluateMany(Array(20000).fill(catalogue));
  assert.equal(answers.length, 20000);
  assert.equal(answers[19999].error.detail, "TOO_LARGE");
  assert.match(answers[0].error.expected, /^answers of at most 402653184 bytes/);
  // The engine keeps working, and the refused batches left nothing behind.
  const order = { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00" } };
  const small = () => {
    assert.equal(engine.evaluate(order).ok, true);
    assert.equal(engine.evaluateMany([order, catalogue]).length, 2);
  };
  small();
  const heap = engine.heapInUse;
  engine.evaluateMany(batch);
  small();
  assert.equal(engine.heapInUse, heap);
});
