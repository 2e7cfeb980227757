// "A card tells one story" (docs/RULES.md): every sentence, next step,
// timeline point and badge of an answer is implied by the answer's own
// fields. `contradictions(request, answer)` lists what an answer says that
// its fields (or the request it answers) contradict, each in a named class;
// tests/node/story.test.mjs runs it over generated requests of every type.
// It reads the fields an answer has: an answer without the badge fields
// (`refund.tone`, `booking.tone`) or the engine's `timeline` is judged as the
// pages read such an answer (green when allowed, the timeline built from
// every dated field), which is how the counts before those fields are found.

/** The classes, with what each catches. */
export const CLASSES = {
  refund_said_but_blocked: "a sentence or next step offers a refund (without reason, for a platform fault, of unused attempts) that refund.allowed or another sentence denies",
  booking_offered_when_impossible: "a sentence or next step says an exam can be booked while booking.can_book is false (refunded, taken, missed, expired, exams ended)",
  refund_of_nothing: "a refund that returns ¥0.00 (vouchers only) shown as the good outcome or advised as the next step",
  full_refund_not_full: "a sentence promises a full refund while vouchers are kept, without saying in that sentence what comes back",
  act_after_expiry: "a deadline to act (move, change) later than the last moment the order can be used, or a green badge when only a rescue is possible",
  stale_deadline_open: "a deadline presented as still open after it passed (refund window, change window, check-in, deferral)",
  check_in_closed_unsaid: "check-in has closed before a booked exam and nothing says so",
  void_order_times: "a refunded, taken or missed order given exam times, results or expiry reminders as if it could still be used",
  lifecycle_ignored: "an order of a certification whose exams end (or ended) advised or allowed past the last exam day, or denied the unused-attempt refund its notice grants",
  promise_beyond_documentation: "a sentence promises what the documentation does not say (a deferred enrolment still refundable)",
  refund_destination: "a sentence says the money goes back to the original payment accounts, not to the payer's Tencent Cloud account",
  negative_days_left: "an expired certificate given to the page only as a negative number of days left",
  future_publication_accepted: "a certificate decided from a result published after today",
  ambiguity_unsaid: "a date or right that depends on a disputed reading of the documentation given without the reason naming the reading",
  advice_unfollowable: "advice to act before a moment that is now (nothing is left before it)",
  reason_field_mismatch: "a reason whose sentence states a fact that the answer's own fields contradict (status, allowed, percent, kind…)",
  next_step_not_possible: "a next step that cannot be taken now according to the answer's own fields (move without a change window, check in after check-in closed…)",
  next_step_missing: "no next step while a refund worth having is the one act left (nothing can be booked, the window is open)",
  badge_contradicts_fields: "a badge (refund.tone, booking.tone; without them, as the pages inferred it) that the answer's fields contradict: green for a refund of nothing, or for a booking that cannot be sat",
  placeholder_unfilled: "a sentence with a placeholder the answer has no value for (rendered as —)",
  timeline_misleading: "a timeline point still ahead that is not true for this order (a blocked refund deadline marked next, renewal dates of a refunded order…)",
  valid_request_refused: "a request the generator built valid (per docs/API.md) refused by the engine",
};

const BOOK_PROMISE = /有效期内可预约考试|可重新预约|有效期內可預約考試|可重新預約|an exam can be booked|a new exam can be booked/;
const FULL = /全额|全額|in full|full refund/i;
const ORIGINAL_ACCOUNT = /原支付账户|原支付帳戶|原支付賬戶|back to each payment method/;
const DEFERRAL_PROMISE = /延期后仍可退款|延期後仍可退款|keeps the enrolment refundable/;
// An instant as the sentences render it: "2026-11-30 10:00" (seconds when not :00), China time;
// a day's last moment as "2027-03-01 24:00".
const SHOWN_INSTANT = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/g;

const ms = (iso) => Date.parse(iso);
const chinaDate = (t) => new Date(t + 8 * 3600e3).toISOString().slice(0, 10);
const endOfDay = (date) => Date.parse(`${date}T23:59:59.999+08:00`);
const startOfDay = (date) => Date.parse(`${date}T00:00:00+08:00`);
const minDate = (...ds) => ds.filter(Boolean).sort()[0];
const shownInstants = (text) => [...text.matchAll(SHOWN_INSTANT)].map((m) => (m[2] === "24:00" ? endOfDay(m[1]) : Date.parse(`${m[1]}T${m[2]}+08:00`)));
const yuan = (fen) => (fen / 100).toFixed(2);

// Next steps that offer a refund, and those that offer a booking.
const REFUND_STEPS = new Set(["NEXT_BOOK_OR_REFUND", "NEXT_REQUEST_REFUND", "NEXT_REFUND_BY", "NEXT_BOOK_OR_REQUEST_REFUND", "NEXT_CHOOSE_REFUND_OR_SESSION"]);
const BOOK_STEPS = new Set(["NEXT_BOOK", "NEXT_BOOK_OR_REFUND", "NEXT_BOOK_OR_REQUEST_REFUND"]);

