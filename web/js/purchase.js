// Purchase page: the order form, wired to the package's <certpolicy-refund>
// and <certpolicy-timeline> (they decide, draw and tick); the page adds the
// amounts as people type them, the calendar file and the link to booking.
import {
  answerFrom, applyStrings, chinaInputValue, chinaInstant, fieldFailure, getLocale, inputFailure, linkedOrder, loadEngine, orderLink,
  refuse, setupIcsExport, setupLocale, t, yuanToFen,
} from "./app.js";
import "/pkg/elements/index.js";

const $ = (id) => document.getElementById(id);

function initialValues() {
  const now = new Date();
  const linked = linkedOrder();  // from the booking page's link, for the same order
  $("paid_at").value = linked.paid_at ?? chinaInputValue(new Date(now.getTime() - 26 * 3600 * 1000));
  $("exam_at").value = linked.exam_at ?? chinaInputValue(new Date(now.getTime() + 14 * 86400 * 1000));
  if (linked.flow) $("flow").value = linked.flow;
  if (linked.status) $("booking_status").value = linked.status;
  $("now").value = chinaInputValue(now);
}

/** The payments as typed (1,200 · ¥1200 · full-width digits), or null when one is not an amount. */
function payments() {
  const list = [];
  let bad = false;
  for (const method of ["online", "balance", "voucher"]) {
    const input = $(`pay_${method}`);
    const fen = yuanToFen(input.value);
    input.setAttribute("aria-invalid", String(fen === null));
    if (fen === null) bad = true;
    else if (fen > 0) list.push({ method, amount_fen: fen });
  }
  $("pay_error").textContent = bad ? t("amount.invalid") : "";
  return bad ? null : list;
}

function order(paid) {
  const status = $("booking_status").value;
  return {
    paid_at: chinaInstant($("paid_at").value),
    flow: $("flow").value,
    payments: paid,
    refunded: $("refunded").checked,
    platform_fault: $("platform_fault").checked,
    booking: status === "none" ? null : { status, exam_at: chinaInstant($("exam_at").value) },
  };
}

function update() {
  $("exam_field").hidden = $("booking_status").value === "none";
  $("now_field").hidden = !$("simulate").checked;
  const paid = payments();
  const now = $("simulate").checked ? chinaInstant($("now").value) : null;
  if (paid === null) return refuse(inputFailure(t("amount.invalid")), [$("timeline_card")]);
  if ($("simulate").checked && !now) return refuse(fieldFailure("now"), [$("timeline_card")]);
  const next = order(paid);
  for (const el of [$("refund"), $("timeline")]) {
    el.locale = getLocale();
    el.now = now;  // null: the element's own clock, ticking
    el.order = next;
  }
  $("to_booking").href = orderLink("booking.html", {
    paid_at: $("paid_at").value, flow: $("flow").value, exam_at: next.booking ? $("exam_at").value : "",
  });
}

function icsEvents() {
  const r = $("refund").result;
  if (!r?.ok) return [];
  return [
    { uid: `refund-${r.refund.deadline}`, title: t("ics.refund"), start: r.refund.deadline, alarmMinutesBefore: 24 * 60 },
    { uid: `order-${r.order.valid_until}`, title: t("ics.order_expiry"), date: r.order.valid_until, alarmDaysBefore: 15 },
  ];
}

// The engine compiles while the page sets itself up; the elements decide as soon as it is ready.
const decided = answerFrom($("refund"), [$("timeline_card")]);
initialValues();
setupLocale(update);
applyStrings();
$("order").addEventListener("input", update);
$("order").addEventListener("change", update);
setupIcsExport($("ics"), "exam-order.ics", icsEvents);
update();
await loadEngine();  // the status line and the policy footer
await decided;
document.body.dataset.ready = "true";
