// What each of the console's tables shows of the model: 订单管理 (orders),
// 考试码管理 (codes), 数据统计 (candidates and their statistics) and 概览's
// per-certification table — filtered, sorted, one page at a time — and the
// CSV export of what a table shows. The filters are the documented ones:
// 考试码管理 by 考试码/订单号/姓名/UN, 认证科目, 订单号 and 状态; 数据统计 by
// 考试类型, 考试日期 and 是否通过 (and 姓名/UN, 认证科目); each export has its
// view's own columns. No DOM.
import { COLUMNS } from "./codes_import.js";
import { ListIndex } from "./console_index.js";
import { searchText } from "./console_model.js";
import { PERSON_COLUMNS, personCells } from "./console_people.js";

const PAGE_SIZE = 50;
/** Certification names and exam types an order's row names (the rest are counted). */
const SHOWN_NAMES = 3;

const includes = (hay, needle) => !needle || (hay ?? "").toLowerCase().includes(needle);

/** The certification keys whose names (any locale, or as the file wrote it) contain `text`. */
function certsMatching(model, text) {
  if (!text) return null;
  const keys = new Set();
  for (const c of model.certs.values()) if (c.search.includes(text)) keys.add(c.key);
  return keys;
}

function page(ids, q, dto) {
  const size = PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(ids.length / size));
  const p = Math.min(Math.max(0, q.page ?? 0), pages - 1);
  return { total: ids.length, page: p, pages, size, rows: Array.from(ids.subarray(p * size, (p + 1) * size), dto) };
}

/** The list a query gives, kept while the same query pages or acts (rows stay where they are). */
function cached(model, view, q, compute) {
  const key = JSON.stringify({ ...q, page: undefined });
  const hit = model.views?.[view];
  if (hit && hit.key === key && hit.generation === model.generation) return hit.ids;
  const ids = compute();
  model.views = { ...model.views, [view]: { key, ids, generation: model.generation } };
  return ids;
}

/** A code added by an action (regenerate) goes into the kept code list right after the code it came from. */
export function keepAdded(model, from, added) {
  const hit = model.views?.codes;
  if (!hit) return;
  const at = hit.ids.indexOf(from);
  if (at < 0) return;
  const grown = new Int32Array(hit.ids.length + 1);
  grown.set(hit.ids.subarray(0, at + 1));
  grown[at + 1] = added;
  grown.set(hit.ids.subarray(at + 1), at + 2);
  hit.ids = grown;
}

// ---- 考试码管理 ---------------------------------------------------------------

function codeIds(model, q) {
  return cached(model, "codes", q, () => {
    const text = (q.text ?? "").trim().toLowerCase();
    const certs = certsMatching(model, (q.cert ?? "").trim().toLowerCase());
    const type = (q.type ?? "").trim().toLowerCase();
    const rows = model.rows;
    const keep = (id) => {
      const r = rows[id];
      return (!text || searchText(r).includes(text)) && (!certs || certs.has(r.cert)) && includes(r.exam_type, type) &&
        (!q.order || r.order === q.order) && (!q.state || model.effectiveState(r) === q.state);
    };
    return model.codeIndex.query(keep, q.sort || null, q.dir ?? 1);
  });
}

/** One code as its row shows it: every column of the export, its decision and the admin actions it allows now. */
export function codeRow(model, id) {
  const r = model.rows[id];
  const answer = model.codeAnswer(r);
  return {
    id, code: r.code, certification: model.certName(r.cert) || r.certification || "", exam_type: r.exam_type ?? "",
    order: r.order, state: answer.state, own_state: answer.state !== r.state ? r.state : null,
    validity: r.validity || `${r.valid_from} — ${r.o.answer.order.valid_until}`, valid_until: r.o.answer.order.valid_until,
    name: r.name ?? "", un: r.un ?? "", surname_pinyin: r.surname_pinyin ?? "", given_pinyin: r.given_pinyin ?? "",
    registered_at: r.registered_at ?? "", exam_at: r.exam_at ?? "", score: r.score, passed: r.passed ?? null,
    actions: model.adminActions(r), reasons: answer.reasons, line: r.line, regenerated_from: r.regenerated_from ?? null,
  };
}

export const codesView = (model, q) => page(codeIds(model, q), q, (id) => codeRow(model, id));

// ---- 订单管理 -----------------------------------------------------------------

/**
 * Whether an order's refund waits only on its bound codes being unbound first (COD-4): "not yet", not "no" — its
 * one refund not spent, the order not expired. The 暂不可退款 filter and the refund column both say it from here.
 */
