// Purchase page: is this order refundable now, until when, and how much.
// Re-evaluated on every input change and every second (the live countdown).
import {
  announce, applyStrings, chinaInputValue, chinaInstant, formatChina, formatCountdown, formatFen, getLocale, linkedOrder,
  loadEngine, inputFailure, orderLink, renderNextStep, renderReasons, setupIcsExport, setupLocale, showOutcome, showInstant,
  t, tf, yuanToFen,
} from "./app.js";
import { orderPoints, renderTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
let last = null;

function initialValues() {
  const now = new Date();
  const linked = linkedOrder();  // from the booking page's link, for the same order
  $("paid_at").value = linked.paid_at ?? chinaInputValue(new Date(now.getTime() - 26 * 3600 * 1000));
  $("exam_at").value = linked.exam_at ?? chinaInputValue(new Date(now.getTime() + 14 * 86400 * 1000));
  if (linked.flow) $("flow").value = linked.flow;
  if (linked.status) $("booking_status").value = linked.status;
  $("now").value = chinaInputValue(now);
}

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

function nowInstant() {
  return $("simulate").checked ? chinaInstant($("now").value) : new Date().toISOString();
}

function request() {
  const status = $("booking_status").value;
  return {
    type: "exam_order",
    locale: getLocale(),
    now: nowInstant(),
    order: {
      paid_at: chinaInstant($("paid_at").value),
      flow: $("flow").value,
      payments: payments(),
      refunded: $("refunded").checked,
      platform_fault: $("platform_fault").checked,
      booking: status === "none" ? null : { status, exam_at: chinaInstant($("exam_at").value) },
    },
  };
}

function render(engine) {
  $("exam_field").hidden = $("booking_status").value === "none";
  $("now_field").hidden = !$("simulate").checked;
  const req = request();
  // An amount that is not one (12.345, 1,20) is said in place of the verdict.
  const r = req.order.payments === null ? inputFailure(t("amount.invalid")) : engine.evaluate(req);
  last = r.ok ? r : null;
  if (!showOutcome(r)) {
    $("timeline").replaceChildren();
    announce(`failure|${r.error.path}|${r.error.detail}`, $("failure").firstChild?.textContent ?? r.error.message);
    return;
  }
  const verdict = $("verdict");
  verdict.textContent = r.refund.allowed ? t("refund.allowed") : t("refund.not_allowed");
  verdict.className = `badge ${r.refund.allowed ? "ok" : "bad"}`;
  verdict.dataset.allowed = String(r.refund.allowed);
  showInstant($("deadline"), r.refund.deadline);
  const left = new Date(r.refund.deadline).getTime() - new Date(req.now).getTime();
  // Never a running countdown beside "not refundable", nor "closed" beside
  // "refundable" (a platform fault is not bound to the window).
  $("countdown").textContent = r.refund.allowed
    ? (left >= 0 ? formatCountdown(left) : t("refund.no_limit"))
    : (left >= 0 ? "—" : t("refund.closed"));
  $("countdown").dataset.running = String(r.refund.allowed && left >= 0);
  $("amount").textContent = formatFen(r.refund.amount_fen);
  $("valid_until").textContent = r.order.valid_until;
  $("breakdown").replaceChildren(...r.refund.breakdown.map((b) => {
    const tr = document.createElement("tr");
    const method = document.createElement("td");
    method.textContent = t(`pay.${b.method}`);
    const amount = document.createElement("td");
    amount.textContent = formatFen(b.amount_fen);
    tr.append(method, amount);
    return tr;
  }));
  renderNextStep(r);
  renderReasons($("reasons"), r.reasons);
  renderTimeline($("timeline"), orderPoints(r, req.order.paid_at, certificateIfPassed(engine, r, req)), req.now);
  $("to_booking").href = orderLink("booking.html", {
    paid_at: $("paid_at").value, flow: $("flow").value, exam_at: req.order.booking ? $("exam_at").value : "",
  });
  // Said once per change of the answer, not on every second's re-render.
  const deadline = tf("announce.deadline", { when: formatChina(r.refund.deadline) });
  announce(`${r.refund.allowed}|${r.refund.deadline}|${r.refund.amount_fen}|${r.next_step?.code}|${getLocale()}`,
    [tf("announce.purchase", { verdict: verdict.textContent, deadline }), r.next_step?.message].filter(Boolean).join(" "));
}

/** The certificate a pass would give, when the booking's results have a date. */
function certificateIfPassed(engine, r, req) {
  if (!r.booking.results_at) return null;
  return engine.evaluate({ type: "certificate", locale: getLocale(), now: req.now, passes: [{ published_on: r.booking.results_at.slice(0, 10) }] });
}

function icsEvents() {
  if (!last) return [];
  return [
    { uid: `refund-${last.refund.deadline}`, title: t("ics.refund"), start: last.refund.deadline, alarmMinutesBefore: 24 * 60 },
    { uid: `order-${last.order.valid_until}`, title: t("ics.order_expiry"), date: last.order.valid_until, alarmDaysBefore: 15 },
  ];
}

const engine = await loadEngine();
initialValues();
const update = () => render(engine);
setupLocale(update);
applyStrings();
$("order").addEventListener("input", update);
$("order").addEventListener("change", update);
setupIcsExport($("ics"), "exam-order.ics", icsEvents);
update();
// Navigation → first decision on screen (reported by the browser tests).
performance.mark("certpolicy:first-decision");
setInterval(() => {
  if (!$("simulate").checked) update();
}, 1000);
document.body.dataset.ready = "true";
