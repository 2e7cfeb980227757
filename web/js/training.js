// Offline class page: refund tier, deferral, and a month calendar of working
// days, holidays and makeup days coloured by refund band (TRN, CAL).
import {
  announce, applyStrings, chinaInputValue, formatFen, getLocale, intlLocale, loadEngine, readback, renderReasons,
  setupIcsExport, setupLocale, inputFailure, showOutcome, t, tf, yuanToFen,
} from "./app.js";

const $ = (id) => document.getElementById(id);
let last = null;  // the latest successful result, for the .ics export
let focusedDate = null;  // the calendar day that holds the keyboard focus
let focusedFor = null;   // the class start it was chosen for

function initialValues() {
  const today = chinaInputValue(new Date()).slice(0, 10);
  $("today").value = today;
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + 21);
  $("class_start").value = start.toISOString().slice(0, 10);
}

const addDays = (date, n) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const monthKey = (date) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (key) => ({ y: Math.floor(key / 12), m: (key % 12) + 1 });

/**
 * The months the calendar shows: every month from the first refund band's
 * to the class start's, and today's month; months between today's and the
 * bands' are skipped (a gap is drawn), so a class a year away still shows
 * its start, bands and deferral deadline.
 *   today 2026-12-03, class 2027-06-14 → [2026-12] … [2027-05, 2027-06]
 */
function monthsToShow(r) {
  const from = monthKey([r.full_refund_until, r.partial_refund_until, r.deferral.deadline, r.class_start].filter(Boolean).sort()[0]);
  const to = monthKey(r.class_start);
  const keys = new Set([monthKey(r.today)]);
  for (let k = from; k <= to; k++) keys.add(k);
  return [...keys].sort((a, b) => a - b).map(monthOf);
}

function band(date, r) {
  if (date === r.class_start) return "class-start";
  if (date > r.class_start) return "";
  if (r.full_refund_until && date <= r.full_refund_until) return "band-100";
  if (r.partial_refund_until && date <= r.partial_refund_until) return "band-70";
  return "band-0";
}

const BAND_WORDS = { "band-100": "legend.100", "band-70": "legend.70", "band-0": "legend.0", "class-start": "legend.start" };
const MARKS = { holiday: "mark.holiday", makeup_workday: "mark.makeup" };

function renderCalendar(engine, r) {
  const months = monthsToShow(r);
  const dates = [];
  for (const { y, m } of months) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) dates.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  }
  // One crossing for the whole view: the kind of every day (CAL-1, CAL-2).
  const kinds = engine.evaluateMany(dates.map((date) => ({ type: "working_day", locale: getLocale(), date })));
  const byDate = new Map(dates.map((d, k) => [d, kinds[k]]));
  const heads = t("weekdays").split(",");
  const out = [];
  let unverified = false;
  let previous = null;
  // A new class start moves the calendar's tab stop to it.
  if (r.class_start !== focusedFor || !byDate.has(focusedDate)) focusedDate = byDate.has(r.class_start) ? r.class_start : dates[0];
  focusedFor = r.class_start;
  for (const { y, m } of months) {
    if (previous !== null && y * 12 + m - 1 !== previous + 1) {
      const gap = document.createElement("p");
      gap.className = "month-gap";
      gap.dataset.testid = "month-gap";
      gap.textContent = tf("calendar.gap", { n: y * 12 + m - 2 - previous });
      out.push(gap);
    }
    previous = y * 12 + m - 1;
    const box = document.createElement("div");
    box.className = "month";
    const h = document.createElement("h3");
    h.textContent = new Intl.DateTimeFormat(intlLocale(), { timeZone: "UTC", year: "numeric", month: "long" }).format(Date.UTC(y, m - 1, 1));
    const table = document.createElement("table");
    table.setAttribute("aria-label", h.textContent);
    const head = table.createTHead().insertRow();
    for (const w of heads) head.append(Object.assign(document.createElement("th"), { textContent: w, scope: "col" }));
    const body = table.createTBody();
    const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;  // Monday first
    let row = body.insertRow();
    for (let k = 0; k < firstWeekday; k++) row.insertCell();
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) {
      if (row.cells.length === 7) row = body.insertRow();
      const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const info = byDate.get(date);
      const cell = row.insertCell();
      cell.textContent = String(d);
      cell.dataset.date = date;
      cell.dataset.kind = info.kind;
      cell.classList.add(info.kind);
      if (MARKS[info.kind]) cell.dataset.mark = t(MARKS[info.kind]);
      const b = band(date, r);
      if (b) cell.classList.add(b);
      if (date === r.deferral.deadline) cell.classList.add("deferral-deadline");
      if (date === r.today) cell.classList.add("today");
      if (!info.verified) {
        cell.classList.add("unverified");
        unverified = true;
      }
      // Every day says in words what its colour and marks say.
      const words = [
        readback(date), b && t(BAND_WORDS[b]), date === r.deferral.deadline && t("legend.defer"), date === r.today && t("today.short"),
        ...info.reasons.map((x) => x.message),
      ].filter(Boolean);
      cell.dataset.sentence = words.join(" · ");
      cell.setAttribute("aria-label", cell.dataset.sentence);
      cell.title = cell.dataset.sentence;
      cell.tabIndex = date === focusedDate ? 0 : -1;
    }
    box.append(h, table);
    out.push(box);
  }
  $("months").replaceChildren(...out);
  $("day_info").textContent = $("months").querySelector(`td[data-date="${focusedDate}"]`)?.dataset.sentence ?? "";
  return unverified;
}

