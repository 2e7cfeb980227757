// The console's table rows, built from what the worker sends (console_views.js):
// one row per code, order, candidate or certification, every exported column
// in it, and a details row under it for what the screen has no room for
// ("wide" columns on a phone, "more" columns on a desktop too) and for the
// engine's reasons; each button named with the code or order it acts on. Only the rows of one page are ever built.
import { t, tf } from "./locale.js";
import { personCells } from "./console_people.js";
import { refundWord } from "./console_views.js";

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};
const td = (text, className = "") => el("td", { textContent: text === null || text === undefined || text === "" ? "-" : String(text), className });
const stateBadge = (state) => el("span", { className: `state ${state}`, textContent: t(`state.${state}`) });

/** "85（通过）", "—（结果未知）": a code's result as far as the file knows it. */
export function resultText(row) {
  if (row.state !== "examined" && row.passed === null) return "-";
  const passed = row.passed === null ? t("console.passed.unknown") : t(row.passed ? "console.passed.yes" : "console.passed.no");
  return row.score === null ? passed : tf("console.result", { score: row.score, passed });
}

function facts(pairs) {
  const dl = el("dl", { className: "facts details-facts" });
  for (const [label, value] of pairs) dl.append(el("dt", { textContent: label }), el("dd", { textContent: value === null || value === undefined || value === "" ? "-" : String(value) }));
  return dl;
}

function reasonsList(reasons) {
  const ul = el("ul", { className: "reasons" });
  for (const r of reasons) {
    const li = el("li", { textContent: r.message, title: `${t("rule")} ${r.rule}` });
    li.dataset.code = r.code;
    ul.append(li);
  }
  return ul;
}

/** A row's button: its visible word, and a name that says which code or order it acts on (`of`: { code } or { order }). */
function rowButton(action, text, of) {
  const b = el("button", { type: "button", textContent: text });
  b.setAttribute("aria-label", tf(of.code !== undefined ? "console.label.code" : "console.label.order", { action: text, ...of }));
  if (action) b.dataset.action = action;
  return b;
}

/** The "详情" toggle of a row and its details row (hidden until asked); `of` as rowButton's. */
function withDetails(tr, cols, id, content, of) {
  const details = el("tr", { className: "details", hidden: true, id: `details_${id}` });
  details.dataset.detailsOf = id;
  details.append(el("td", { colSpan: cols }, ...content));
  const toggle = rowButton(null, t("details"), of);
  toggle.className = "details-toggle";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", details.id);
  toggle.dataset.details = "true";
  toggle.addEventListener("click", () => {
    const open = details.hidden;
    details.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  });
  return { details, toggle };
}

/** A code's row (考试码管理's columns) and its details; `onAction(row, action, button)`. */
export function codeRows(row, onAction) {
  const tr = el("tr");
  tr.dataset.code = row.code;
  tr.dataset.id = row.id;
  const state = el("td", {}, stateBadge(row.state));
  state.dataset.state = row.state;
  if (row.own_state) state.append(el("small", { className: "own-state", textContent: tf("console.own_state", { state: t(`state.${row.own_state}`) }) }));
  tr.append(td(row.code, "code"), td(row.certification, "wide"), td(row.exam_type, "wide more"), td(row.order, "wide"), state, td(row.validity, "wide"),
    td(row.name, "wide"), td(row.un, "wide"), td(row.surname_pinyin, "wide more"), td(row.given_pinyin, "wide more"), td(row.registered_at, "wide"));
  const { details, toggle } = withDetails(tr, 12, `c${row.id}`, [
    facts([[t("col.certification"), row.certification], [t("col.exam_type"), row.exam_type], [t("col.order_no"), row.order],
      [t("col.validity"), row.validity], [t("col.valid_until"), row.valid_until], [t("col.name"), row.name], [t("col.un"), row.un],
      [t("col.surname_pinyin"), row.surname_pinyin], [t("col.given_pinyin"), row.given_pinyin], [t("col.registered_at"), row.registered_at],
      [t("col.exam_at"), row.exam_at], [t("col.result"), resultText(row)],
      [t("console.line"), row.line ?? tf("console.regenerated_from", { code: row.regenerated_from })]]),
    reasonsList(row.reasons),
  ], { code: row.code });
  const actions = el("td", { className: "actions-cell" });
  actions.dataset.testid = "actions";
  actions.append(toggle);
  for (const a of row.actions) {
    const b = rowButton(a, t(`action.${a}`), { code: row.code });
    b.addEventListener("click", () => onAction(row, a, b));
    actions.append(b);
  }
  tr.append(actions);
  return [tr, details];
}

