// The console's worker: reads the export as it streams in, decides every
// code and order with its own engine and keeps the indexes, so the page's
// thread only draws a page of rows. It answers one message at a time:
//   { op: "init", site, nowMs, now, locale }       → { op: "ready", version }
//   { op: "import", seq, file | sample, now, locale } → progress…, { op: "imported" | "refused" }
//   { op: "view", seq, view, q }                  → { op: "view", result }
//   { op: "act", seq, id, action } / { op: "refund", seq, key } → { op: "acted", … }
//   { op: "redecide", seq, now?, locale? }        → { op: "redecided" | "refused" }
//   { op: "export", seq, view, q }                → { op: "exported", text }
import { createEngine } from "/pkg/index.js";
import { loadPolicyEngine } from "./policy_loader.js";
import { ImportError, readExport } from "./codes_import.js";
import { sampleExport } from "./codes_sample.js";
import { ConsoleModel } from "./console_model.js";
import { certStatsView, codeRow, codesView, exportCsv, keepAdded, orderRowByKey, ordersView, peopleView } from "./console_views.js";
import { STRINGS, format } from "./console_strings.js";

let engine = null;
let model = null;
let pending = Promise.resolve();

const VIEWS = { codes: codesView, orders: ordersView, people: peopleView, certs: certStatsView };
const post = (message) => self.postMessage(message);
/** The model's refusal of a date before an order's payment (ConsoleModel.decidable). */
const BEFORE_PAYMENT = "console.date.before_payment";
const failure = (e) => (e instanceof ImportError ? { key: e.key, vars: e.vars } : { key: "import.internal", vars: { message: String(e?.message ?? e) } });

/** Progress, at most every 50 ms. */
function progress(seq) {
  let last = 0;
  return (phase, done, total) => {
    const now = performance.now();
    if (now - last < 50 && done < total) return;
    last = now;
    post({ op: "progress", seq, phase, done, total });
  };
}

/** The view a page shows after a change, and the overview. */
function refreshed(views = {}) {
  const out = { summary: model.summary() };
  for (const [view, q] of Object.entries(views)) if (q) out[view] = VIEWS[view](model, q);
  return out;
}

/** Checks `now` with the engine before anything is decided with it: a date it refuses is said beside its field. */
function checkNow(now) {
  const r = engine.evaluate({ type: "exam_code", now, order: { paid_at: now }, code: { state: "unused" }, action: "view_score" });
  return r.ok ? null : { key: `console.date.${r.error.detail === "YEAR_OUT_OF_RANGE" ? "range" : "invalid"}`, vars: { detail: r.error.message } };
}

const handlers = {
  async init({ site, nowMs }) {
    const { engine: e, state } = await loadPolicyEngine(createEngine, site, nowMs);
    engine = e;
    return { op: "ready", version: state.version };
  },

  async import({ seq, file, sample, now, locale, views }) {
    const bad = checkNow(now);
    if (bad) return { op: "refused", seq, error: bad, field: "today" };
    const t0 = performance.now();
    const step = progress(seq);
    let source = file;
    if (sample) {
      const names = engine.catalogue(now).map((c) => c.name.zh).slice(0, 12);
      source = new Blob([sampleExport({ codes: sample.n, certifications: names, orders: Math.max(1, Math.ceil(sample.n / 4000)), results: sample.results })]);
    }
    try {
      const read = await readExport(source, { onProgress: ({ bytes, total }) => step("read", bytes, total), json: file?.name?.endsWith(".json") ? true : undefined });
      const t1 = performance.now();
      const next = new ConsoleModel(engine, { now, locale });
      next.load(read, step);
      next.generation = 1;
      model = next;  // a refused file leaves the previous data as it was
      // The order by code (a table's first sort, ~0.4 s at 200 000 codes) and the
      // rows' search texts are made once this answer is sent (after any message that
      // came meanwhile, which makes what it needs itself): the table shows sooner.
      later(() => {
        next.codeIndex.prepare(["code"]);
        next.prepareSearch();
      });
      const t2 = performance.now();
      const shown = refreshed(views);
      const ms = { read: t1 - t0, ...next.timings, index: t2 - t1 - Object.values(next.timings).reduce((a, b) => a + b, 0), views: performance.now() - t2 };
      return { op: "imported", seq, encoding: read.encoding, ms, ...shown };
    } catch (e) {
      // A file paid after the date shown is refused beside the date: it is imported once a later date is chosen.
      return { op: "refused", seq, error: failure(e), ...(e?.key === BEFORE_PAYMENT ? { field: "today" } : {}) };
    }
  },

  view({ seq, view, q }) {
    if (!model) return { op: "view", seq, view, result: null };
    const t0 = performance.now();
    const result = VIEWS[view](model, q);
    return { op: "view", seq, view, result, ms: performance.now() - t0 };
  },

  act({ seq, id, action, views }) {
    const t0 = performance.now();
    const r = model.act(id, action);
    if (r.added !== null && r.added !== undefined) keepAdded(model, id, r.added);
    const rows = [id, ...(r.added !== null && r.added !== undefined ? [r.added] : [])].map((k) => codeRow(model, k));
    return { op: "acted", seq, ok: r.ok, action, answer: r.answer, rows, added: r.added ?? null, order: orderRowByKey(model, model.rows[id].order),
      ms: performance.now() - t0, ...refreshed({ certs: views?.certs }) };
  },

  refund({ seq, key, views }) {
    const t0 = performance.now();
    const r = model.refund(key);
    return { op: "acted", seq, ok: r.ok, action: "refund", answer: r.answer, changed: r.changed.length, order: orderRowByKey(model, key),
      ms: performance.now() - t0, ...refreshed(views) };
  },

  redecide({ seq, now, locale, views }) {
    if (now) {
      const bad = checkNow(now);
      if (bad) return { op: "refused", seq, error: bad, field: "today" };
    }
    if (!model) return { op: "redecided", seq, summary: null };
    const t0 = performance.now();
    try {
      model.redecide({ now, locale }, progress(seq));
    } catch (e) {
      if (e?.key !== BEFORE_PAYMENT) throw e;
      return { op: "refused", seq, error: failure(e), field: "today" };  // the data and its decisions stay as they were
    }
    model.generation += 1;
    return { op: "redecided", seq, ms: performance.now() - t0, ...refreshed(views) };
  },

  export({ seq, view, q, locale }) {
    const strings = STRINGS[locale] ?? STRINGS["zh-CN"];
    const t = (key, vars) => format(strings, key, vars);
    return { op: "exported", seq, view, text: exportCsv(model, view, q, t) };
  },
};

// One message at a time, in the order they came: an action never runs on a
// model an import is still building. `later(job)`: after the answer being made.
function later(job) {
  pending = pending.then(job).catch(() => {});
}
self.onmessage = ({ data }) => {
  pending = pending.then(async () => {
    try {
      post({ ...(await handlers[data.op](data)), seq: data.seq });
    } catch (e) {
      post({ op: "refused", seq: data.seq, error: failure(e) });
    }
  });
};
