// Enterprise console: import an exam-code export, see each code's state now
// and only the actions allowed now (COD-1 … COD-3), each order's validity,
// reminders and refund (COD-3, COD-4), and statistics (COD-5).
// 100 000 codes stay responsive: decisions are made once per distinct
// (state, order) pair in one evaluateMany, and the table shows a page at a time.
import { applyStrings, chinaInputValue, getLocale, loadEngine, localName, renderReasons, setupLocale, t, tf } from "./app.js";
import { ImportError, importCodes, MAX_BYTES, MAX_CODES, sampleCodes } from "./codes_import.js";

const $ = (id) => document.getElementById(id);
const PAGE = 100;
const STATES = ["unused", "bound", "examined", "void", "expired", "refunded"];

let engine;
let codes = [];          // imported rows (state changes as actions are applied)
let decisions = new Map();  // "state|order_paid_at" → { state, actions }
let orders = [];         // [{ key, paid_at, result }]
let rows = [];           // filtered and sorted view
let page = 0;
let sort = { key: "code", dir: 1 };
let regenerated = 0;
let certNames = new Map();  // catalogue id → { zh, zh_hant, en }

const certName = (id) => (id ? (certNames.has(id) ? localName(certNames.get(id)) : id) : "—");

const nowInstant = () => `${$("today").value}T12:00:00+08:00`;
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

function showImportError(e) {
  const box = $("import_error");
  box.hidden = false;
  // A column is named as the export names it: 考试码 (code).
  const vars = e?.vars?.field ? { ...e.vars, field: t(`import.field.${e.vars.field}`) } : e?.vars;
  box.textContent = e instanceof ImportError ? tf(e.key, vars) : String(e?.message ?? e);
}

/** One exam_code decision per distinct (state, order) pair. */
function decideCodes() {
  const keys = [...new Set(codes.map((c) => `${c.state}|${c.order_paid_at}`))];
  const results = engine.evaluateMany(keys.map((key) => {
    const [state, paid_at] = key.split("|");
    return { type: "exam_code", locale: getLocale(), now: nowInstant(), order: { paid_at }, code: { state }, action: "view_score" };
  }));
  decisions = new Map();
  results.forEach((r, k) => {
    if (!r.ok) {
      const bad = codes.findIndex((c) => `${c.state}|${c.order_paid_at}` === keys[k]);
      throw new ImportError("import.engine", { line: bad + 1, message: r.error.message });
    }
    decisions.set(keys[k], { state: r.state, actions: r.actions });
  });
}

/** exam_code_order per order, and one over every code for the statistics. */
function decideOrders() {
  const groups = new Map();
  for (const c of codes) {
    if (!groups.has(c.order)) groups.set(c.order, { key: c.order, paid_at: c.order_paid_at, codes: [] });
    groups.get(c.order).codes.push({ state: c.state, passed: c.passed, certification: c.certification || undefined });
  }
  const list = [...groups.values()].sort((a, b) => (a.paid_at < b.paid_at ? -1 : 1));
  const requests = list.map((g) => ({ type: "exam_code_order", locale: getLocale(), now: nowInstant(), order: { paid_at: g.paid_at, codes: g.codes } }));
  const results = engine.evaluateMany(requests);
  const failed = results.find((r) => !r.ok);
  if (failed) throw new ImportError("import.engine", { line: 0, message: failed.error.message });
  orders = list.map((g, k) => ({ key: g.key, paid_at: g.paid_at, result: results[k] }));
  return sumStats(results.map((r) => r.stats));
}

/**
 * The file's statistics: each order's COD-5 counts added up per
 * certification (one request over every code would pass the engine's 1 MiB
 * per request). The rate is COD-5's: passed of attended, none without an
 * attempt.
 */
function sumStats(all) {
  const rows = new Map();
  for (const s of all) {
    for (const row of s.by_certification) {
      const sum = rows.get(row.certification) ?? { certification: row.certification, registered: 0, attended: 0, passed: 0 };
      sum.registered += row.registered;
      sum.attended += row.attended;
      sum.passed += row.passed;
      rows.set(row.certification, sum);
    }
  }
  const by_certification = [...rows.values()]
    .sort((a, b) => ((a.certification ?? "") < (b.certification ?? "") ? -1 : 1))
    .map((row) => ({ ...row, pass_rate: row.attended ? row.passed / row.attended : null }));
  return { by_certification };
}

function renderStats(stats) {
  const head = document.createElement("tr");
  for (const key of ["col.certification", "col.registered", "col.attended", "col.passed", "col.pass_rate"]) {
    head.append(Object.assign(document.createElement("th"), { textContent: t(key) }));
  }
  const body = stats.by_certification.map((s) => {
    const tr = document.createElement("tr");
    tr.dataset.certification = s.certification ?? "";
    const rate = s.pass_rate === null ? "—" : `${(s.pass_rate * 100).toFixed(1)}%`;
    for (const v of [certName(s.certification), s.registered, s.attended, s.passed, rate]) {
      tr.append(Object.assign(document.createElement("td"), { textContent: String(v) }));
    }
    return tr;
  });
  $("stats").replaceChildren(head, ...body);
}

