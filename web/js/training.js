// Offline class page: refund tier, deferral, and a month calendar of working
// days, holidays and makeup days coloured by refund band (TRN, CAL).
import {
  applyStrings, chinaInputValue, formatFen, getLocale, loadEngine, renderReasons, setupIcsExport, setupLocale,
  inputFailure, showOutcome, t, tf, yuanToFen,
} from "./app.js";

const $ = (id) => document.getElementById(id);
const MAX_MONTHS = 6;
let last = null;  // the latest successful result, for the .ics export

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

/** Every date of the months from `from`'s to `to`'s (at most MAX_MONTHS). */
function monthsBetween(from, to) {
  const months = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= endKey && months.length < MAX_MONTHS) {
    months.push({ y, m });
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return months;
}

function band(date, r) {
  if (date === r.class_start) return "class-start";
  if (date > r.class_start) return "";
  if (r.full_refund_until && date <= r.full_refund_until) return "band-100";
  if (r.partial_refund_until && date <= r.partial_refund_until) return "band-70";
  return "band-0";
}

function renderCalendar(engine, r) {
  const first = [r.full_refund_until, r.partial_refund_until, r.today].filter(Boolean).sort()[0];
  const months = monthsBetween(first < r.class_start ? first : r.class_start, r.class_start);
  const dates = [];
  for (const { y, m } of months) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) dates.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  }
  // One crossing for the whole view: the kind of every day (CAL-1, CAL-2).
  const kinds = engine.evaluateMany(dates.map((date) => ({ type: "working_day", date })));
  const byDate = new Map(dates.map((d, k) => [d, kinds[k]]));
  const heads = t("weekdays").split(",");
  const out = [];
  let unverified = false;
  for (const { y, m } of months) {
    const box = document.createElement("div");
    box.className = "month";
    const h = document.createElement("h3");
    h.textContent = `${y}-${String(m).padStart(2, "0")}`;
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const w of heads) head.append(Object.assign(document.createElement("th"), { textContent: w }));
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
      cell.title = info.reasons.map((x) => x.message).join("\n");
      cell.classList.add(info.kind);
      const b = band(date, r);
      if (b) cell.classList.add(b);
      if (date === r.deferral.deadline) cell.classList.add("deferral-deadline");
      if (date === r.today) cell.classList.add("today");
      if (!info.verified) {
        cell.classList.add("unverified");
        unverified = true;
      }
    }
    box.append(h, table);
    out.push(box);
  }
  $("months").replaceChildren(...out);
  return unverified;
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
update();
document.body.dataset.ready = "true";
