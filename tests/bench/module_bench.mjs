// Node benchmark of the built package: cold start, evaluate per request type,
// evaluateMany throughput, and the EXO-4/EXO-5 peers. Prints figures (also as
// JSON with --json); asserts only that the peers decide the same.
//   cd tests && node bench/module_bench.mjs [--quick | --smoke] [--json]
// (--smoke: every figure once at a tiny size, to show the benchmark still runs)
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createEngine } from "certpolicy";
import { handWritten, makeRulesEngine, orderInputs } from "./peers.mjs";

const smoke = process.argv.includes("--smoke");
const quick = smoke || process.argv.includes("--quick");
/** How many: the full run's, the quick run's, the smoke run's. */
const size = (full, fast, tiny) => (smoke ? tiny : quick ? fast : full);

/** The fast-path input for an exam_order request (what a page holds as numbers). */
function fastInput(req) {
  const o = req.order;
  return {
    paidAt: Date.parse(o.paid_at), now: Date.parse(req.now), examAt: o.booking ? Date.parse(o.booking.exam_at) : null,
    status: o.booking ? o.booking.status : "none", flow: o.flow, refunded: o.refunded, platformFault: o.platform_fault,
  };
}
const asJson = process.argv.includes("--json");
const N = size(20000, 2000, 100);
const results = {};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function timeEach(fn, inputs, rounds) {
  for (let k = 0; k < Math.min(2000, rounds); k++) fn(inputs[k % inputs.length]);  // warm-up
  const times = new Float64Array(rounds);
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    fn(inputs[k % inputs.length]);
    times[k] = (performance.now() - t0) * 1000;  // µs
  }
  return { median_us: median(times), p99_us: pct(times, 0.99) };
}

// Cold start: a fresh process imports the package and creates an engine.
const cold = [];
const testsDir = fileURLToPath(new URL("../", import.meta.url));
for (let k = 0; k < size(9, 3, 1); k++) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e",
    "const t0 = performance.now(); const { createEngine } = await import('certpolicy'); await createEngine(); console.log(performance.now() - t0);"],
  { cwd: testsDir });
  cold.push(Number(out.toString()));
}
results.create_engine_cold_ms = median(cold);
const t1 = performance.now();
const engine = await createEngine();
results.create_engine_first_in_process_ms = performance.now() - t1;  // compile + instantiate + policy
const t2 = performance.now();
(await createEngine()).dispose();
results.create_engine_module_cached_ms = performance.now() - t2;  // policy only

const requests = {
  exam_order: { type: "exam_order", now: "2026-11-26T10:00:00+08:00", order: { paid_at: "2026-11-21T10:00:00+08:00", payments: [{ method: "online", amount_fen: 30000 }, { method: "voucher", amount_fen: 5000 }], booking: { exam_at: "2026-12-10T09:00:00+08:00", status: "booked" } } },
  working_days: { type: "working_days", from: "2026-09-20", to: "2026-10-12" },
  working_day: { type: "working_day", date: "2026-10-10" },
  booking_form: { type: "booking_form", exam_at: "2026-12-10T09:00:00+08:00", form: { id_type: "cn_id_card", id_number: "11010519491231002X", id_valid_until: "2030-01-01", surname: "张", given_name: "三", phone: "13800138000", email: "a@example.com", email_confirm: "a@example.com" } },
  training: { type: "training", now: "2026-09-20T10:00:00+08:00", enrolment: { class_start: "2026-10-12", paid_fen: 358000, class_status: "open" } },
  certificate: { type: "certificate", now: "2026-10-12T10:00:00+08:00", passes: [{ published_on: "2025-01-10" }], level: "TCP" },
  practitioner: { type: "practitioner", now: "2026-03-10T10:00:00+08:00", purchase: { paid_at: "2026-03-01T09:00:00+08:00" }, attempts: [{ taken_at: "2026-03-02T10:00:00+08:00", score: 55 }] },
  purchase: { type: "purchase", now: "2026-11-26T10:00:00+08:00", product: "exam", certification: "cloud-computing-engineer", account: { kind: "individual", real_name_verified: true } },
  contacts: { type: "contacts", contacts: { phone: { state: "verified", value: "138****8000" }, email: { state: "pending" } } },
  exam_code: { type: "exam_code", now: "2025-01-15T10:00:00+08:00", order: { paid_at: "2024-08-29T17:54:01+08:00" }, code: { state: "bound" }, action: "unbind" },
  certification: { type: "certification", now: "2024-09-19T12:00:00+08:00", id: "cloud-architecture-engineer" },
};
results.evaluate = {};
for (const [type, req] of Object.entries(requests)) {
  if (!engine.evaluate(req).ok) throw new Error(`bench request ${type} fails`);
  results.evaluate[type] = timeEach((r) => engine.evaluate(r), [req], N);
}