/** Facts a reason code states, as predicates over (answer, request, now ms). */
const IMPLIES = {
  ORDER_VALID: (a) => !a.order.expired,
  ORDER_EXPIRED: (a) => a.order.expired,
  REFUND_WINDOW_CLOSED: (a, r, now) => now > ms(a.refund.deadline),
  ALREADY_REFUNDED: (a, r) => r.order?.refunded === true,
  CHANGE_WINDOW_CLOSED: (a, r, now) => a.booking.change_deadline !== null && now > ms(a.booking.change_deadline) && r.order?.flow !== "book_then_purchase",
  // Advice to cancel first only while the booking can be cancelled.
  LIFECYCLE_REFUND_BLOCKED_BY_BOOKING: (a) => a.booking.can_cancel === true,
  REFUND_BLOCKED_BY_BOOKING: (a) => a.booking.can_cancel === true,
  CHANGE_ONLY_WINDOW_CLOSED: (a, r, now) => a.booking.change_deadline !== null && now > ms(a.booking.change_deadline) && r.order?.flow === "book_then_purchase",
  REFUND_BLOCKED_BOOKED_BEFORE_PURCHASE: (a, r) => r.order?.flow === "book_then_purchase" && r.order?.booking?.status === "booked",
  EXAM_ENDS: (a, r, now) => a.booking.ends_at !== null && now <= ms(a.booking.ends_at),
  CERT_ANNOUNCED: (a) => a.status === "announced",
  CERT_ON_SALE: (a) => a.status === "on_sale",
  CERT_BETA: (a) => a.status === "beta",
  CERT_SALE_STOPPED: (a) => a.status === "sale_stopped",
  CERT_RETIRED: (a) => a.status === "retired",
  CERTIFICATE_NONE: (a) => (a.certificate ?? a).status === "none",
  CERTIFICATE_ACTIVE: (a) => (a.certificate ?? a).status === "active",
  CERTIFICATE_EXPIRING: (a) => (a.certificate ?? a).status === "expiring" && (a.certificate ?? a).renew_by !== null,
  CERTIFICATE_EXPIRING_RENEWAL_PASSED: (a) => (a.certificate ?? a).status === "expiring" && (a.certificate ?? a).renew_by === null,
  CERTIFICATE_EXPIRED: (a) => (a.certificate ?? a).status === "expired",
  PURCHASE_ALLOWED: (a) => a.allowed,
  SUB_ACCOUNT: (a) => !a.allowed,
  REAL_NAME_REQUIRED: (a) => !a.allowed,
  INDIVIDUAL_REQUIRED: (a) => !a.allowed,
  ENTERPRISE_REQUIRED: (a) => !a.allowed,
  NOT_ON_SALE: (a) => !a.allowed && a.certification?.purchasable === false,
  FORM_VALID: (a) => a.valid && a.errors.length === 0,
  DAY_WEEKDAY: (a) => a.kind === "weekday",
  DAY_WEEKEND: (a) => a.kind === "weekend",
  DAY_HOLIDAY: (a) => a.kind === "holiday",
  DAY_MAKEUP_WORKDAY: (a) => a.kind === "makeup_workday",
  CODE_ACTION_ALLOWED: (a) => a.allowed,
  CODE_ACTION_NOT_ALLOWED: (a) => !a.allowed,
  UNUSED_CODES_REFUNDABLE: (a) => a.refund.allowed && a.refund.refundable_codes > 0,
  BOUND_CODES_BLOCK_REFUND: (a) => !a.refund.allowed && a.refund.blocking_bound_codes > 0,
  TRAINING_REFUND_FULL: (a) => a.refund.allowed && a.refund.percent === 100,
  TRAINING_REFUND_PARTIAL: (a) => a.refund.allowed && a.refund.percent > 0 && a.refund.percent < 100,
  TRAINING_REFUND_NONE: (a) => !a.refund.allowed,
  CLASS_STARTED: (a, r, now) => !a.refund.allowed && !a.deferral.allowed && chinaDate(now) >= a.class_start,
  DEFERRED_NOT_REFUNDABLE: (a) => !a.refund.allowed,
  DEFERRAL_ALLOWED: (a) => a.deferral.allowed,
  DEFERRAL_LAST_DAY_DISPUTED: (a, r, now) => a.deferral.allowed && a.deferral.deadline === chinaDate(now),
  TRAINING_REFUND_LAST_DAY_DISPUTED: (a, r, now) => a.refund.allowed && [a.full_refund_until, a.partial_refund_until].includes(chinaDate(now)),
  DEFERRAL_TOO_LATE: (a) => !a.deferral.allowed,
  // CAL-4: a refusal said to be the estimate's may not stand only while the count is the estimate's.
  DEFERRAL_TOO_LATE_BY_ESTIMATE: (a) => !a.deferral.allowed && a.calendar_verified === false,
  ESTIMATE_MAY_ALLOW_MORE: (a) => a.calendar_verified === false && (a.refund.percent < 100 || !a.deferral.allowed),
  DAY_ESTIMATED_OFF: (a) => a.kind === "holiday" && a.verified === false,
  DEFERRAL_RIGHT_USED: (a) => !a.deferral.allowed,
  READING_DEFERRED_RIGHT_USED: (a) => !a.deferral.allowed && a.deferral.deadline === null,
  PRACTITIONER_PASSED: (a) => a.passed && !a.can_take,
  PRACTITIONER_ATTEMPTS_LEFT: (a) => !a.passed && a.attempts_left > 0 && a.can_take,
  PRACTITIONER_MUST_REPURCHASE: (a) => a.must_repurchase && !a.can_take,
  ALL_CHANNELS_VERIFIED: (a) => a.warnings.length === 0,
};