const blockedByBound = (a) => !a.refund.allowed && a.refund.blocking_bound_codes > 0 && a.codes.refunded === 0 && !a.order.expired;
/** An order row's refund in a word: refundable (how many codes), not until its bound codes are unbound, or not refundable. */
export const refundWord = (o, t) => (o.refund.allowed ? t("console.refund.yes", { n: o.refund.refundable_codes })
  : t(o.blocked ? "console.order_status.blocked" : "console.refund.no"));

const ORDER_STATUS = {
  refundable: (o) => o.answer.refund.allowed,
  blocked: (o) => blockedByBound(o.answer),
  refunded: (o) => o.answer.codes.refunded > 0,
  expired: (o) => o.answer.order.expired,
};

function orderIndex(model) {
  const list = model.orderList;
  if (model.orderIndex?.list === list) return model.orderIndex.index;
  const index = new ListIndex(() => list.length, {
    order: { value: (k) => list[k].key, fixed: true },
    paid: { value: (k) => list[k].paid_at.slice(0, 10), fixed: true },
    certification: { value: (k) => list[k].certs[0] ?? "", fixed: true },
    valid_until: { value: (k) => list[k].answer.order.valid_until, fixed: false },
    total: { value: (k) => list[k].answer.order.codes, fixed: false },
    unused: { value: (k) => list[k].answer.codes.unused, fixed: false },
    used: { value: (k) => list[k].answer.codes.bound + list[k].answer.codes.examined, fixed: false },
    refunded: { value: (k) => list[k].answer.codes.refunded, fixed: false },
  });
  model.orderIndex = { list, index };
  return index;
}

function orderIds(model, q) {
  return cached(model, "orders", q, () => {
    const text = (q.text ?? "").trim().toLowerCase();
    const certs = certsMatching(model, text);
    const status = ORDER_STATUS[q.status];
    const list = model.orderList;
    const keep = (k) => {
      const o = list[k];
      return (!text || o.key.toLowerCase().includes(text) || o.certs.some((c) => certs.has(c))) && (!status || status(o));
    };
    return orderIndex(model).query(keep, q.sort || "paid", q.dir ?? 1);
  });
}

/** One order as its row shows it (订单管理's columns, and what the engine decided about it). */
function orderRow(model, k) {
  const o = model.orderList[k];
  const a = o.answer;
  return {
    key: o.key, certifications: o.certs.slice(0, SHOWN_NAMES).map((c) => model.certName(c) || c), more_certifications: Math.max(0, o.certs.length - SHOWN_NAMES),
    exam_types: o.types.slice(0, SHOWN_NAMES), paid_day: o.paid_at.slice(0, 10), paid_days: o.days.length, total: a.order.codes, unused: a.codes.unused,
    used: a.codes.bound + a.codes.examined, refunded: a.codes.refunded, void: o.voided ?? 0, expired_codes: a.codes.expired,
    bound: a.codes.bound, valid_until: a.order.valid_until, expired: a.order.expired, reminders: a.order.reminders,
    refund: a.refund, reasons: a.reasons, blocked: blockedByBound(a),
  };
}

export const ordersView = (model, q) => page(orderIds(model, q), q, (k) => orderRow(model, k));

export const orderRowByKey = (model, key) => orderRow(model, model.orders.get(key).id);

// ---- 数据统计 -----------------------------------------------------------------

const PASSED = { yes: (r) => r.passed === true, no: (r) => r.passed === false, unknown: (r) => r.state === "examined" && r.passed === undefined };

/** The candidates (codes bound or examined: registered, COD-5) a 数据统计 query keeps. */
function peopleIds(model, q) {
  return cached(model, "people", q, () => {
    const text = (q.text ?? "").trim().toLowerCase();
    const certs = certsMatching(model, (q.cert ?? "").trim().toLowerCase());
    const type = (q.type ?? "").trim().toLowerCase();
    const passed = PASSED[q.passed];
    const rows = model.rows;
    const keep = (id) => {
      const r = rows[id];
      if (r.state !== "bound" && r.state !== "examined") return false;
      if ((q.from || q.to) && (!r.exam_at || (q.from && r.exam_at.slice(0, 10) < q.from) || (q.to && r.exam_at.slice(0, 10) > q.to))) return false;
      return (!text || searchText(r).includes(text)) && (!certs || certs.has(r.cert)) && includes(r.exam_type, type) && (!passed || passed(r));
    };
    return model.codeIndex.query(keep, q.sort || null, q.dir ?? 1);
  });
}

