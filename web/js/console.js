// Enterprise console (考试码企业管理后台, as an admin uses it): import an
// exam-code export and run its orders — 概览, 订单管理 (refund per order),
// 考试码管理 (查看成绩, 解绑, 重新生成考试码) and 数据统计. The file is read,
// decided and indexed in a worker (console_worker.js); this page draws one
// page of rows, asks before an irreversible action, and says every result
// and error in its status region.
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
// Then the console's own strings join the pages' table, before anything says one.
import "./console_strings.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, localName, t, tf } from "./locale.js";
import { chinaInputValue } from "./inputs.js";
import { SITE } from "./site.js";
import { certRows, codeRows, fillFacts, orderRows, personRows, resultText, statCells } from "./console_tables.js";

const $ = (id) => document.getElementById(id);
const VIEWS = ["overview", "orders", "codes", "people"];
/** Each view's table, how a row is built, and its query (filters, sort, page). */
const TABLES = {
  certs: { table: "cert_stats", rows: certRows },
  orders: { table: "orders", rows: (o) => orderRows(o, showOrderCodes, askRefund) },
  codes: { table: "codes", rows: (r) => codeRows(r, askAction) },
  people: { table: "people", rows: personRows },
};
const queries = {
  certs: { page: 0 },
  orders: { text: "", status: "", sort: "paid", dir: 1, page: 0 },
  codes: { text: "", cert: "", order: "", state: "", sort: "", dir: 1, page: 0 },
  people: { text: "", cert: "", type: "", from: "", to: "", passed: "", sort: "", dir: 1, page: 0 },
};
let current = "overview";
let summary = null;
const stale = new Set();
const latest = {};  // view → seq of its newest request (older answers are dropped)

// ---- the worker -----------------------------------------------------------------

const worker = new Worker(new URL("./console_worker.js", import.meta.url), { type: "module" });
let seq = 0;
const waiting = new Map();
function ask(message) {
  seq += 1;
  const mine = seq;
  return new Promise((resolve) => {
    waiting.set(mine, resolve);
    worker.postMessage({ ...message, seq: mine });
  });
}
worker.onmessage = ({ data }) => {
  if (data.op === "progress") return showProgress(data);
  const resolve = waiting.get(data.seq);
  waiting.delete(data.seq);
  resolve?.(data);
};
worker.onerror = (e) => {
  e.preventDefault();
  say(tf("console.worker_failed", { message: e.message ?? "" }), true);
};

// As of the end of the chosen China day: every exam-code rule is by day, and a payment made that day counts.
const nowInstant = () => `${$("today").value}T23:59:59+08:00`;

// ---- status ------------------------------------------------------------------------

/** Says `sentence` in the status region (a screen reader reads it), as an error or not. */
function say(sentence, error = false) {
  const region = $("console_status");
  region.classList.toggle("error", error);
  // A new text node each time: the same sentence twice is said twice.
  region.replaceChildren(document.createTextNode(sentence));
}

/** An import's message with each place it names (`line`, `at`, `other`) worded as a line of a CSV file or an item of a JSON one. */
function errorText(error) {
  const vars = { ...error.vars };
  for (const key of ["line", "at", "other"]) {
    if (vars[key] !== undefined) vars[key] = tf(vars.source === "json" ? "console.item" : "console.line_n", { n: vars[key] });
  }
  return tf(error.key, vars);
}

const PHASES = { read: "console.phase.read", orders: "console.phase.orders", codes: "console.phase.codes", stats: "console.phase.stats" };
function showProgress({ phase, done, total }) {
  $("progress_box").hidden = false;
  $("progress").value = total ? done / total : 0;
  const percent = total ? Math.floor((100 * done) / total) : 0;
  $("progress_text").textContent = tf(PHASES[phase] ?? "console.working", { percent });
}

// ---- importing ------------------------------------------------------------------------

function showWarnings(warnings) {
  const box = $("warnings");
  box.hidden = warnings.length === 0;
  $("warnings_summary").textContent = tf("console.warnings", { n: warnings.length });
  $("warnings_list").replaceChildren(...warnings.map((w) => {
    const li = document.createElement("li");
    li.dataset.key = w.key;
    li.textContent = errorText(w);
    return li;
  }));
}

/** A file chosen while the date was not valid: imported once a valid date is filled in. */
let waitingImport = null;