/** Every contradiction in one answer: [{ class, why }]. */
export function contradictions(request, answer) {
  const out = [];
  const hit = (cls, why) => out.push({ class: cls, why });
  if (!answer?.ok) return out;
  const now = ms(request.now);
  const said = [...answer.reasons, ...(answer.next_step ? [answer.next_step] : []), ...(answer.errors ?? []), ...(answer.warnings ?? [])];
  const codes = new Set(answer.reasons.map((x) => x.code));
  for (const s of said) {
    if (s.message.includes("—")) hit("placeholder_unfilled", `${s.code}: ${s.message}`);
    if (ORIGINAL_ACCOUNT.test(s.message)) hit("refund_destination", s.code);
    if (DEFERRAL_PROMISE.test(s.message)) hit("promise_beyond_documentation", s.code);
  }
  for (const x of answer.reasons) {
    const f = IMPLIES[x.code];
    if (f && !f(answer, request, now)) hit("reason_field_mismatch", x.code);
  }
  if (answer.type === "exam_order") examOrder(request, answer, now, said, codes, hit);
  if (answer.type === "training") training(request, answer, now, codes, hit);
  if (answer.type === "certificate") certificate(request, answer, now, codes, hit);
  if (answer.type === "practitioner" && answer.certificate.status === "expired" && !("days_expired" in answer.certificate)) {
    hit("negative_days_left", "practitioner certificate");
  }
  if (answer.type === "certification" && answer.exam_until && !codes.has("CERT_READING_SERVICE_STOP")) {
    hit("ambiguity_unsaid", "certification: the last exam day without the reading of the notice's date");
  }
  return out;
}

