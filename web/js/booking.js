// Booking page: pick the exam date and time, and the package's
// <certpolicy-booking> and <certpolicy-timeline> show every deadline at once;
// the ProScheduler form is checked field by field as the candidate types.
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, t } from "./locale.js";
import { chinaInputValue, chinaInstant } from "./inputs.js";
import { fieldFailure, inputFailure } from "./refusals.js";
import { answerFrom, refuse } from "./answer_card.js";
import { setupIcsExport } from "./ics_export.js";
import { orderLink, readLink, setTimeInput, showRefusals } from "./link.js";
import { renderBeforeExam } from "./before_exam.js";
import { orderIcsEvents } from "./order_ics.js";
import { fillPicker } from "./picker.js";
import { fillChoices } from "./order_choices.js";
import { toChina } from "/pkg/elements/format.js";
import "/pkg/elements/booking.js";
import "/pkg/elements/timeline.js";

const $ = (id) => document.getElementById(id);
fillChoices($("exam_kind"));
fillChoices($("platform_fault"));
const FORM_FIELDS = ["id_type", "id_number", "id_valid_until", "surname", "given_name", "phone", "email", "email_confirm"];
const touched = new Set();

/**
 * The order from the purchase page's link, or, opened without one, an example
 * (paid 7 days ago, an exam in 10 days at 09:00). With a link, a field it does
 * not fill stays empty for the person to fill, and a value that cannot be read
 * is refused beside its field.
 */
async function initialValues() {
  const now = new Date();
  $("now").value = chinaInputValue(now);
  const link = await readLink({
    flow: [...$("flow").options].map((o) => o.value), exam_kind: [...$("exam_kind").options].map((o) => o.value),
    platform_fault: [...$("platform_fault").options].map((o) => o.value),
    certification: (engine) => fillPicker($("certification"), engine, now),
  });
  if (!link.given) {
    $("exam_date").value = chinaInputValue(new Date(now.getTime() + 10 * 86400 * 1000)).slice(0, 10);
    $("exam_time").value = "09:00";
    $("paid_at").value = chinaInputValue(new Date(now.getTime() - 7 * 86400 * 1000));
  }
  const exam = link.values.exam_at;
  if (exam) {
    $("exam_date").value = exam.slice(0, 10);
    setTimeInput($("exam_time"), exam.slice(11));
  }
  if (link.values.paid_at) setTimeInput($("paid_at"), link.values.paid_at);
  if (link.values.flow) $("flow").value = link.values.flow;
  if (link.values.exam_kind) $("exam_kind").value = link.values.exam_kind;
  if (link.values.platform_fault) $("platform_fault").value = link.values.platform_fault;
  if (link.values.certification) $("certification").value = link.values.certification;
  return showRefusals(link.refused, {
    exam_at: [$("exam_date"), $("exam_time")], paid_at: [$("paid_at")], flow: [$("flow")], certification: [$("certification")],
    exam_kind: [$("exam_kind")], platform_fault: [$("platform_fault")],
  });
}

function examInstant() {
  return chinaInstant(`${$("exam_date").value}T${$("exam_time").value}`);
}

function renderExam() {
  $("now_field").hidden = !$("simulate").checked;
  const now = $("simulate").checked ? chinaInstant($("now").value) : null;
  const exam = $("exam_date").value && $("exam_time").value ? `${$("exam_date").value}T${$("exam_time").value}` : "";
  $("to_purchase").href = orderLink("purchase.html", {
    paid_at: $("paid_at").value, flow: $("flow").value, certification: $("certification").value, status: "booked", exam_at: exam,
    exam_kind: $("exam_kind").value, platform_fault: $("platform_fault").value,
  });
  const unread = refusals.first();
  if (unread) return refuse(inputFailure(unread), [$("timeline_card"), $("before_exam")]);
  if ($("simulate").checked && !now) return refuse(fieldFailure("now"), [$("timeline_card"), $("before_exam")]);
  if (engine) fillPicker($("certification"), engine, now ?? new Date().toISOString());  // the statuses on the day decided for
  const order = {
    paid_at: chinaInstant($("paid_at").value), flow: $("flow").value,
    ...($("certification").value ? { certification: $("certification").value } : {}),
    platform_fault: $("platform_fault").value || false,  // the case by name (EXO-9), or none
    booking: { status: "booked", exam_at: examInstant(), exam_kind: $("exam_kind").value },
  };
  for (const el of [$("booking"), $("timeline")]) {
    el.locale = getLocale();
    el.now = now;  // null: the element's own clock, ticking
    el.order = order;
  }
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
  // "Correct the marked fields" only when a field is marked: an untouched empty form is asked to be filled in.
  const marked = FORM_FIELDS.some((f) => (showAll || touched.has(f)) && byField.has(f));
  state.textContent = t(r.valid ? "form.valid" : marked ? "form.invalid" : "form.incomplete");
  state.className = `badge ${r.valid ? "ok" : "warn"}`;
  state.dataset.valid = String(r.valid);
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
let engine = null;  // the form checks need it; the exam times are the elements'
const decided = answerFrom($("booking"), [$("timeline_card")]);
$("booking").addEventListener("certpolicy-decision", (e) => {
  renderBeforeExam($("before_exam"), e.detail, toChina(Date.parse($("booking").instant())).slice(0, 10));
});
const refusals = await initialValues();  // awaits the engine only when the link holds a time
const update = () => {
  renderExam();
  if (engine) renderForm(engine);
};
setupLocale(() => {
  refusals.render();
  update();
});
$("exam").addEventListener("input", update);
$("exam").addEventListener("change", update);
$("form").addEventListener("input", (e) => {
  if (e.target.name) touched.add(e.target.name);
  if (engine) renderForm(engine);
});
$("form").addEventListener("change", (e) => {
  if (e.target.name) touched.add(e.target.name);
  if (engine) renderForm(engine);
});
setupIcsExport($("ics"), "exam-booking.ics", () => orderIcsEvents($("booking").result), () => $("booking").now);
update();
engine = await loadEngine();
update();
if (!refusals.first()) await decided;  // a refused link value is the first answer shown
document.body.dataset.ready = "true";