/** An order's row (订单管理's columns, the engine's refund answer) and its details; `onView(key)`, `onRefund(order, button)`. */
export function orderRows(o, onView, onRefund) {
  const tr = el("tr");
  tr.dataset.order = o.key;
  const state = o.expired ? "console.order.expired" : o.refunded ? "console.order.refunded" : "console.order.valid";
  const refund = el("span", { className: `badge ${o.refund.allowed ? "ok" : o.blocked ? "warn" : "bad"}`, textContent: refundWord(o, tf) });
  refund.dataset.allowed = String(o.refund.allowed);
  refund.dataset.testid = "order-refund";
  const certs = o.more_certifications ? tf("console.and_more", { names: o.certifications.join(" / "), n: o.more_certifications }) : o.certifications.join(" / ");
  tr.append(td(o.key, "order-no"), td(certs, "wide"), td(o.exam_types.join(" / "), "wide more"), td(t(state), "whole"),
    td(o.paid_day + (o.paid_days > 1 ? " ⚠" : ""), "wide whole"), td(o.total, "wide num"), td(o.unused, "wide num"), td(o.used, "wide num"),
    td(o.refunded, "wide num"), td(o.valid_until, "wide whole"), el("td", { className: "wide" }, refund));
  const { details, toggle } = withDetails(tr, 12, `o${o.key}`, [
    facts([[t("col.certification"), certs], [t("col.exam_type"), o.exam_types.join(" / ")], [t("col.paid_day"), o.paid_day],
      [t("col.total"), o.total], [t("col.unused_total"), o.unused], [t("col.used_total"), o.used], [t("col.refunded_total"), o.refunded],
      [t("state.void"), o.void], [t("state.expired"), o.expired_codes], [t("col.valid_until"), o.valid_until],
      [t("reminders"), o.reminders.join(", ")], [t("console.blocking"), o.refund.blocking_bound_codes], [t("col.refund"), refund.textContent]]),
    reasonsList(o.reasons),
  ], { order: o.key });
  const actions = el("td", { className: "actions-cell" });
  actions.dataset.testid = "order-actions";
  const view = rowButton("view_codes", t("console.view_codes"), { order: o.key });
  view.addEventListener("click", () => onView(o.key));
  actions.append(toggle, view);
  if (o.refund.allowed) {
    const b = rowButton("refund", t("action.refund"), { order: o.key });
    b.addEventListener("click", () => onRefund(o, b));
    actions.append(b);
  }
  tr.append(actions);
  return [tr, details];
}

/** A candidate's row (数据统计's columns: PERSON_COLUMNS). */
export function personRows(row) {
  const tr = el("tr");
  tr.dataset.code = row.code;
  const classes = ["", "wide", "wide", "wide", "wide", "wide", "", ""];
  tr.append(...personCells(row, t).map((text, k) => td(text, classes[k])));
  return [tr];
}

/** Registered, attended, passed and the rate (COD-5), "unknown" where no result is known. */
export function statCells(s) {
  const unknown = s.attended > 0 && s.results_unknown === s.attended;
  const passed = unknown ? t("console.unknown") : s.results_unknown > 0 ? tf("console.passed_some_unknown", { n: s.passed, unknown: s.results_unknown }) : String(s.passed);
  const rate = s.pass_rate === null ? (s.attended > 0 ? t("console.unknown") : "-") : `${(s.pass_rate * 100).toFixed(1)}%`;
  return { registered: String(s.registered), attended: String(s.attended), passed, rate };
}

export function certRows(s) {
  const tr = el("tr");
  tr.dataset.certification = s.key;
  const c = statCells(s);
  tr.append(td(s.name || t("console.no_certification")), td(c.registered, "num"), td(c.attended, "num"), td(c.passed), td(c.rate));
  return [tr];
}

/** A <dl> of label → value pairs. */
export function fillFacts(dl, pairs) {
  dl.replaceChildren(...pairs.flatMap(([label, value, testid]) => {
    const dd = el("dd", { textContent: String(value) });
    if (testid) dd.dataset.testid = testid;
    return [el("dt", { textContent: label }), dd];
  }));
}