function examOrder(r, a, now, said, codes, hit) {
  const o = r.order;
  const status = o.booking?.status ?? "none";
  const refunded = o.refunded === true;
  const used = status === "taken" || status === "no_show";
  const today = chinaDate(now);
  const cert = a.order.certification ?? null;
  const lastDay = minDate(a.order.valid_until, cert?.exams_until);
  const lastMoment = endOfDay(lastDay);
  const paidTotal = (o.payments ?? []).reduce((s, p) => s + p.amount_fen, 0);
  const step = a.next_step?.code;
  const refundTone = a.refund.tone ?? (a.refund.allowed ? "ok" : "bad");
  const bookingTone = a.booking.tone ?? (status !== "booked" ? "warn" : a.booking.can_change ? "ok" : "bad");
  const examDate = o.booking?.exam_at ? chinaDate(ms(o.booking.exam_at)) : null;
  // EXO-2's reading: booked after the order's validity and no longer movable into it, an exam still held is sat
  // all the same (the documentation bars booking, not sitting; staying home forfeits the fee): said, never green.
  const platformChanged = o.platform_fault === true || o.platform_fault === "exam_time_changed";
  const movableIntoValidity = a.booking.change_deadline && now <= ms(a.booking.change_deadline) && today <= lastDay;
  const sitAnyway = status === "booked" && !refunded && examDate > lastDay && lastDay === a.order.valid_until &&
    !(cert?.exams_until && examDate > cert.exams_until) && !platformChanged && o.platform_fault !== "centre_unavailable" && !movableIntoValidity;
  const outside = status === "booked" && examDate > lastDay && !sitAnyway;
  // A centre that cannot hold a session after the validity, no longer movable into it: its new date is after it too.
  const centreAfter = status === "booked" && !refunded && o.platform_fault === "centre_unavailable" && examDate > lastDay &&
    lastDay === a.order.valid_until && !(cert?.exams_until && examDate > cert.exams_until) && !movableIntoValidity;
  if (centreAfter && !codes.has("EXAM_AFTER_ORDER_EXPIRY_CENTRE")) hit("ambiguity_unsaid", "a centre's move of an exam after the validity, without saying the new date is after it too");
  if (sitAnyway && !codes.has("EXAM_AFTER_ORDER_EXPIRY_SIT")) hit("ambiguity_unsaid", "an exam after the order's validity, no longer movable, without the advice to confirm and check in");
  // The reading is said where readings are (a READING_* reason, the readings box), not only inside the advice.
  if (sitAnyway && !codes.has("READING_SIT_AFTER_ORDER_EXPIRY")) hit("ambiguity_unsaid", "an exam after the order's validity, no longer movable, without the reading it is sat on");
  if (sitAnyway && bookingTone === "ok") hit("badge_contradicts_fields", "a green badge for an exam sat after the order's validity");
  // An expired order books nothing: its booking is neither changed nor cancelled on it (a change books anew; a
  // cancel returns nothing), though the 72 hours have not begun.
  if (sitAnyway && today > lastDay && (a.booking.can_change || a.booking.can_cancel || codes.has("CHANGE_WINDOW_OPEN") || codes.has("CHANGE_ONLY_WINDOW_OPEN"))) {
    hit("advice_unfollowable", "a change or cancel offered on a booking of an expired order");
  }

  // A refund offered that the fields deny.
  if (codes.has("REFUND_WINDOW_OPEN") && (!a.refund.allowed || [...codes].some((c) => c.startsWith("REFUND_BLOCKED")))) {
    hit("refund_said_but_blocked", "REFUND_WINDOW_OPEN beside a blocked refund");
  }
  if ((REFUND_STEPS.has(step) || codes.has("PLATFORM_FAULT_REFUND")) && !a.refund.allowed) hit("refund_said_but_blocked", step);
  // The platform changed the exam time: a refund or the nearest session, never "not attending forfeits the fee".
  if (codes.has("PLATFORM_FAULT_REFUND") && ["CHANGE_WINDOW_CLOSED", "CHANGE_ONLY_WINDOW_CLOSED", "CHECK_IN_CLOSED", "CHECK_IN"].some((c) => codes.has(c))) {
    hit("refund_said_but_blocked", "a closed change window's forfeit beside the platform's refund");
  }

  // Booking offered when it cannot be.
  if (!a.booking.can_book) {
    if (BOOK_STEPS.has(step)) hit("booking_offered_when_impossible", step);
    for (const s of said) if (BOOK_PROMISE.test(s.message)) hit("booking_offered_when_impossible", s.code);
  }

  // A refund of nothing as the good outcome.
  if (a.refund.allowed && a.refund.amount_fen === 0 && (refundTone === "ok" || REFUND_STEPS.has(step))) {
    hit("refund_of_nothing", `tone ${refundTone}, next ${step}`);
  }
  if (a.refund.amount_fen !== null && a.refund.amount_fen < paidTotal) {
    for (const s of said) {
      if (FULL.test(s.message) && !s.message.includes(yuan(a.refund.amount_fen))) hit("full_refund_not_full", s.code);
    }
  }

  // Acting after the order (or the certification's exams) can be used.
  for (const s of said) {
    if (sitAnyway) break;  // its booking is kept and sat: changing it is not acting on an expired order
    if (!["EXAM_AFTER_ORDER_EXPIRY", "EXAM_AFTER_LAST_EXAM_DAY", "NEXT_MOVE_EXAM", "CHANGE_WINDOW_OPEN", "CHANGE_ONLY_WINDOW_OPEN"].includes(s.code)) continue;
    if (shownInstants(s.message).some((t) => t > lastMoment)) hit("act_after_expiry", s.code);
  }
  if (outside && bookingTone === "ok") hit("act_after_expiry", "a green booking badge for an exam that cannot be sat on the order");

  // Deadlines shown open after they passed.
  const past = (iso) => iso !== null && iso !== undefined && now > ms(iso);
  if (codes.has("REFUND_WINDOW_OPEN") && past(a.refund.deadline)) hit("stale_deadline_open", "REFUND_WINDOW_OPEN");
  if ((codes.has("CHANGE_WINDOW_OPEN") || codes.has("CHANGE_ONLY_WINDOW_OPEN")) && past(a.booking.change_deadline)) hit("stale_deadline_open", "CHANGE_WINDOW_OPEN");
  if ((codes.has("CHECK_IN") || codes.has("CHECK_IN_PLATFORM_CHANGED") || step === "NEXT_CHECK_IN") && past(a.booking.check_in_by)) hit("stale_deadline_open", "CHECK_IN after check-in closed");

  if (codes.has("EXAM_ENDS") && !codes.has("READING_EXAM_DURATION")) hit("ambiguity_unsaid", "the exam's end from the documentation's one example of its length, unsaid");
  if (codes.has("PLATFORM_FAULT_REFUND") && !codes.has("READING_PLATFORM_CHOICE")) hit("ambiguity_unsaid", "the platform's refund or nearest session as the candidate's choice, unsaid");
  if (a.booking.can_book && a.booking.book_until === today && !codes.has("BOOK_LAST_DAY")) hit("advice_unfollowable", "book by today without saying only a session later today can be");
  // "Late" read one way (EXO-6): before the start, check-in is not said closed for good; after it, not "go now".
  const started = o.booking?.exam_at && now > ms(o.booking.exam_at);  // the start instant itself is not late yet
  if (status === "booked" && o.booking?.exam_at && !started && (codes.has("CHECK_IN_CLOSED") || a.booking.state === "check_in_closed")) {
    hit("ambiguity_unsaid", "check-in said closed for good before the exam starts");
  }
  if (started && (codes.has("CHECK_IN_LATE") || step === "NEXT_GO_NOW")) hit("stale_deadline_open", "go now after the exam started");
  if (started && codes.has("CHECK_IN_LATE_PLATFORM_CHANGED")) hit("stale_deadline_open", "go now after the platform's session started");
  if (!started && status === "booked" && codes.has("CHECK_IN_CLOSED_PLATFORM_CHANGED")) hit("ambiguity_unsaid", "the platform's session said closed for good before it starts");
  // A notice's refund to come, with a booking that would block it then: its last moment to cancel is said.
  if (codes.has("READING_UNUSED_ATTEMPT_REFUND_FROM") && status === "booked" && a.booking.can_cancel && a.booking.change_deadline && !outside) {
    hit("advice_unfollowable", "the unused-attempt refund to come without the booking's last moment to cancel");
  }
  // A booked exam whose time is over was sat: "sit it" is advice no one can follow.
  if (status === "booked" && !o.platform_fault && a.booking.ends_at && past(a.booking.ends_at) && codes.has("LIFECYCLE_REFUND_BOOKING_LOCKED")) {
    hit("advice_unfollowable", "sit a booked exam whose time is over");
  }
  if ((codes.has("CHECK_IN") || codes.has("CHECK_IN_LATE")) && !codes.has("READING_LATE_ARRIVAL")) hit("ambiguity_unsaid", "the check-in time without its reading of late");
  // Check-in closed and not said.
  const centre = o.platform_fault === "centre_unavailable";
  if (status === "booked" && !refunded && !outside && !centre && a.booking.check_in_by && past(a.booking.check_in_by) &&
      !past(a.booking.ends_at) && !["CHECK_IN_CLOSED", "CHECK_IN_CLOSED_PLATFORM_CHANGED", "CHECK_IN_LATE", "CHECK_IN_LATE_PLATFORM_CHANGED"].some((c) => codes.has(c))) {
    hit("check_in_closed_unsaid", "check-in closed");
  }

  // A void or used order told what only a live one needs.
  if (refunded && (a.booking.check_in_by || a.booking.ends_at || a.booking.results_at ||
      ["CHECK_IN", "CHECK_IN_PLATFORM_CHANGED", "CHECK_IN_LATE", "EXAM_ENDS", "RESULTS_AVAILABLE"].some((c) => codes.has(c)) || ["NEXT_CHECK_IN", "NEXT_GO_NOW", "NEXT_RESULTS"].includes(step))) {
    hit("void_order_times", "refunded order with exam times");
  }
  if (status === "no_show" && (codes.has("RESULTS_AVAILABLE") || a.booking.results_at)) hit("void_order_times", "no-show told results come");
  if (refunded && (codes.has("ORDER_VALID") || codes.has("ORDER_EXPIRED"))) hit("void_order_times", "a refunded order's validity said");
  // A booked session that can no longer be changed or cancelled holds the attempt: nothing is left to book before expiry.
  if (status === "booked" && ["locked", "check_in_late", "check_in_closed"].includes(a.booking.state) && !platformChanged && a.order.reminders.length > 0) {
    hit("void_order_times", "expiry reminders beside a booking the attempt is committed to");
  }
  const exhausted = cert && cert.exams_until && today > cert.exams_until;
  if ((refunded || used || exhausted) && a.order.reminders.length > 0) hit("void_order_times", "reminders for an order that cannot be used");
  // A booked exam whose time is over was sat (its results are awaited): the order's one attempt is spent.
  const sat = status === "booked" && !outside && !o.platform_fault && a.booking.ends_at && past(a.booking.ends_at);
  if (sat && a.order.reminders.some((d) => startOfDay(d) > now)) hit("void_order_times", "expiry reminders after the booked exam was sat");

  // The certification's lifecycle.
  if (cert) {
    if (cert.exams_until && today > cert.exams_until && (a.booking.can_book || BOOK_STEPS.has(step))) hit("lifecycle_ignored", "booking after the last exam day");
    if (cert.exams_until && status === "booked" && examDate > cert.exams_until && a.booking.check_in_by) hit("lifecycle_ignored", "exam times after the last exam day");
    if (cert.exams_until && a.booking.can_book && a.booking.book_until > cert.exams_until) hit("lifecycle_ignored", "book_until after the last exam day");
    const unused = !refunded && !used && !(status === "booked" && (!cert.exams_until || examDate <= cert.exams_until));
    if (cert.unused_attempt_refund_from && today >= cert.unused_attempt_refund_from && unused && !a.refund.allowed) {
      hit("lifecycle_ignored", "the notice's unused-attempt refund not given");
    }
    if (cert.exams_until && !codes.has("READING_SERVICE_STOP_DATE")) hit("ambiguity_unsaid", "the certification's last exam day without its reading");
  }

  // Ambiguity said.
  const actByChange = (a.booking.can_change && a.booking.change_deadline && !outside && o.platform_fault !== "centre_unavailable") ||
    (a.booking.move_by && a.booking.move_by === a.booking.change_deadline);
  // Before the instant: act before it; at the instant itself no "before" is left (EXO-5).
  const boundary = codes.has("READING_CHANGE_BOUNDARY") || codes.has("READING_CHANGE_BOUNDARY_NOW");
  if (actByChange && !boundary) hit("ambiguity_unsaid", "72-hour boundary");
  const atDeadline = a.booking.change_deadline && now === ms(a.booking.change_deadline);
  if (codes.has("READING_CHANGE_BOUNDARY") && atDeadline) hit("advice_unfollowable", "act before a deadline that is now");
  if (codes.has("READING_CHANGE_BOUNDARY_NOW") && !atDeadline) hit("reason_field_mismatch", "READING_CHANGE_BOUNDARY_NOW off the deadline instant");
  if (a.booking.results_at && (o.booking?.exam_kind ?? "theory") === "theory" && (!a.booking.results_by || !codes.has("READING_RESULTS_TIME"))) {
    hit("ambiguity_unsaid", "results 30 minutes vs three days");
  }
  if (status === "cancelled" && a.refund.allowed && (a.refund.state ?? "open") === "open" && !o.platform_fault && !codes.has("READING_CANCELLED_BOOKING")) hit("ambiguity_unsaid", "refund after a cancelled booking");
  if (codes.has("REFUND_BLOCKED_BY_BOOKING") && !codes.has("READING_CANCELLED_BOOKING")) hit("ambiguity_unsaid", "cancel first, then refund");

  // The next step can be taken now.
  const b = a.booking;
  const STEP_POSSIBLE = {
    NEXT_BOOK: () => b.can_book,
    NEXT_BOOK_OR_REFUND: () => b.can_book && a.refund.allowed && !past(a.refund.deadline),
    NEXT_MOVE_EXAM: () => b.can_change && !past(b.move_by ?? b.change_deadline),
    NEXT_CHECK_IN: () => status === "booked" && !past(b.check_in_by),
    // Past the check-in time, before the start (the exam's start is the request's exam_at).
    NEXT_GO_NOW: () => status === "booked" && past(b.check_in_by) && now <= ms(o.booking.exam_at),
    NEXT_RESULTS: () => (status === "booked" || status === "taken") && !past(b.results_by ?? b.results_at) && past(b.ends_at),
    NEXT_REQUEST_REFUND: () => a.refund.allowed,
    NEXT_REFUND_BY: () => a.refund.allowed && !past(a.refund.deadline),
    NEXT_BOOK_OR_REQUEST_REFUND: () => b.can_book && a.refund.allowed,
    NEXT_CHOOSE_REFUND_OR_SESSION: () => a.refund.allowed,
    NEXT_TAKE_NEAREST_SESSION: () => a.refund.allowed && o.platform_fault && o.platform_fault !== "centre_unavailable",
    NEXT_AWAIT_NEW_DATE: () => o.platform_fault === "centre_unavailable" && status === "booked",
    NEXT_BUY_SUCCESSOR: () => Boolean(cert?.successor) && !b.can_book,
  };
  if (step && STEP_POSSIBLE[step] && !STEP_POSSIBLE[step]()) hit("next_step_not_possible", step);
  // A refund worth having that is the one act left is said as the next step.
  if (!step && a.refund.allowed && (a.refund.state ?? "open") === "open" && !b.can_book && status !== "booked" && a.refund.amount_fen !== 0 && !past(a.refund.deadline)) {
    hit("next_step_missing", "a refund is the one act left");
  }

  // Badges: green only for what is both allowed and worth doing.
  if (refundTone === "ok" && (!a.refund.allowed || a.refund.amount_fen === 0)) hit("badge_contradicts_fields", "refund badge green");
  // "Refundable after cancelling": with the payments known, the amount then is given, and a refund of nothing is not held out.
  if (a.refund.state === "cancel_booking_first" && Array.isArray(r.order?.payments)) {
    const after = a.refund.amount_after_cancelling_fen;
    if (after === null || after === undefined) hit("reason_field_mismatch", "cancel_booking_first without the amount after cancelling");
    else if (after === 0 && refundTone !== "bad") hit("refund_of_nothing", "cancelling a booking for ¥0.00 held out");
    else if (after === 0 && (codes.has("REFUND_BLOCKED_BY_BOOKING") || codes.has("LIFECYCLE_REFUND_BLOCKED_BY_BOOKING"))) {
      hit("refund_of_nothing", "cancelling a booking advised for ¥0.00");
    }
  }
  // The platform changed the exam time: the badge tells the choice, not the self-service windows of the session it changed.
  if (codes.has("PLATFORM_FAULT_REFUND") && status === "booked" && ["booked", "locked", "check_in_late", "check_in_closed"].includes(a.booking.state)) {
    hit("badge_contradicts_fields", `booking badge ${a.booking.state} beside the platform's refund or nearest session`);
  }
  // With a booking to cancel first, the refund is lost once the booking can no longer be cancelled: the moment to act
  // by (the card's countdown) and the sentence name that moment when it comes before the window's end.
  if (a.refund.state === "cancel_booking_first" && a.booking.change_deadline && a.refund.amount_after_cancelling_fen !== 0) {
    const cancelBy = ms(a.booking.change_deadline);
    if (ms(a.refund.act_by ?? a.refund.deadline) > cancelBy) hit("stale_deadline_open", "a refund countdown past the moment the booking can no longer be cancelled");
    if (cancelBy < ms(a.refund.deadline) && codes.has("REFUND_BLOCKED_BY_BOOKING")) hit("advice_unfollowable", "cancel, then refund by the window's end, after the booking locks");
  }
  // A session the platform changed whose check-in closed unentered (a session sat is `taken`): it gives no results
  // or certificate, and a time it set is answered by the refund or the nearest session, not "move it yourself by".
  if (codes.has("CHECK_IN_CLOSED_PLATFORM_CHANGED") && (a.booking.results_at || codes.has("RESULTS_AVAILABLE") || codes.has("EXAM_ENDS"))) {
    hit("void_order_times", "results of a session the platform changed and the candidate could not enter");
  }
  if (codes.has("PLATFORM_FAULT_REFUND") && (a.booking.move_by || ["EXAM_AFTER_ORDER_EXPIRY", "EXAM_AFTER_LAST_EXAM_DAY", "NEXT_MOVE_EXAM"].some((c) => codes.has(c)))) {
    hit("next_step_not_possible", "a deadline to move the exam beside the platform's refund or nearest session");
  }
  // "Your choice" beside "take the nearest session" (a refund of nothing): the badge tells the one choice left.
  if (a.booking.state === "platform_changed" && step === "NEXT_TAKE_NEAREST_SESSION") hit("badge_contradicts_fields", "a choice offered beside the one choice left");
  if (bookingTone === "ok" && (outside || refunded || status === "no_show" || (status !== "booked" && status !== "taken" && !b.can_book))) {
    hit("badge_contradicts_fields", `booking badge green (${a.booking.state ?? "inferred"})`);
  }

  // The timeline: the engine's, or the one a page builds from every dated field.
  for (const p of timeline(r, a, now)) {
    if (p.state === "past") continue;
    const why = pointUntrue(p.key, a, r, { refunded, used, status, outside, codes });
    if (why) hit("timeline_misleading", `${p.key} (${p.state}): ${why}`);
  }
}