// evaluateMany throughput: 100 000 exam_code and exam_order requests in one
// call each. The first batch of a size also grows the WebAssembly memory
// (reported as first_ms); throughput is the median of the batches after it.
// A batch leaves 100 000 answer objects behind, and the next one pays for
// collecting them: with node --expose-gc (scripts/bench) the runs are timed
// both ways, with a collection between them (ms) and without (ms_with_gc_debt).
const collect = typeof globalThis.gc === "function" ? globalThis.gc : null;
for (const [name, req, count] of [["exam_code", requests.exam_code, size(100000, 100000, 2000)], ["exam_order", requests.exam_order, size(100000, 20000, 2000)]]) {
  const batch = Array.from({ length: count }, () => req);
  engine.evaluateMany(batch.slice(0, 1000));
  const timed = (between) => {
    const runs = [];
    for (let k = 0; k < size(6, 3, 2); k++) {
      if (between) between();
      const t0 = performance.now();
      const out = engine.evaluateMany(batch);
      runs.push(performance.now() - t0);
      if (out.length !== count || !out[count - 1].ok) throw new Error("evaluateMany failed");
    }
    return runs;
  };
  const debt = timed(null);
  const clean = collect ? timed(collect) : null;
  const ms = median((clean ?? debt).slice(clean ? 0 : 1));
  results[`evaluate_many_${name}`] = {
    requests: count, first_ms: debt[0], ms, per_second: Math.round(count / (ms / 1000)),
    ms_with_gc_debt: median(debt.slice(1)), collected_between_runs: !!clean,
  };
}

// Peers on identical inputs: first check the decisions agree, then time them.
const inputs = orderInputs(size(2000, 500, 100));
const rules = makeRulesEngine();
for (const req of inputs) {
  const a = handWritten(req);
  const b = await rules(req);
  const r = engine.evaluate(req);
  const c = { refund: r.refund.allowed, change: r.booking.can_change };
  const d = engine.decideExamOrder(fastInput(req));
  if (d.refund !== c.refund || d.change !== c.change) throw new Error(`fast path disagrees on ${JSON.stringify(req)}`);
  if (a.refund !== c.refund || a.change !== c.change || b.refund !== c.refund || b.change !== c.change) {
    throw new Error(`peers disagree on ${JSON.stringify(req)}: js ${JSON.stringify(a)} rules ${JSON.stringify(b)} certpolicy ${JSON.stringify(c)}`);
  }
}
const perDecision = {};
perDecision.hand_written_js = timeEach(handWritten, inputs, N);
perDecision.certpolicy_evaluate = timeEach((r) => engine.evaluate(r), inputs, N);
perDecision.certpolicy_decide_exam_order = timeEach((r) => engine.decideExamOrder(fastInput(r)), inputs, N);
{
  const batchStart = performance.now();
  const out = engine.evaluateMany(inputs);
  perDecision.certpolicy_evaluate_many_us = ((performance.now() - batchStart) * 1000) / out.length;
}
{
  for (let k = 0; k < 500; k++) await rules(inputs[k % inputs.length]);
  const rounds = size(10000, 2000, 100);
  const times = new Float64Array(rounds);
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    await rules(inputs[k % inputs.length]);
    times[k] = (performance.now() - t0) * 1000;
  }
  perDecision.json_rules_engine = { median_us: median(times), p99_us: pct(times, 0.99) };
}
results.peers = perDecision;
results.peers.ratio_rules_engine_over_certpolicy_evaluate = perDecision.json_rules_engine.median_us / perDecision.certpolicy_evaluate.median_us;
results.peers.ratio_certpolicy_evaluate_over_hand_written = perDecision.certpolicy_evaluate.median_us / perDecision.hand_written_js.median_us;
results.peers.ratio_rules_engine_over_certpolicy_fast = perDecision.json_rules_engine.median_us / perDecision.certpolicy_decide_exam_order.median_us;
results.peers.ratio_certpolicy_fast_over_hand_written = perDecision.certpolicy_decide_exam_order.median_us / perDecision.hand_written_js.median_us;
results.peers.decisions_compared = inputs.length;

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const f = (x) => (typeof x === "number" ? x.toFixed(2) : x);
  console.log(`createEngine: cold ${f(results.create_engine_cold_ms)} ms (fresh process: import + compile + instantiate + policy, median), ` +
    `first in this process ${f(results.create_engine_first_in_process_ms)} ms, another with the module cached ${f(results.create_engine_module_cached_ms)} ms`);
  for (const [type, r] of Object.entries(results.evaluate)) console.log(`evaluate ${type.padEnd(14)} median ${f(r.median_us)} µs  p99 ${f(r.p99_us)} µs`);
  for (const name of ["exam_code", "exam_order"]) {
    const r = results[`evaluate_many_${name}`];
    console.log(`evaluateMany ${r.requests} ${name}: ${f(r.ms)} ms, ${r.per_second} requests/s ` +
      `(median${r.collected_between_runs ? ", the previous answers collected between runs" : " after the first"}; ` +
      `paying for the previous answers' collection: ${f(r.ms_with_gc_debt)} ms; the first, which grows memory: ${f(r.first_ms)} ms)`);
  }
  const p = results.peers;
  console.log(`EXO-4+EXO-5 per decision (${p.decisions_compared} identical inputs, same decisions), median: hand-written JS ${f(p.hand_written_js.median_us)} µs, ` +
    `certpolicy decideExamOrder ${f(p.certpolicy_decide_exam_order.median_us)} µs, certpolicy evaluate ${f(p.certpolicy_evaluate.median_us)} µs ` +
    `(batched ${f(p.certpolicy_evaluate_many_us)} µs), json-rules-engine ${f(p.json_rules_engine.median_us)} µs`);
  console.log(`ratios: json-rules-engine / decideExamOrder = ${f(p.ratio_rules_engine_over_certpolicy_fast)}x, / evaluate = ${f(p.ratio_rules_engine_over_certpolicy_evaluate)}x; ` +
    `decideExamOrder / hand-written = ${f(p.ratio_certpolicy_fast_over_hand_written)}x, evaluate / hand-written = ${f(p.ratio_certpolicy_evaluate_over_hand_written)}x`);
}