function renderOrder() {
  const o = orders.find((x) => x.key === $("order_pick").value) ?? orders[0];
  if (!o) return;
  const r = o.result;
  $("o_valid").textContent = r.order.valid_until;
  $("o_reminders").textContent = r.order.reminders.join(", ");
  const badge = $("o_refund");
  badge.textContent = r.refund.allowed ? tf("console.refund.yes", { n: r.refund.refundable_codes }) : t("console.refund.no");
  badge.className = `badge ${r.refund.allowed ? "ok" : "bad"}`;
  badge.dataset.allowed = String(r.refund.allowed);
  $("o_blocking").textContent = String(r.refund.blocking_bound_codes);
  renderReasons($("o_reasons"), r.reasons);
}

// Appended one by one into a fragment: a spread of 120 000 options into one
// call overflowed the call stack.
function fillSelect(select, options, current) {
  const fragment = document.createDocumentFragment();
  for (const [value, label] of options) fragment.append(Object.assign(document.createElement("option"), { value, textContent: label }));
  select.replaceChildren(fragment);
  if (options.some(([v]) => v === current)) select.value = current;
}

function effective(c) {
  return decisions.get(`${c.state}|${c.order_paid_at}`);
}

/** Filter and sort the whole list, then show one page. */
function applyView() {
  const t0 = performance.now();
  const text = $("filter").value.trim().toLowerCase();
  const state = $("state_filter").value;
  const order = $("order_filter").value;
  rows = codes.filter((c) => (!text || c.code.toLowerCase().includes(text) || c.certification.toLowerCase().includes(text) ||
    certName(c.certification).toLowerCase().includes(text)) &&
    (!state || effective(c).state === state) && (!order || c.order === order));
  const key = sort.key;
  const value = (c) => (key === "effective" ? effective(c).state : c[key]);
  rows.sort((a, b) => (value(a) < value(b) ? -sort.dir : value(a) > value(b) ? sort.dir : 0));
  page = Math.min(page, Math.max(0, Math.ceil(rows.length / PAGE) - 1));
  const ms = performance.now() - t0;
  document.body.dataset.filterMs = ms.toFixed(1);
  renderPage();
  return ms;
}

function renderPage() {
  const from = page * PAGE;
  const slice = rows.slice(from, from + PAGE);
  const body = $("codes").tBodies[0];
  body.replaceChildren(...slice.map((c) => {
    const d = effective(c);
    const tr = document.createElement("tr");
    tr.dataset.code = c.code;
    const cells = [c.code, certName(c.certification), c.order_paid_at];
    for (const v of cells) tr.append(Object.assign(document.createElement("td"), { textContent: v }));
    for (const s of [c.state, d.state]) {
      const td = document.createElement("td");
      td.append(Object.assign(document.createElement("span"), { className: `state ${s}`, textContent: t(`state.${s}`) }));
      tr.append(td);
    }
    const actions = document.createElement("td");
    actions.dataset.testid = "actions";
    for (const a of d.actions) {
      const b = Object.assign(document.createElement("button"), { type: "button", textContent: t(`action.${a}`) });
      b.dataset.action = a;
      b.addEventListener("click", () => ask(c, a));
      actions.append(b);
    }
    tr.append(actions);
    return tr;
  }));
  $("page_info").textContent = tf("console.page", { from: rows.length ? from + 1 : 0, to: from + slice.length, total: rows.length });
  $("prev").disabled = page === 0;
  $("next").disabled = from + PAGE >= rows.length;
  // aria-sort belongs on the column header, not on its button.
  for (const b of document.querySelectorAll("button.sort")) {
    const th = b.closest("th");
    b.dataset.sorted = b.dataset.key === sort.key ? (sort.dir > 0 ? "ascending" : "descending") : "";
    if (b.dataset.key === sort.key) th.setAttribute("aria-sort", b.dataset.sorted);
    else th.removeAttribute("aria-sort");
  }
}

// Actions that cannot be undone are confirmed first.
const CONFIRMED = new Set(["unbind", "regenerate"]);

/** Asks before an action that cannot be undone; focus comes back to the row after either answer. */
function ask(code, action) {
  if (!CONFIRMED.has(action)) {
    act(code, action);
    return;
  }
  const dialog = $("confirm");
  $("confirm_text").textContent = tf(`confirm.${action}`, { code: code.code });
  $("confirm_ok").textContent = t(`action.${action}`);
  dialog.returnValue = "";
  // Acted on at the click itself (the dialog's close event comes a task later).
  $("confirm_ok").onclick = (e) => {
    e.preventDefault();
    dialog.close("ok");
    act(code, action);
  };
  dialog.onclose = () => {
    if (dialog.returnValue !== "ok") refocus(code.code, action);
  };
  dialog.showModal();
  $("confirm_ok").focus();
}