/** The points a card draws: the answer's `timeline`, else every dated field (as the pages drew them). */
function timeline(r, a, now) {
  if (Array.isArray(a.timeline)) return a.timeline;
  const b = a.booking;
  const points = [["refund_deadline", a.refund.deadline], ["change_deadline", b.change_deadline], ["check_in_by", b.check_in_by],
    ["ends_at", b.ends_at], ["results_at", b.results_at]].filter(([, at]) => at).map(([key, at]) => ({ key, ms: ms(at) }));
  for (const d of a.order.reminders) points.push({ key: "reminder", ms: startOfDay(d) });
  points.push({ key: "valid_until", ms: endOfDay(a.order.valid_until) });
  // The pages asked for the certificate a pass on the results day would give.
  if (b.results_at) points.push({ key: "certificate_valid_until", ms: ms(b.results_at) + 730 * 86400e3 });
  points.sort((x, y) => x.ms - y.ms);
  const next = points.find((p) => p.ms >= now);
  return points.map((p) => ({ key: p.key, state: p.ms < now ? "past" : p === next ? "next" : "future" }));
}

/** Why a point still ahead is not true for this order ("" when it is). */
function pointUntrue(key, a, r, { refunded, used, status, outside, codes }) {
  const alive = !refunded && !used;
  switch (key) {
    case "refund_deadline":
      // Waiting on a cancellation for the notice's unused-attempt refund (CAT-2), which has no deadline: the 5-day window decides nothing.
      if (a.reasons.some((x) => x.rule === "CAT-2" && ["LIFECYCLE_REFUND_BLOCKED_BY_BOOKING", "REFUND_AFTER_CANCELLING_RETURNS_NOTHING"].includes(x.code))) {
        return "the unused-attempt refund has no deadline";
      }
      if (a.refund.state) return ["open", "cancel_booking_first"].includes(a.refund.state) ? "" : `refund state ${a.refund.state}`;
      return a.refund.allowed || codes.has("REFUND_BLOCKED_BY_BOOKING") ? "" : "the refund is not possible";
    case "change_deadline":
      return a.booking.can_change ? "" : "the booking cannot be changed";
    case "move_by":
      return a.booking.can_change && outside ? "" : "nothing to move";
    case "check_in_by":
      return alive && status === "booked" && !outside ? "" : "no exam will be sat";
    case "ends_at":
      return !refunded && (status === "booked" || status === "taken") && !outside ? "" : "no exam will be sat";
    case "results_at": case "results_by":
      return !refunded && status !== "no_show" && !outside ? "" : "no result will come";
    case "reminder": case "valid_until": case "last_exam_day":
      return alive ? "" : "the order can no longer be used";
    case "certificate_renew_from": case "certificate_renew_by": case "certificate_valid_until":
      return !refunded && status !== "no_show" && !outside && (status === "booked" || status === "taken") ? "" : "no certificate can come from this order";
    default:
      return "";
  }
}

