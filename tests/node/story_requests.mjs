// Generated requests of every type for the property tests (story.test.mjs,
// fast_path.test.mjs): exam orders of both flows, every booking state,
// refunded, both platform faults, voucher-only and mixed payments, a
// certification of every lifecycle, "now" around every deadline of the
// order; and the other request types around their own boundaries.
//   const { examOrder, others, mustRefuse } = storyRequests({ catalogue: engine.catalogue(), legacy: false });
import fc from "fast-check";

/**
 * fast-check arbitraries over `catalogue` (the catalogue answer's entries).
 * `legacy`: only requests a build without order.certification and named
 * platform faults takes.
 */
export function storyRequests({ catalogue, legacy = false }) {
  const HOUR = 3600e3, DAY = 24 * HOUR;
  const iso = (t) => new Date(t).toISOString();
  const chinaDate = (t) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);
  const startOf = (date) => Date.parse(`${date}T00:00:00+08:00`);
  const endOf = (date) => Date.parse(`${date}T23:59:59.999+08:00`);
  /** TIM-2: a China date plus months, clamped to the month's end. */
  function addMonths(date, months) {
    const [y, m, d] = date.split("-").map(Number);
    const total = y * 12 + (m - 1) + months;
    const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
  }
  const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

  const lifecycleIds = catalogue.filter((c) => c.lifecycle.exams_until || c.lifecycle.on_sale_from).map((c) => c.id);
  const anyIds = catalogue.map((c) => c.id);
  // The 从业者 exam is no exam order (its own request, practitioner): an order naming it is refused (PRA-4).
  const orderIds = catalogue.filter((c) => c.kind !== "practitioner").map((c) => c.id);
  const byId = new Map(catalogue.map((c) => [c.id, c]));

  // An instant in a range (ms), at whole minutes most of the time.
  const instantIn = (from, to) => fc.tuple(fc.integer({ min: 0, max: Math.floor((to - from) / 60000) }), fc.constantFrom(0, 0, 0, 17, 999))
    .map(([m, extra]) => from + m * 60000 + extra);
  const jitter = fc.constantFrom(0, 0, 1, -1, 1000, -1000, HOUR, -HOUR, DAY, -DAY, 30 * 60000);
  const locale = fc.constantFrom("zh-CN", "zh-Hant", "en", undefined);
  const payments = fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 1, max: 200000 }).map((a) => [{ method: "online", amount_fen: a }]),
    fc.integer({ min: 1, max: 200000 }).map((a) => [{ method: "voucher", amount_fen: a }]),
    fc.tuple(fc.integer({ min: 1, max: 200000 }), fc.integer({ min: 1, max: 50000 }), fc.constantFrom("online", "balance"))
      .map(([a, v, m]) => [{ method: m, amount_fen: a }, { method: "voucher", amount_fen: v }]),
    fc.constant([{ method: "online", amount_fen: 0 }]),
    fc.constant([{ method: "online", amount_fen: 0 }, { method: "voucher", amount_fen: 30000 }]),
    fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 100000 })).map(([a, b]) => [{ method: "online", amount_fen: a }, { method: "balance", amount_fen: b }]),
  );

  const PAID_FROM = Date.parse("2024-01-01T00:00:00+08:00"), PAID_TO = Date.parse("2027-06-30T00:00:00+08:00");
  const LIFE_FROM = Date.parse("2024-05-01T00:00:00+08:00"), LIFE_TO = Date.parse("2025-05-01T00:00:00+08:00");

  /** Exam orders: every flow, booking state, refund state, payment mix, certification, and "now" near a deadline. */
  const examOrder = fc.record({
    paid: fc.oneof(instantIn(PAID_FROM, PAID_TO), instantIn(LIFE_FROM, LIFE_TO)),
    flow: fc.constantFrom("purchase_then_book", "book_then_purchase", undefined),
    status: fc.constantFrom("none", "none", "booked", "booked", "booked", "cancelled", "taken", "no_show"),
    nullBooking: fc.boolean(),
    examOffset: fc.constantFrom(2 * HOUR, 3 * DAY, 4 * DAY, 10 * DAY, 11 * DAY, 30 * DAY, 90 * DAY, 181 * DAY, 184 * DAY, 300 * DAY, 364 * DAY, 366 * DAY, 400 * DAY, -2 * DAY),
    examNearLastDay: fc.boolean(),
    examMinutes: fc.constantFrom(9 * 60, 13 * 60 + 30, 0, 23 * 60 + 45),
    kind: fc.constantFrom("theory", "theory", "theory", undefined, "lab", "interview"),
    refunded: fc.constantFrom(false, false, false, false, false, true),
    fault: legacy ? fc.constantFrom(false, false, false, undefined, true)
      : fc.constantFrom(false, false, false, undefined, true, "exam_time_changed", "centre_unavailable"),
    payments,
    certification: legacy ? fc.constant(undefined) : fc.oneof(fc.constant(undefined), fc.constant(undefined), fc.constantFrom(...lifecycleIds), fc.constantFrom(...orderIds)),
    nowAt: fc.nat(),
    nowJitter: jitter,
    locale,
  }).map((g) => {
    const flow = g.flow ?? "purchase_then_book";
    const paidDate = chinaDate(g.paid);
    const validUntil = addMonths(paidDate, flow === "book_then_purchase" ? 6 : 12);
    const cert = g.certification ? byId.get(g.certification) : null;
    const lastDay = cert?.lifecycle.exams_until ?? null;
    let exam = g.paid + g.examOffset;
    if (g.examNearLastDay && lastDay) exam = startOf(addDays(lastDay, g.examOffset > 30 * DAY ? 1 : 0)) + g.examMinutes * 60000;
    else exam = startOf(chinaDate(exam)) + g.examMinutes * 60000;
    // Booked before buying, the order has its booking, changed and never cancelled, unless it was refunded (EXO-2, EXO-5).
    const status = flow === "book_then_purchase" && !g.refunded && ["none", "cancelled"].includes(g.status) ? "booked" : g.status;
    const booked = status !== "none";
    const examDate = chinaDate(exam);
    const marks = [g.paid, g.paid + 120 * HOUR, endOf(validUntil), ...[90, 60, 30, 15].map((d) => startOf(addDays(validUntil, -d)))];
    if (booked) {
      marks.push(exam - 72 * HOUR, exam - 10 * DAY, exam - 30 * 60000, exam, exam + 90 * 60000, exam + 120 * 60000,
        startOf(addDays(examDate, 3)), startOf(addDays(examDate, 5)), startOf(addDays(examDate, 14)));
    }
    if (lastDay) marks.push(endOf(lastDay), startOf(addDays(lastDay, 1)));
    if (cert?.lifecycle.unused_attempt_refund_from) marks.push(startOf(cert.lifecycle.unused_attempt_refund_from));
    // EXO-1: the order is paid by now and its exam is after the payment (a jitter
    // before the payment is taken after it instead, the same distance away).
    const marked = marks[g.nowAt % marks.length] + g.nowJitter;
    const now = marked < g.paid ? 2 * g.paid - marked : marked;
    if (exam < g.paid) exam = 2 * g.paid - exam;
    const fault = g.fault === "centre_unavailable" && status !== "booked" ? "exam_time_changed" : g.fault;
    // A taken or missed exam has begun by now (and after the payment).
    if ((status === "taken" || status === "no_show") && exam > now) exam = g.paid + (exam - g.paid) % (now - g.paid + 1);
    return {
      type: "exam_order", locale: g.locale, now: iso(now),
      order: {
        paid_at: iso(g.paid), flow: g.flow, payments: g.payments,
        refunded: g.refunded || undefined, platform_fault: fault, certification: g.certification,
        // A cancelled booking may leave its time out (it decides nothing then).
        booking: !booked ? (g.nullBooking ? null : undefined)
          : status === "cancelled" && g.nullBooking ? { status, exam_kind: g.kind } : { status, exam_at: iso(exam), exam_kind: g.kind },
      },
    };
  });

  /** Offline classes around their tier and deferral dates (2024–2026: verified calendar). */
  const training = fc.record({
    start: fc.integer({ min: 0, max: 900 }).map((d) => addDays("2024-02-01", d)),
    before: fc.integer({ min: -3, max: 40 }),
    hour: fc.integer({ min: 0, max: 23 }),
    paid: fc.integer({ min: 0, max: 1000000 }),
    status: fc.constantFrom("pending", "open", "not_opened", undefined),
    deferred: fc.constantFrom(false, false, true), used: fc.constantFrom(false, false, true), locale,
  }).map((g) => ({
    type: "training", locale: g.locale, now: iso(startOf(addDays(g.start, -g.before)) + g.hour * HOUR),
    enrolment: { class_start: g.start, paid_fen: g.paid, class_status: g.status, deferred: g.deferred, deferral_used: g.used },
  }));

  /** Certificates: passes around two years before today, some published after today. */
  const certificate = fc.record({
    now: instantIn(Date.parse("2024-06-01T00:00:00Z"), Date.parse("2027-12-31T00:00:00Z")),
    ago: fc.array(fc.integer({ min: -20, max: 900 }), { maxLength: 3 }),
    future: fc.constantFrom(false, false, false, false, true),
    level: fc.constantFrom(undefined, "TCA", "TCCP"), locale,
  }).map((g) => {
    const today = chinaDate(g.now);
    const ago = g.future ? g.ago : g.ago.map((d) => Math.abs(d));
    return { type: "certificate", locale: g.locale, now: iso(g.now), level: g.level, passes: ago.map((d) => ({ published_on: addDays(today, -d) })) };
  });

  const practitioner = fc.record({
    paid: instantIn(Date.parse("2024-01-01T00:00:00Z"), Date.parse("2026-12-31T00:00:00Z")),
    scores: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }), after: fc.integer({ min: 0, max: 1000 }),
    fault: fc.boolean(), locale,
  }).map((g) => {
    const scores = [];
    for (const s of g.scores) { scores.push(s); if (s >= 70) break; }
    const attempts = scores.map((score, k) => ({ taken_at: iso(g.paid + (k + 1) * DAY), score }));
    return { type: "practitioner", locale: g.locale, now: iso(g.paid + (scores.length + 1) * DAY + g.after * DAY), purchase: { paid_at: iso(g.paid), platform_fault: g.fault }, attempts };
  });

  const lifecycleNow = fc.oneof(instantIn(LIFE_FROM, LIFE_TO), instantIn(PAID_FROM, PAID_TO));
  const others = [
    ["training", training],
    ["certificate", certificate],
    ["practitioner", practitioner],
    ["certification", fc.record({ id: fc.constantFrom(...anyIds), now: lifecycleNow, locale }).map((g) => ({ type: "certification", locale: g.locale, now: iso(g.now), id: g.id }))],
    ["catalogue", fc.record({ now: lifecycleNow, locale }).map((g) => ({ type: "catalogue", locale: g.locale, now: iso(g.now) }))],
    ["purchase", fc.record({
      now: lifecycleNow, product: fc.constantFrom("exam", "practitioner", "online_course", "exam_codes"),
      kind: fc.constantFrom("individual", "enterprise"), verified: fc.boolean(), sub: fc.boolean(), locale,
      id: fc.constantFrom(...anyIds.filter((id) => id !== "practitioner")),
    }).map((g) => ({ type: "purchase", locale: g.locale, now: iso(g.now), product: g.product,
      certification: g.product === "exam" || g.product === "exam_codes" ? g.id : g.product === "practitioner" ? "practitioner" : undefined,
      account: { kind: g.kind, real_name_verified: g.verified, sub_account: g.sub } }))],
    ["contacts", fc.record({ phone: fc.constantFrom("verified", "pending", "unbound"), email: fc.constantFrom("verified", "pending", "unbound"), differs: fc.boolean(), locale })
      .map((g) => ({ type: "contacts", locale: g.locale, contacts: { phone: { state: g.phone, value: "138****8000", security_value: g.differs ? "139****0000" : undefined }, email: { state: g.email, value: "a***@example.com" } } }))],
    ["exam_code", fc.record({ paid: instantIn(PAID_FROM, PAID_TO), later: fc.integer({ min: 0, max: 500 }), state: fc.constantFrom("unused", "bound", "examined", "void", "expired", "refunded"),
      action: fc.constantFrom("bind", "unbind", "regenerate", "sit", "view_score"), locale })
      .map((g) => ({ type: "exam_code", locale: g.locale, now: iso(g.paid + g.later * DAY), order: { paid_at: iso(g.paid) }, code: { state: g.state }, action: g.action }))],
    ["exam_code_order", fc.record({ paid: instantIn(PAID_FROM, PAID_TO), later: fc.integer({ min: 0, max: 500 }), refunded: fc.boolean(),
      codes: fc.array(fc.record({ state: fc.constantFrom("unused", "bound", "examined", "void"), passed: fc.boolean() }), { maxLength: 12 }), locale })
      .map((g) => ({ type: "exam_code_order", locale: g.locale, now: iso(g.paid + g.later * DAY),
        order: { paid_at: iso(g.paid), refunded: g.refunded, codes: g.codes.map((c) => (c.state === "examined" ? c : { state: c.state })) } }))],
    ["working_day", fc.integer({ min: 0, max: 1300 }).map((d) => ({ type: "working_day", date: addDays("2024-01-01", d) }))],
    ["working_days", fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 60 })).map(([d, n]) => ({ type: "working_days", from: addDays("2024-01-01", d), to: addDays("2024-01-01", d + n) }))],
    ["booking_form", fc.record({ exam: instantIn(PAID_FROM, PAID_TO), id: fc.constantFrom("11010519491231002X", "110105194912310021", "H12345678"), type: fc.constantFrom("cn_id_card", "hk_macao_permit", "passport"),
      phone: fc.constantFrom("13800138000", "+852 9123 4567", "123"), email: fc.constantFrom("a@example.com", "b@example.com"), locale })
      .map((g) => ({ type: "booking_form", locale: g.locale, exam_at: iso(g.exam),
        form: { id_type: g.type, id_number: g.id, id_valid_until: "2035-01-01", surname: "张", given_name: "三", phone: g.phone, email: g.email, email_confirm: "a@example.com" } }))],
  ];

  /** A request the engine must refuse: a certificate result published after today. */
  const mustRefuse = (r) => r.type === "certificate" && !legacy && r.passes.some((p) => p.published_on > chinaDate(Date.parse(r.now)));

  return { examOrder, others, mustRefuse, chinaDate };
}
