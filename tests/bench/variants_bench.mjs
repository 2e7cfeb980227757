// A/B of package builds in one process (figures, no assertions): evaluate
// (median, p99), evaluateMany throughput and gzip size of each build, in
// interleaved rounds, each figure also as a ratio to the first build's in
// the same round (the median of those ratios is what to quote).
//   cd tests && node --expose-gc bench/variants_bench.mjs base=../wasm other=/tmp/other/wasm [--rounds 9] [--json]
// A build is a package folder: node.js, engine.js and dist/ (a copy of wasm/
// after a build of another tree). Every build must answer byte for byte the same.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const rounds = flag("--rounds", 9);
const asJson = args.includes("--json");
const builds = args.filter((a) => a.includes("=")).map((a) => {
  const [name, dir] = a.split("=");
  return { name, dir: resolve(dir) };
});
if (builds.length < 2) throw new Error("usage: variants_bench.mjs NAME=DIR NAME=DIR … [--rounds N]");

const collect = typeof globalThis.gc === "function" ? globalThis.gc : () => {};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// The heavy order: payments, a booking, reminders and zh-CN sentences; the
// same in English; a form check (many short keys and codes compared).
const order = {
  type: "exam_order", now: "2026-11-26T10:00:00+08:00",
  order: {
    paid_at: "2026-11-21T10:00:00+08:00",
    payments: [{ method: "online", amount_fen: 30000 }, { method: "voucher", amount_fen: 5000 }],
    booking: { exam_at: "2026-12-10T09:00:00+08:00", status: "booked" },
  },
};
const requests = {
  exam_order: order,
  exam_order_en: { ...order, locale: "en" },
  booking_form: {
    type: "booking_form", exam_at: "2026-12-10T09:00:00+08:00",
    form: { id_type: "cn_id_card", id_number: "11010519491231002X", id_valid_until: "2030-01-01", surname: "张", given_name: "三", phone: "13800138000", email: "a@example.com", email_confirm: "a@example.com" },
  },
};
const batch = Array.from({ length: 20000 }, (_, k) => ({ ...order, now: `2026-11-${String(21 + (k % 9)).padStart(2, "0")}T10:00:00+08:00` }));

for (const b of builds) {
  const { createEngine } = await import(pathToFileURL(`${b.dir}/node.js`).href);
  b.engine = await createEngine();
  const wasm = readFileSync(`${b.dir}/dist/certpolicy_core.wasm`);
  const glue = readFileSync(`${b.dir}/dist/certpolicy_core.mjs`);
  b.gzip = gzipSync(wasm, { level: 9 }).length + gzipSync(glue, { level: 9 }).length;
  b.figures = {};
}
// Same bytes out, or the comparison means nothing.
for (const b of builds.slice(1)) {
  for (const req of [...Object.values(requests), ...batch.slice(0, 200)]) {
    const want = JSON.stringify(builds[0].engine.evaluate(req)), got = JSON.stringify(b.engine.evaluate(req));
    if (want !== got) throw new Error(`${b.name} answers differently from ${builds[0].name}: ${got} vs ${want}`);
  }
}

function timeEvaluate(engine, req, calls) {
  for (let k = 0; k < 500; k++) engine.evaluate(req);
  const times = new Float64Array(calls);
  for (let k = 0; k < calls; k++) {
    const t0 = performance.now();
    engine.evaluate(req);
    times[k] = (performance.now() - t0) * 1000;
  }
  return { median: median(times), p99: pct(times, 0.99) };
}
function timeBatch(engine) {
  collect();
  const t0 = performance.now();
  const out = engine.evaluateMany(batch);
  const ms = performance.now() - t0;
  if (out.length !== batch.length || !out[batch.length - 1].ok) throw new Error("evaluateMany failed");
  return batch.length / (ms / 1000);
}

const record = (b, key, value) => (b.figures[key] ??= []).push(value);
for (let r = 0; r < rounds; r++) {
  // A different build goes first in each round.
  const order = builds.map((_, k) => builds[(k + r) % builds.length]);
  for (const b of order) {
    for (const [name, req] of Object.entries(requests)) {
      const t = timeEvaluate(b.engine, req, 4000);
      record(b, `${name}.median_us`, t.median);
      record(b, `${name}.p99_us`, t.p99);
    }
    record(b, "evaluate_many.per_s", timeBatch(b.engine));
  }
}

// Lower is better for times, higher for throughput: a gain is how much
// better the base is than the build without the piece (positive: the piece pays).
const keys = Object.keys(builds[0].figures);
const report = { rounds, builds: {} };
for (const b of builds) {
  const row = { gzip_bytes: b.gzip };
  for (const key of keys) {
    const ratios = b.figures[key].map((v, r) => v / builds[0].figures[key][r]);
    row[key] = { median: median(b.figures[key]), ratio_to_first: median(ratios) };
  }
  report.builds[b.name] = row;
}
if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f = (x, d = 2) => x.toFixed(d);
  console.log(`${rounds} interleaved rounds; ratio = this build's figure / ${builds[0].name}'s in the same round (median)`);
  console.log(["build", "gzip B", ...keys].join(" | "));
  for (const [name, row] of Object.entries(report.builds)) {
    const cells = keys.map((k) => (k.endsWith("per_s") ? `${Math.round(row[k].median)}/s` : `${f(row[k].median)} µs`) + ` (${f(row[k].ratio_to_first, 3)})`);
    console.log([name, row.gzip_bytes, ...cells].join(" | "));
  }
}
for (const b of builds) b.engine.dispose();