async function load(message) {
  if (!$("today").value) {
    waitingImport = message.file ? message : null;
    return dateRefused({ key: "console.date.missing" });
  }
  waitingImport = null;
  $("import_error").hidden = true;
  say(t("console.reading"));
  showProgress({ phase: "read", done: 0, total: 1 });
  const t0 = performance.now();
  const r = await ask({ ...message, now: nowInstant(), locale: getLocale(), views: { certs: { ...queries.certs, page: 0 }, [tableOf(current)]: { ...viewQuery(current), page: 0 } } });
  $("progress_box").hidden = true;
  if (r.op === "refused" && r.field === "today") {
    waitingImport = message.file ? message : null;
    dateRefused(r.error);
  } else if (r.op === "refused") {
    const sentence = errorText(r.error);
    $("import_error").textContent = sentence;
    $("import_error").hidden = false;
    say(tf("console.not_imported", { why: sentence }), true);
  } else {
    queries.certs.page = 0;
    for (const v of ["orders", "codes", "people"]) queries[v].page = 0;
    stale.clear();
    for (const v of VIEWS) stale.add(v);
    showAll(r);
    $("views").hidden = false;
    $("empty").hidden = true;
    showWarnings(r.summary.warnings);
    const ms = performance.now() - t0;
    document.body.dataset.loadMs = ms.toFixed(0);
    // Where the worker spent it (the benchmark prints it).
    document.body.dataset.phases = Object.entries(r.ms).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ");
    const s = r.summary;
    say([tf("console.imported", { n: s.rows, orders: s.orders, seconds: (ms / 1000).toFixed(1) }),
      s.warnings.length ? tf("console.imported_warnings", { n: s.warnings.length }) : "",
      r.encoding !== "utf-8" ? tf("console.encoding", { encoding: r.encoding.toUpperCase() }) : ""].filter(Boolean).join(" "));
  }
  document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
}

/** A worker answer that carries the summary and some views: show them all. */
function showAll(r) {
  if (r.summary) showSummary(r.summary);
  for (const v of Object.keys(TABLES)) if (r[v]) showTable(v, r[v]);
  if (r.people) showPeopleStats(r.people);
  stale.delete(current);
}

// ---- views ---------------------------------------------------------------------------------

function viewQuery(view) {
  return view === "overview" ? queries.certs : queries[view];
}

function tableOf(view) {
  return view === "overview" ? "certs" : view;
}

function showSummary(s) {
  summary = s;
  $("exam_types").replaceChildren(...s.examTypes.map((n) => new Option(n)));
  const totals = statCells(s.totals);
  const used = s.byState.bound + s.byState.examined;
  fillFacts($("overview"), [
    [t("console.bought"), s.codes, "bought"], [t("console.used"), used, "used"], [t("console.orders_n"), s.orders, "orders-n"],
    [t("console.refundable_orders"), s.refundable, "refundable-orders"], [t("col.registered"), totals.registered, "registered"],
    [t("col.attended"), totals.attended, "attended"], [t("col.passed"), totals.passed, "passed"], [t("col.pass_rate"), totals.rate, "pass-rate"],
  ]);
  const states = $("codes").closest("[role=tabpanel]").querySelector("[data-q=state]");
  const chosen = states.value;
  states.replaceChildren(new Option(t("console.state_all"), ""), ...s.states.map((st) => new Option(t(`state.${st}`), st)));
  states.value = chosen;
  $("exam_dates_note").textContent = s.hasExamAt ? "" : t("console.no_exam_dates");
  $("results_note").textContent = s.hasResults ? "" : t("console.no_results");
  for (const id of ["exam_from", "exam_to"]) $(id).disabled = !s.hasExamAt;
  $("panel_people").querySelector("[data-q=passed]").disabled = !s.hasResults;
}

function showPeopleStats(result) {
  const c = statCells(result.stats);
  fillFacts($("people_summary"), [[t("console.registered_n"), c.registered, "sum-registered"], [t("console.attended_n"), c.attended, "sum-attended"],
    [t("console.passed_n"), c.passed, "sum-passed"], [t("col.pass_rate"), c.rate, "sum-rate"]]);
}

