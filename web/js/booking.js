// Booking page: pick the exam date and time, see every deadline at once; the
// ProScheduler form is checked field by field as the candidate types.
import {
  announce, applyStrings, chinaInputValue, chinaInstant, formatChina, getLocale, linkedOrder, loadEngine, orderLink,
  renderNextStep, renderReasons, setupIcsExport, setupLocale, showOutcome, showInstant, t, tf,
} from "./app.js";
import { orderPoints, renderTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const FORM_FIELDS = ["id_type", "id_number", "id_valid_until", "surname", "given_name", "phone", "email", "email_confirm"];
const touched = new Set();
let last = null;

function initialValues() {
  const now = new Date();
  const linked = linkedOrder();  // from the purchase page's link, for the same order
  const exam = linked.exam_at ?? chinaInputValue(new Date(now.getTime() + 10 * 86400 * 1000));
  $("exam_date").value = exam.slice(0, 10);
  if (linked.exam_at) $("exam_time").value = linked.exam_at.slice(11, 16);
  $("paid_at").value = linked.paid_at ?? chinaInputValue(new Date(now.getTime() - 7 * 86400 * 1000));
  if (linked.flow) $("flow").value = linked.flow;
  $("now").value = chinaInputValue(now);
}

function examInstant() {
  return chinaInstant(`${$("exam_date").value}T${$("exam_time").value}`);
}

function nowInstant() {
  return $("simulate").checked ? chinaInstant($("now").value) : new Date().toISOString();
}

function renderExam(engine) {
  $("now_field").hidden = !$("simulate").checked;
  const req = {
    type: "exam_order",
    locale: getLocale(),
    now: nowInstant(),
    order: {
      paid_at: chinaInstant($("paid_at").value),
      flow: $("flow").value,
      booking: { status: "booked", exam_at: examInstant() },
    },
  };
  const r = engine.evaluate(req);
  last = r.ok ? r : null;
  $("to_purchase").href = orderLink("purchase.html", {
    paid_at: $("paid_at").value, flow: $("flow").value, status: "booked", exam_at: `${$("exam_date").value}T${$("exam_time").value}`,
  });
  if (!showOutcome(r)) {
    $("timeline").replaceChildren();
    announce(`failure|${r.error.path}|${r.error.detail}`, $("failure").firstChild?.textContent ?? r.error.message);
    return;
  }
  const state = $("change_state");
  state.textContent = r.booking.can_change
    ? t("can_change.yes") + (r.booking.can_cancel ? "" : ` ${t("can_cancel.no_cancel")}`)
    : t("can_change.no");
  state.className = `badge ${r.booking.can_change ? "ok" : "bad"}`;
  state.dataset.canChange = String(r.booking.can_change);
  for (const key of ["change_deadline", "check_in_by", "ends_at", "results_at"]) showInstant($(key), r.booking[key]);
  $("valid_until").textContent = r.order.valid_until;
  $("reminders").textContent = r.order.reminders.join(", ");
  renderNextStep(r);
  renderReasons($("reasons"), r.reasons);
  const cert = r.booking.results_at
    ? engine.evaluate({ type: "certificate", locale: getLocale(), now: req.now, passes: [{ published_on: r.booking.results_at.slice(0, 10) }] })
    : null;
  renderTimeline($("timeline"), orderPoints(r, req.order.paid_at, cert), req.now);
  const deadline = r.booking.change_deadline ? tf("announce.change", { when: formatChina(r.booking.change_deadline) }) : "";
  announce(`${r.booking.can_change}|${r.booking.change_deadline}|${r.next_step?.code}|${getLocale()}`,
    [state.textContent, deadline, r.next_step?.message].filter(Boolean).join(" "));
}

function renderForm(engine, showAll = false) {
  const form = {};
  for (const f of FORM_FIELDS) form[f] = $(f).value;
  const r = engine.evaluate({ type: "booking_form", locale: getLocale(), exam_at: examInstant() ?? "", form });
  if (!r.ok) return;  // the exam time is incomplete: the exam panel says so
  const byField = new Map();
  for (const e of r.errors) {
    const name = e.field.replace(/^form\./, "");
    if (!byField.has(name)) byField.set(name, e.message);
  }
  for (const f of FORM_FIELDS) {
    const shown = showAll || touched.has(f);
    const message = shown ? byField.get(f) ?? "" : "";
    $(f).setAttribute("aria-invalid", String(message !== ""));
    document.querySelector(`.error[data-for="${f}"]`).textContent = message;
  }
  const state = $("form_state");
  state.textContent = r.valid ? t("form.valid") : t("form.invalid");
  state.className = `badge ${r.valid ? "ok" : "warn"}`;
  state.dataset.valid = String(r.valid);
}

function icsEvents() {
  if (!last) return [];
  const b = last.booking;
  return [
    { uid: `change-${b.change_deadline}`, title: t("ics.change"), start: b.change_deadline, alarmMinutesBefore: 24 * 60 },
    { uid: `exam-${b.check_in_by}`, title: t("ics.exam"), start: b.check_in_by, end: b.ends_at, alarmMinutesBefore: 120,
      description: `${t("check_in_by")}: ${b.check_in_by}` },
    { uid: `order-${last.order.valid_until}`, title: t("ics.order_expiry"), date: last.order.valid_until },
  ];
}

const engine = await loadEngine();
initialValues();
const update = () => {
  renderExam(engine);
  renderForm(engine);
};
setupLocale(update);
applyStrings();
$("exam").addEventListener("input", update);
$("exam").addEventListener("change", update);
$("form").addEventListener("input", (e) => {
  if (e.target.name) touched.add(e.target.name);
  renderForm(engine);
});
$("form").addEventListener("change", (e) => {
  if (e.target.name) touched.add(e.target.name);
  renderForm(engine);
});
setupIcsExport($("ics"), "exam-booking.ics", icsEvents);
update();
setInterval(() => {
  if (!$("simulate").checked) renderExam(engine);
}, 1000);
document.body.dataset.ready = "true";