function training(r, a, now, codes, hit) {
  const today = chinaDate(now);
  if (a.deferral.allowed && a.deferral.deadline && a.deferral.deadline < today) hit("stale_deadline_open", "deferral allowed after its deadline");
  // A date to apply by, said after it passed.
  if (codes.has("DEFERRAL_ALLOWED") && a.deferral.act_by && a.deferral.act_by < today) hit("stale_deadline_open", "DEFERRAL_ALLOWED after its date to apply by");
  if (codes.has("TRAINING_REFUND_FULL") && a.full_refund_act_by && a.full_refund_act_by < today) hit("stale_deadline_open", "TRAINING_REFUND_FULL after its date to apply by");
  if (codes.has("TRAINING_REFUND_PARTIAL") && a.partial_refund_act_by && a.partial_refund_act_by < today) hit("stale_deadline_open", "TRAINING_REFUND_PARTIAL after its date to apply by");
  if (!codes.has("READING_WORKING_DAYS")) hit("ambiguity_unsaid", "working days counted including today");
  // A refund of an enrolment that was (or may have been) deferred rests on a reading ("一旦改期，将不可退款").
  const e = r.enrolment ?? {};
  if (a.refund.allowed && e.deferred && !codes.has("READING_NOT_OPENED_AFTER_DEFERRAL")) hit("ambiguity_unsaid", "a refund after a deferral, said as a fact");
  if (a.refund.allowed && e.deferral_used && !e.deferred && !codes.has("READING_RIGHT_USED_NOT_DEFERRED") && !codes.has("READING_NOT_OPENED_AFTER_DEFERRAL")) {
    hit("ambiguity_unsaid", "a refund with the deferral right used, said as a fact");
  }
  // Both readings of one enrolment would tell two stories (refund shown, to be confirmed / no refund left).
  if (codes.has("READING_RIGHT_USED_NOT_DEFERRED") && codes.has("READING_NOT_OPENED_AFTER_DEFERRAL")) hit("reason_field_mismatch", "two readings of one deferral");
  // The office's address beside nothing to apply for.
  if (codes.has("APPLY_BY_EMAIL") && !a.refund.allowed && !a.deferral.allowed && !codes.has("ESTIMATE_MAY_ALLOW_MORE") && !codes.has("READING_DEFERRED_RIGHT_USED")) {
    hit("next_step_not_possible", "the office's address beside no refund and no deferral");
  }
}

function certificate(r, a, now, codes, hit) {
  const today = chinaDate(now);
  if ((r.passes ?? []).some((p) => p.published_on > today)) hit("future_publication_accepted", "a pass published after today");
  if (a.status === "expired" && !("days_expired" in a)) hit("negative_days_left", `days_left ${a.days_left}`);
  if (a.renew_by && !codes.has("READING_RENEWAL_RESULTS")) hit("ambiguity_unsaid", `renew_by without the results reading (${a.status})`);
  // A date to act by, said after it passed.
  if (a.renew_by && a.renew_by < today) hit("stale_deadline_open", `renew_by ${a.renew_by} said on ${today}`);
}