export function peopleView(model, q) {
  const ids = peopleIds(model, q);
  return { ...page(ids, q, (id) => codeRow(model, id)), stats: model.statsOf(ids) };
}

/** 概览's 报名考试: per certification, registered, attended, passed and the rate (COD-5), as the engine counted them. */
export function certStatsView(model, q) {
  const text = (q.text ?? "").trim().toLowerCase();
  const key = `${model.statsVersion}|${model.locale}|${text}`;
  if (model.certList?.key !== key) {
    const list = [];
    for (const s of model.certStats.values()) {
      if (s.registered === 0) continue;
      const name = model.certName(s.certification);
      if (!text || name.toLowerCase().includes(text)) list.push({ ...s, key: s.certification, name });
    }
    list.sort((a, b) => b.registered - a.registered || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    model.certList = { key, list };
  }
  const list = model.certList.list;
  if (q.all) return { rows: list };
  return page(Int32Array.from(list.keys()), q, (k) => list[k]);
}

// ---- export -----------------------------------------------------------------

/** A CSV cell: quoted when needed; a value Excel would run as a formula (=, +, @, "-x") starts with a quote mark. */
export function csvCell(value) {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+@\t\r]/.test(s) || /^-./.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csv = (header, lines) => `\ufeff${[header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;

/**
 * The rows a table shows now (every page of its query, in its order) as CSV
 * with a BOM and CRLF, as the console exports. `t(key, vars)` gives the
 * page's words: headers (`t("col.x")`) and states (`t("state.x")`). Each
 * view writes the columns it shows; the codes table writes the export's own
 * columns under the names the importer reads back (zh-CN, zh-Hant, or the
 * keys in English), a code only noted here marked as a placeholder.
 */
export function exportCsv(model, view, q, t) {
  const blank = (v) => (v === "" || v === null || v === undefined ? "-" : v);
  const yesNo = (p) => (p === null || p === undefined ? "-" : t(p ? "console.passed.yes" : "console.passed.no"));
  if (view === "orders") {
    const header = ["col.order_no", "col.certification", "col.exam_type", "col.order_state", "col.paid_day", "col.total", "col.unused_total", "col.used_total", "col.refunded_total", "col.valid_until", "col.refund"].map(t);
    return csv(header, Array.from(orderIds(model, q), (k) => {
      const o = orderRow(model, k);
      const state = o.expired ? t("console.order.expired") : o.refunded ? t("console.order.refunded") : t("console.order.valid");
      return [o.key, o.certifications.join(" / "), o.exam_types.join(" / "), state, o.paid_day, o.total, o.unused, o.used, o.refunded, o.valid_until,
        refundWord(o, t)];
    }));
  }
  if (view === "certs") {
    const all = certStatsView(model, { ...q, all: true });
    return csv(["col.certification", "col.registered", "col.attended", "col.passed", "col.pass_rate"].map(t), all.rows.map((c) => {
      const known = c.attended - c.results_unknown;
      return [c.name || t("console.no_certification"), c.registered, c.attended, known === 0 && c.attended > 0 ? t("console.unknown") : c.passed,
        c.pass_rate === null ? (c.attended > 0 ? t("console.unknown") : "-") : `${(c.pass_rate * 100).toFixed(1)}%`];
    }));
  }
  if (view === "people") {
    return csv(PERSON_COLUMNS.map(t), Array.from(peopleIds(model, q), (id) => personCells(codeRow(model, id), t)));
  }
  const localeIndex = { "zh-CN": 0, "zh-Hant": 1 }[model.locale];
  const name = (field) => (localeIndex === undefined ? COLUMNS[field].names.at(-1) : COLUMNS[field].names[localeIndex]);
  const fields = ["code", "certification", "exam_type", "order", "state", "validity", "name", "un", "surname_pinyin", "given_pinyin", "registered_at"];
  if (model.hasExamAt || model.hasResults) fields.push("exam_at", "score", "passed");
  return csv(fields.map(name), Array.from(codeIds(model, q), (id) => {
    const r = codeRow(model, id);
    return fields.map((f) => (f === "state" ? t(`state.${r.state}`) : f === "passed" ? yesNo(r.passed)
      // A code this page only noted (重新生成考试码) is marked, and the importer leaves it out.
      : f === "code" && r.regenerated_from ? `${r.code}${t("console.placeholder_mark")}` : blank(r[f])));
  }));
}