/** Focus back on the row of `codeText`: the same action's button, its first button, or the table. */
function refocus(codeText, action) {
  const row = [...$("codes").tBodies[0].rows].find((tr) => tr.dataset.code === codeText);
  const target = row?.querySelector(`button[data-action="${action}"]`) ?? row?.querySelector("button") ?? $("codes");
  target.focus();
}

/** An action clicked in the table: the engine decides, the row follows. */
function act(code, action) {
  const r = engine.evaluate({ type: "exam_code", locale: getLocale(), now: nowInstant(), order: { paid_at: code.order_paid_at }, code: { state: code.state }, action });
  if (!r.ok || !r.allowed) return;
  code.state = r.next_state;
  if (r.creates) {
    regenerated += 1;
    codes.push({ ...code, code: `${code.code}-R${regenerated}`, state: r.creates, passed: undefined });
  }
  if (action === "sit") code.passed = false;
  refresh();
  refocus(code.code, action);
}

/** Decide everything again (after an import, an action or a new date). */
function refresh() {
  decideCodes();
  const stats = decideOrders();
  renderStats(stats);
  fillSelect($("order_pick"), orders.map((o) => [o.key, `${o.paid_at} (${o.result.order.codes})`]), $("order_pick").value);
  fillSelect($("order_filter"), [["", t("console.order_all")], ...orders.map((o) => [o.key, o.paid_at])], $("order_filter").value);
  fillSelect($("state_filter"), [["", t("console.state_all")], ...STATES.map((s) => [s, t(`state.${s}`)])], $("state_filter").value);
  renderOrder();
  applyView();
}

async function load(getCodes) {
  $("import_error").hidden = true;
  $("status").textContent = t("console.working");
  await yieldToBrowser();
  const t0 = performance.now();
  try {
    const imported = await getCodes();
    if (imported.length === 0) throw new ImportError("import.empty");
    // A certification written by its name (as the console exports it) is read as its id.
    for (const c of imported) c.certification = certIds.get(c.certification) ?? c.certification;
    // A file refused at any step leaves the previous state, and its screen, as they were.
    const previous = { codes, decisions, orders, regenerated, page };
    codes = imported;
    regenerated = 0;
    page = 0;
    try {
      refresh();
    } catch (e) {
      ({ codes, decisions, orders, regenerated, page } = previous);
      if (codes.length) refresh();
      throw e;
    }
    $("orders_card").hidden = false;
    $("codes_card").hidden = false;
    $("empty").hidden = true;
    const ms = performance.now() - t0;
    document.body.dataset.loadMs = ms.toFixed(0);
    $("timing").textContent = tf("console.timing", { n: codes.length, ms: ms.toFixed(0) });
    $("status").textContent = "";
  } catch (e) {
    $("status").textContent = "";
    showImportError(e);
  }
  document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
}

engine = await loadEngine();
certNames = new Map(engine.catalogue().map((c) => [c.id, c.name]));
const certIds = new Map(engine.catalogue().flatMap((c) => [c.name.zh, c.name.zh_hant, c.name.en].map((n) => [n, c.id])));
$("today").value = chinaInputValue(new Date()).slice(0, 10);
setupLocale(() => { if (codes.length) refresh(); });
applyStrings();
$("status").hidden = false;
$("file").addEventListener("change", () => {
  const file = $("file").files[0];
  if (!file) return;
  load(async () => {
    if (file.size > MAX_BYTES) throw new ImportError("import.too_large", { max: MAX_BYTES >> 20 });
    return importCodes(await file.text(), { json: file.name.endsWith(".json") ? true : undefined });
  });
});
$("sample").addEventListener("click", () => {
  const n = Math.max(1, Math.min(MAX_CODES, Number($("sample_n").value) || 1000));
  load(() => sampleCodes(n));
});
$("today").addEventListener("change", () => { if (codes.length) refresh(); });
$("order_pick").addEventListener("change", renderOrder);
let filterTimer = 0;
$("filter").addEventListener("input", () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    page = 0;
    const ms = applyView();
    $("timing").dataset.filter = tf("console.filter_timing", { ms: ms.toFixed(0) });
  }, 120);
});
for (const id of ["state_filter", "order_filter"]) $(id).addEventListener("change", () => { page = 0; applyView(); });
for (const b of document.querySelectorAll("button.sort")) {
  b.addEventListener("click", () => {
    sort = { key: b.dataset.key, dir: sort.key === b.dataset.key ? -sort.dir : 1 };
    applyView();
  });
}
$("prev").addEventListener("click", () => { page = Math.max(0, page - 1); renderPage(); });
$("next").addEventListener("click", () => { page += 1; renderPage(); });
document.body.dataset.ready = "true";