function showTable(view, result) {
  const { table, rows } = TABLES[view];
  const body = $(table).tBodies[0];
  body.replaceChildren(...result.rows.flatMap(rows));
  queries[view].page = result.page;
  const pager = document.querySelector(`[data-pager=${view}]`);
  const from = result.total ? result.page * result.size + 1 : 0;
  const info = pager.querySelector(".page-info");
  info.textContent = tf("console.page", { from, to: result.page * result.size + result.rows.length, total: result.total });
  pager.querySelector("[data-step='-1']").disabled = result.page === 0;
  pager.querySelector("[data-step='1']").disabled = result.page >= result.pages - 1;
  const q = queries[view];
  for (const b of $(table).querySelectorAll("button.sort")) {
    const th = b.closest("th");
    const sorted = q.sort === b.dataset.key ? (q.dir > 0 ? "ascending" : "descending") : "";
    b.dataset.sorted = sorted;
    if (sorted) th.setAttribute("aria-sort", sorted);
    else th.removeAttribute("aria-sort");
  }
}

/** Asks the worker for `view` as its query says, and shows it (an older answer than the newest asked is dropped). */
async function refresh(view) {
  const table = tableOf(view);
  const t0 = performance.now();
  const mine = seq + 1;
  latest[table] = mine;
  // While its table is redrawn the panel says so (assistive technology, and the tests, wait for it).
  const panel = $(`panel_${view}`);
  panel.setAttribute("aria-busy", "true");
  const r = await ask({ op: "view", view: table, q: queries[table] });
  if (latest[table] !== mine) return;
  panel.removeAttribute("aria-busy");
  if (!r.result) return;
  showTable(table, r.result);
  if (table === "people") showPeopleStats(r.result);
  if (view === current) stale.delete(view);
  document.body.dataset.viewMs = (performance.now() - t0).toFixed(1);
  document.body.dataset.views = String(Number(document.body.dataset.views ?? 0) + 1);
}

