// Purchase page: the order form, wired to the package's <certpolicy-refund>
// and <certpolicy-timeline> (they decide, draw and tick); the page adds the
// amounts as people type them, the calendar file and the link to booking.
// First: the engine starts fetching and compiling before the rest of the page is evaluated.
import "./engine.js";
import { setupLocale } from "./app.js";
import { loadEngine } from "./load_engine.js";
import { getLocale, t } from "./locale.js";
import { amountProblem, yuanToFen } from "./amounts.js";
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
import "/pkg/elements/refund.js";
import "/pkg/elements/timeline.js";

/** Whether a booking status comes with its exam's time (a cancelled booking's decides nothing: not asked for). */
const timed = (status) => !["none", "cancelled"].includes(status);

const $ = (id) => document.getElementById(id);
fillChoices($("exam_kind"));
fillChoices($("platform_fault"));
const options = (select) => [...select.options].map((o) => o.value);

/**
 * The order from the booking page's link, or, opened without one, an example
 * (paid 26 hours ago). A link's value that cannot be read is refused beside
 * its field, and a booking it names without an exam time is asked for: the
 * page never fills in a value the person did not give.
 */
async function initialValues() {
  const now = new Date();
  $("now").value = chinaInputValue(now);
  const link = await readLink({
    flow: options($("flow")), status: options($("booking_status")), exam_kind: options($("exam_kind")),
    platform_fault: options($("platform_fault")),
    certification: (engine) => fillPicker($("certification"), engine, now),
  });
  if (!link.given) $("paid_at").value = chinaInputValue(new Date(now.getTime() - 26 * 3600 * 1000));
  for (const field of ["paid_at", "exam_at"]) if (link.values[field]) setTimeInput($(field), link.values[field]);
  if (link.values.flow) $("flow").value = link.values.flow;
  if (link.values.status) $("booking_status").value = link.values.status;
  if (link.values.exam_kind) $("exam_kind").value = link.values.exam_kind;
  if (link.values.platform_fault) $("platform_fault").value = link.values.platform_fault;
  if (link.values.certification) $("certification").value = link.values.certification;
  const examRefused = link.refused.some((r) => r.field === "exam_at");
  // A booking with a time needs it; a cancelled one's time decides nothing (its field is hidden).
  if (link.values.status && timed(link.values.status) && !link.values.exam_at && !examRefused) {
    link.refused.push({ field: "exam_at", text: "", detail: "MISSING" });
  }
  return showRefusals(link.refused, {
    paid_at: [$("paid_at")], exam_at: [$("exam_at")], flow: [$("flow")], status: [$("booking_status")], certification: [$("certification")],
    exam_kind: [$("exam_kind")], platform_fault: [$("platform_fault")],
  });
}

/**
 * The payments as typed (1,200 · ¥1200 · full-width digits), or null when one
 * is not an amount; [] when none is typed (the amount is then not said).
 */
function payments() {
  const list = [];
  let problem = null;  // the first refused amount's sentence key
  for (const method of ["online", "balance", "voucher"]) {
    const input = $(`pay_${method}`);
    const fen = yuanToFen(input.value);
    input.setAttribute("aria-invalid", String(fen === null));
    if (fen === null) problem ??= amountProblem(input.value);
    else if (fen > 0) list.push({ method, amount_fen: fen });
  }
  $("pay_error").textContent = problem ? t(problem) : "";
  return problem ? { problem } : list;
}

function order(paid) {
  const status = $("booking_status").value;
  return {
    paid_at: chinaInstant($("paid_at").value),
    flow: $("flow").value,
    ...($("certification").value ? { certification: $("certification").value } : {}),
    // None typed: the amount is unknown, not ¥0 (a refund "returning ¥0.00, vouchers not returned" was said).
    ...(paid.length ? { payments: paid } : {}),
    refunded: $("refunded").checked,
    platform_fault: $("platform_fault").value || false,  // the case by name (EXO-9), or none
    // A cancelled booking's time decides nothing: the field is hidden and not sent.
    booking: status === "none" ? null : timed(status) ? { status, exam_at: chinaInstant($("exam_at").value), exam_kind: $("exam_kind").value } : { status },
  };
}

function update() {
  const withTime = timed($("booking_status").value);
  $("exam_field").hidden = !withTime;
  $("exam_kind_field").hidden = !withTime;
  $("now_field").hidden = !$("simulate").checked;
  // The booking page decides a booked exam, or one to book, on a live order: a taken, missed or cancelled one, or a
  // refunded order (the link carries no refund, so it would come back live), is not sent there.
  $("to_booking").hidden = !["none", "booked"].includes($("booking_status").value) || $("refunded").checked;
  $("to_booking").href = orderLink("booking.html", {
    paid_at: $("paid_at").value, flow: $("flow").value, certification: $("certification").value,
    exam_at: withTime ? $("exam_at").value : "", exam_kind: withTime ? $("exam_kind").value : "",
    platform_fault: $("platform_fault").value,
  });
  const unread = refusals.first();
  if (unread) return refuse(inputFailure(unread), [$("timeline_card"), $("before_exam")]);
  const paid = payments();
  const now = $("simulate").checked ? chinaInstant($("now").value) : null;
  if (paid.problem) return refuse(inputFailure(t(paid.problem)), [$("timeline_card"), $("before_exam")]);
  if ($("simulate").checked && !now) return refuse(fieldFailure("now"), [$("timeline_card"), $("before_exam")]);
  if (engine) fillPicker($("certification"), engine, now ?? new Date().toISOString());  // the statuses on the day decided for
  const next = order(paid);
  for (const el of [$("refund"), $("timeline")]) {
    el.locale = getLocale();
    el.now = now;  // null: the element's own clock, ticking
    el.order = next;
  }
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
let engine = null;  // the picker's catalogue needs it; the verdicts are the elements'
const decided = answerFrom($("refund"), [$("timeline_card")]);
$("refund").addEventListener("certpolicy-decision", (e) => {
  renderBeforeExam($("before_exam"), e.detail, toChina(Date.parse($("refund").instant())).slice(0, 10));
});
const refusals = await initialValues();  // awaits the engine only when the link holds a time
setupLocale(() => {
  refusals.render();
  update();
});
$("order").addEventListener("input", update);
$("order").addEventListener("change", update);
setupIcsExport($("ics"), "exam-order.ics", () => orderIcsEvents($("refund").result), () => $("refund").now);
update();
engine = await loadEngine();  // the status line, the policy footer and the picker
update();
if (!refusals.first()) await decided;  // a refused link value is the first answer shown
document.body.dataset.ready = "true";