/**
 * The calendar is one tab stop: arrows move a day or a week (across months),
 * Home/End to the week's ends; the focused day's words show under it.
 */
function wireCalendarKeys() {
  const months = $("months");
  const move = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
  months.addEventListener("keydown", (e) => {
    const cell = e.target.closest?.("td[data-date]");
    if (!cell) return;
    let target = null;
    if (move[e.key]) target = addDays(cell.dataset.date, move[e.key]);
    else if (e.key === "Home" || e.key === "End") {
      const weekday = (new Date(`${cell.dataset.date}T00:00:00Z`).getUTCDay() + 6) % 7;
      target = addDays(cell.dataset.date, e.key === "Home" ? -weekday : 6 - weekday);
    }
    const next = target && months.querySelector(`td[data-date="${target}"]`);
    if (!target) return;
    e.preventDefault();
    if (!next) return;  // outside the months shown
    cell.tabIndex = -1;
    next.tabIndex = 0;
    focusedDate = target;
    next.focus();
  });
  const show = (e) => {
    const cell = e.target.closest?.("td[data-date]");
    if (cell) $("day_info").textContent = cell.dataset.sentence;
  };
  months.addEventListener("focusin", show);
  months.addEventListener("mouseover", show);
}

function render(engine) {
  const paid = yuanToFen($("paid").value);
  $("paid").setAttribute("aria-invalid", String(paid === null));
  $("paid_error").textContent = paid === null ? t("amount.invalid") : "";
  const r = paid === null ? inputFailure(t("amount.invalid")) : engine.evaluate({
    type: "training",
    locale: getLocale(),
    now: `${$("today").value}T12:00:00+08:00`,
    enrolment: {
      class_start: $("class_start").value,
      paid_fen: paid,
      class_status: $("class_status").value,
      deferred: $("deferred").checked,
      deferral_used: $("deferral_used").checked,
    },
  });
  last = r.ok ? r : null;
  if (!showOutcome(r)) {
    $("months").replaceChildren();
    $("day_info").textContent = "";
    announce(`failure|${r.error.path}|${r.error.detail}`, $("failure").firstChild?.textContent ?? r.error.message);
    return;
  }
  const verdict = $("verdict");
  verdict.textContent = `${t("refund.percent")} ${r.refund.percent}%`;
  verdict.className = `badge ${r.refund.percent === 100 ? "ok" : r.refund.percent > 0 ? "warn" : "bad"}`;
  verdict.dataset.percent = String(r.refund.percent);
  $("amount").textContent = formatFen(r.refund.amount_fen);
  $("n").textContent = String(r.working_days_before);
  $("full_until").textContent = r.full_refund_until ?? "—";
  $("partial_until").textContent = r.partial_refund_until ?? "—";
  $("deferral").textContent = `${r.deferral.deadline ?? "—"} · ${r.deferral.allowed ? t("deferral.allowed") : t("deferral.not_allowed")}${r.deferral.consumes_right ? "" : ` ${t("deferral.free")}`}`;
  $("decision_on").textContent = r.class_decision_on;
  $("notice_on").textContent = r.opening_notice_on;
  renderReasons($("reasons"), r.reasons);
  const unverifiedShown = renderCalendar(engine, r);
  $("unverified").hidden = r.calendar_verified && !unverifiedShown;
  announce(`${r.refund.percent}|${r.refund.amount_fen}|${r.deferral.allowed}|${getLocale()}`,
    `${verdict.textContent}: ${$("amount").textContent}. ${t("deferral.deadline")} ${$("deferral").textContent}`);
}

function icsEvents() {
  if (!last) return [];
  const r = last;
  return [
    r.full_refund_until && { uid: `class-${r.class_start}-full`, title: t("ics.full_refund"), date: r.full_refund_until, alarmDaysBefore: 1 },
    r.partial_refund_until && { uid: `class-${r.class_start}-partial`, title: t("ics.partial_refund"), date: r.partial_refund_until, alarmDaysBefore: 1 },
    r.deferral.deadline && { uid: `class-${r.class_start}-deferral`, title: t("ics.deferral"), date: r.deferral.deadline, alarmDaysBefore: 1,
      description: tf("ics.deferral", {}) + ` — ${r.apply_to}` },
    { uid: `class-${r.class_start}-decision`, title: t("ics.class_decision"), date: r.class_decision_on },
    { uid: `class-${r.class_start}-start`, title: t("ics.class_start"), date: r.class_start },
  ];
}

const engine = await loadEngine();
initialValues();
const update = () => render(engine);
setupLocale(update);
applyStrings();
$("enrolment").addEventListener("input", update);
$("enrolment").addEventListener("change", update);
setupIcsExport($("ics"), "offline-class.ics", icsEvents);
wireCalendarKeys();
update();
document.body.dataset.ready = "true";