function showView(view, focus = false) {
  current = view;
  for (const v of VIEWS) {
    const tab = $(`tab_${v}`);
    const on = v === view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel_${v}`).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (stale.has(view)) refresh(view);
}

/** 订单管理's 查看考试码: the codes of that order. */
function showOrderCodes(key) {
  const panel = $("panel_codes");
  panel.querySelector("[data-q=order]").value = key;
  Object.assign(queries.codes, { order: key, page: 0 });
  stale.add("codes");
  showView("codes", true);
}

// ---- confirmation --------------------------------------------------------------------------

/** Asks before an irreversible action; resolves true only for the action's own button. Cancel, Escape: false. */
function confirmAction(title, text, ok) {
  const dialog = $("confirm");
  $("confirm_title").textContent = title;
  $("confirm_text").textContent = text;
  $("confirm_ok").textContent = ok;
  return new Promise((resolve) => {
    const close = (answer) => () => {
      if (dialog.open) dialog.close(answer ? "ok" : "cancel");
    };
    $("confirm_ok").onclick = close(true);
    $("confirm_cancel").onclick = close(false);
    dialog.onclose = () => resolve(dialog.returnValue === "ok");
    dialog.returnValue = "";
    dialog.showModal();
    // The safe answer has the focus: Enter or Space right away cancels.
    $("confirm_cancel").focus();
  });
}

/** Focus back on code `id`'s row: the same action's button, its first button, or the table. */
function refocus(id, action) {
  const row = $("codes").querySelector(`tr[data-id="${id}"]`);
  const target = row?.querySelector(`button[data-action="${action}"]`) ?? row?.querySelector("button[data-action]") ?? $("codes");
  target.focus();
}

function personOf(row) {
  if (!row.name && !row.un) return t("console.nobody");
  return row.un ? tf("console.person", { name: row.name || "-", un: row.un }) : row.name;
}

/** 查看成绩, 解绑, 重新生成考试码 on one code: the engine decides at the click, only the rows it changes are drawn again. */
async function askAction(row, action, button) {
  if (action === "view_score") {
    button.closest("tr").querySelector("[data-details]").click();
    say(tf("console.score", { code: row.code, result: resultText(row) }));
    return;
  }
  const yes = await confirmAction(t(`action.${action}`), tf(`confirm.${action}`, { code: row.code, person: personOf(row) }), t(`action.${action}`));
  if (!yes) {
    button.focus();
    say(tf("console.cancelled", { action: t(`action.${action}`), code: row.code }));
    return;
  }
  const t0 = performance.now();
  const r = await ask({ op: "act", id: row.id, action, views: { certs: queries.certs } });
  if (r.op === "refused") return say(errorText(r.error), true);
  if (!r.ok) return say(tf("console.action_refused", { action: t(`action.${action}`), code: row.code, why: r.answer.reasons.map((x) => x.message).join(" ") }), true);
  // The changed row in place, a new code right under it.
  const tr = $("codes").querySelector(`tr[data-id="${row.id}"]`);
  const detailsOpen = tr?.nextElementSibling?.hidden === false;
  const [first, ...added] = r.rows.map((x) => codeRows(x, askAction));
  if (tr) {
    tr.nextElementSibling.replaceWith(first[1]);
    tr.replaceWith(first[0]);
    if (detailsOpen) first[0].querySelector("[data-details]").click();
    first[1].after(...added.flat());
  }
  document.body.dataset.actionMs = (performance.now() - t0).toFixed(1);
  showSummary(r.summary);
  if (r.certs) showTable("certs", r.certs);
  for (const v of ["orders", "people"]) stale.add(v);
  refocus(row.id, action);
  say(action === "regenerate" ? tf("console.regenerated", { code: row.code, fresh: r.rows[1]?.code ?? "" })
    : tf("console.unbound", { code: row.code, person: personOf(row), state: t(`state.${r.rows[0].state}`) }));
  document.body.dataset.actions = String(Number(document.body.dataset.actions ?? 0) + 1);
}

/** 退款 of one order (COD-4): the engine decides at the click; the refunded codes are marked, the order's one refund is spent. */
async function askRefund(order, button) {
  const yes = await confirmAction(t("action.refund"), tf("confirm.refund", { order: order.key, n: order.refund.refundable_codes }), t("action.refund"));
  if (!yes) {
    button.focus();
    say(tf("console.cancelled", { action: t("action.refund"), code: order.key }));
    return;
  }
  const t0 = performance.now();
  const r = await ask({ op: "refund", key: order.key, views: { certs: queries.certs } });
  if (r.op === "refused") return say(errorText(r.error), true);
  const tr = $("orders").querySelector(`tr[data-order="${CSS.escape(order.key)}"]`);
  const [row, details] = orderRows(r.order, showOrderCodes, askRefund);
  if (tr) {
    tr.nextElementSibling.replaceWith(details);
    tr.replaceWith(row);
  }
  document.body.dataset.actionMs = (performance.now() - t0).toFixed(1);
  showSummary(r.summary);
  if (r.certs) showTable("certs", r.certs);
  for (const v of ["codes", "people"]) stale.add(v);
  row.querySelector("[data-action=view_codes]").focus();
  if (r.ok) say(tf("console.refunded", { order: order.key, n: r.changed }));
  else say(tf("console.action_refused", { action: t("action.refund"), code: order.key, why: r.answer.reasons.map((x) => x.message).join(" ") }), true);
  document.body.dataset.actions = String(Number(document.body.dataset.actions ?? 0) + 1);
}

// ---- the date decisions are made at ------------------------------------------------------

function dateRefused(error) {
  const input = $("today");
  input.setAttribute("aria-invalid", "true");
  $("today_error").textContent = errorText(error);
  // Decisions for another date are not shown as if they were today's.
  $("views").hidden = true;
  say([tf("console.date_refused", { why: $("today_error").textContent }), waitingImport ? t("console.import_waiting") : ""].filter(Boolean).join(" "), true);
}

/** A new date: an import chosen meanwhile is made with it; else what is shown is decided again (the status says which). */
async function dateChanged() {
  if (!$("today").value) return dateRefused({ key: "console.date.missing" });
  const r = await ask({ op: "redecide", now: nowInstant(), views: waitingImport ? {} : { certs: queries.certs, [tableOf(current)]: viewQuery(current) } });
  if (r.op === "refused") return dateRefused(r.error);
  $("today").removeAttribute("aria-invalid");
  $("today_error").textContent = "";
  if (waitingImport) return load(waitingImport);
  if (!r.summary) return say(tf("console.date_set", { date: $("today").value }));
  for (const v of VIEWS) stale.add(v);
  showAll(r);
  $("views").hidden = false;
  say(tf("console.redecided", { date: $("today").value }));
}

// ---- wiring ------------------------------------------------------------------------------

function pager(view) {
  const box = document.querySelector(`[data-pager=${view}]`);
  const prev = Object.assign(document.createElement("button"), { type: "button", textContent: t("console.prev") });
  const next = Object.assign(document.createElement("button"), { type: "button", textContent: t("console.next") });
  prev.dataset.step = "-1";
  next.dataset.step = "1";
  const info = Object.assign(document.createElement("span"), { className: "page-info" });
  info.setAttribute("aria-live", "polite");
  // The codes table keeps the test ids it always had.
  const id = view === "codes" ? "" : `${view}-`;
  prev.dataset.testid = `${id}prev`;
  next.dataset.testid = `${id}next`;
  info.dataset.testid = `${id}page-info`;
  for (const b of [prev, next]) {
    b.dataset.i18n = b === prev ? "console.prev" : "console.next";
    b.addEventListener("click", () => {
      queries[view].page += Number(b.dataset.step);
      refresh(view === "certs" ? "overview" : view);
    });
  }
  box.replaceChildren(prev, info, next);
}

function wireFilters(view) {
  const panel = $(`panel_${view}`);
  for (const input of panel.querySelectorAll("[data-q]")) {
    input.addEventListener(input.tagName === "SELECT" || input.type === "date" ? "change" : "input", () => {
      queries[view][input.dataset.q] = input.value.trim();
      queries[view].page = 0;
      refresh(view);
    });
  }
  for (const b of panel.querySelectorAll("button.sort")) {
    b.addEventListener("click", () => {
      const q = queries[view];
      Object.assign(q, { sort: b.dataset.key, dir: q.sort === b.dataset.key ? -q.dir : 1, page: 0 });
      refresh(view);
    });
  }
}

function wireTabs() {
  const tabs = VIEWS.map((v) => $(`tab_${v}`));
  tabs.forEach((tab, k) => {
    tab.addEventListener("click", () => showView(tab.dataset.view));
    tab.addEventListener("keydown", (e) => {
      const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      showView(tabs[(to + tabs.length) % tabs.length].dataset.view, true);
    });
  });
}

async function exportShown() {
  const view = tableOf(current);
  const r = await ask({ op: "export", view, q: queries[view], locale: getLocale() });
  if (r.op !== "exported") return say(errorText(r.error), true);
  const { download } = await import("./ics.js");
  download(`${t(`console.export_name.${view}`)}-${$("today").value}.csv`, r.text, "text/csv;charset=utf-8");
  say(tf("console.exported", { n: r.text.split("\r\n").length - 2 }));
}

/** Suggestions for the certification filters: the catalogue's names in the page's language. */
function fillDatalists() {
  ready.then(({ engine }) => {
    const names = engine.catalogue().map((c) => localName(c.name));
    $("cert_names").replaceChildren(...names.map((n) => new Option(n)));
  });
}

const ready = (async () => {
  const engine = await loadEngine();
  const { version } = await ask({ op: "init", site: { ...SITE, policyUrl: new URL(SITE.policyUrl, location.href).href }, nowMs: Date.now() });
  return { engine, version };
})();

$("today").value = chinaInputValue(new Date()).slice(0, 10);
for (const v of ["certs", "orders", "codes", "people"]) pager(v);
setupLocale(async () => {
  fillDatalists();
  if (!summary) return;
  const r = await ask({ op: "redecide", locale: getLocale(), views: { certs: queries.certs, [tableOf(current)]: viewQuery(current) } });
  if (r.op === "refused") return say(errorText(r.error), true);
  for (const v of VIEWS) stale.add(v);
  showAll(r);
});
for (const v of ["orders", "codes", "people"]) wireFilters(v);
wireTabs();
fillDatalists();
$("file").addEventListener("change", () => {
  const file = $("file").files[0];
  if (file) load({ op: "import", file });
});
$("sample").addEventListener("click", () => {
  const n = Math.max(1, Math.min(Number($("sample_n").max), Math.round(Number($("sample_n").value)) || 1000));
  load({ op: "import", sample: { n } });
});
$("today").addEventListener("change", dateChanged);
$("export").addEventListener("click", exportShown);
await ready;
document.body.dataset.ready = "true";
