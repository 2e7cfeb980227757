// One exam order decided whole: validity → lifecycle → booking → refund →
// badges, timeline and next step (EXO-1 … EXO-10, CAT-2, CRT-1/CRT-2).
#include "rules/exam/exam_order.h"

#include <algorithm>

namespace certpolicy {

namespace {

const std::vector<int> kNoReminders;

// The booking card's state and tone (`refund_worth_it`: a refund would return money, or an unknown amount).
std::pair<BookingState, Tone> booking_badge(const ExamOrderInput& in, const BookingDecision& b, bool refund_worth_it) {
  using S = BookingState;
  if (in.refunded) return {S::kVoid, Tone::kBad};
  switch (in.status) {
    case BookingStatus::kNone:
    case BookingStatus::kCancelled:
      return b.can_book ? std::pair{S::kCanBook, Tone::kOk} : std::pair{S::kCannotBook, Tone::kBad};
    case BookingStatus::kNoShow:
      return {S::kMissed, Tone::kBad};
    case BookingStatus::kTaken:
    case BookingStatus::kBooked:
      break;
  }
  if (in.status == BookingStatus::kBooked) {
    // EXO-9: the platform's change gives the choice; its session's self-service windows are not the story.
    // With a refund of nothing (vouchers only) the session is the one choice left, as the next step says.
    if (in.fault == PlatformFault::kExamTimeChanged) return {refund_worth_it ? S::kPlatformChanged : S::kPlatformChangedSession, Tone::kWarn};
    if (b.outside_usable) return b.movable ? std::pair{S::kMustMove, Tone::kWarn} : std::pair{S::kCannotBeSat, Tone::kBad};
    if (in.fault == PlatformFault::kCentreUnavailable) return {S::kCentreMoving, Tone::kWarn};
    if (b.can_change) return {S::kBooked, Tone::kOk};
    if (b.session == Session::kAhead) return {S::kLocked, Tone::kWarn};
    if (b.session == Session::kLate) return {S::kCheckInLate, Tone::kWarn};
    if (b.session == Session::kUnderway) return {S::kCheckInClosed, Tone::kWarn};
  }
  return b.results_by && in.now < *b.results_by ? std::pair{S::kAwaitingResults, Tone::kOk} : std::pair{S::kDone, Tone::kOk};
}

// The one thing to do next, consistent with every other field: never an
// action that is not allowed now, or one that cannot lead where it says.
std::optional<Reason> next_step(const ExamOrderInput& in, const ExamOrderDecision& d, bool refund_worth_it) {
  const BookingDecision& b = d.booking;
  const Certification* c = in.certification;
  const bool booked = in.status == BookingStatus::kBooked;
  if (in.refunded || in.status == BookingStatus::kNoShow) return std::nullopt;
  if (d.refund.state == RefundState::kPlatformFault) {
    return refund_worth_it ? Reason{"NEXT_CHOOSE_REFUND_OR_SESSION", "EXO-9"} : Reason{"NEXT_TAKE_NEAREST_SESSION", "EXO-9"};
  }
  if (booked && in.fault == PlatformFault::kCentreUnavailable && !b.outside_usable) return Reason{"NEXT_AWAIT_NEW_DATE", "EXO-9"};
  if (booked && b.outside_usable && b.movable) return Reason{"NEXT_MOVE_EXAM", "EXO-2"};
  if (booked && b.session == Session::kAhead) return Reason{"NEXT_CHECK_IN", "EXO-6"};
  // EXO-6's reading: past the check-in time and up to the start, "late" may still be let in: go now.
  if (booked && b.session == Session::kLate) return Reason{"NEXT_GO_NOW", "EXO-6"};
  if ((booked || in.status == BookingStatus::kTaken) && b.ends_at && in.now > *b.ends_at && in.now < *b.results_by) {
    return Reason{"NEXT_RESULTS", "EXO-8"};
  }
  // An unused attempt the notice refunds: offered beside a booking still possible, else alone.
  const bool unused_refund = d.refund.state == RefundState::kUnusedAttempt && refund_worth_it;
  if (b.can_book) {
    if (d.refund.state == RefundState::kOpen && refund_worth_it) return Reason{"NEXT_BOOK_OR_REFUND", "EXO-4"};
    return unused_refund ? Reason{"NEXT_BOOK_OR_REQUEST_REFUND", "CAT-2"} : Reason{"NEXT_BOOK", "EXO-2"};
  }
  if (unused_refund) return Reason{"NEXT_REQUEST_REFUND", "CAT-2"};
  // Nothing can be booked any more (the certification's exams ended) while the
  // refund window is open: the refund is the one act left, said with its deadline.
  if (!booked && d.refund.state == RefundState::kOpen && refund_worth_it) return Reason{"NEXT_REFUND_BY", "EXO-4"};
  // Nothing left to do on the order: the certification that replaced it.
  const bool nothing_left = !booked || b.outside_usable;
  if (d.exams_over && nothing_left && in.status != BookingStatus::kTaken && c != nullptr && !c->successor.empty()) {
    return Reason{"NEXT_BUY_SUCCESSOR", "CAT-2"};
  }
  return std::nullopt;
}

// The dated points of the card, each only where it is true for this order,
// in time order (equal instants as listed).
// `unused_refund`: the notice refunds the unused attempt (CAT-2), with no deadline; the 5-day window then decides nothing.
std::vector<TimelinePoint> timeline(const ExamOrderInput& in, const ExamOrderDecision& d, const FixedZone& zone, bool unused_refund) {
  const BookingDecision& b = d.booking;
  const bool alive = !in.refunded && in.status != BookingStatus::kTaken && in.status != BookingStatus::kNoShow;
  const bool window = !unused_refund && (d.refund.state == RefundState::kOpen || d.refund.state == RefundState::kCancelBookingFirst ||
                                         d.refund.state == RefundState::kClosed);
  const bool held = !b.outside_usable;                       // its times are true
  const bool sat = held && in.status != BookingStatus::kNoShow;  // a missed exam's times tell nothing more
  const bool in_use = alive && !d.exams_over && !d.attempt_committed;
  const auto& cert = d.certificate_if_passed;
  // Each candidate: its key, and either an instant or a day (reached at its
  // start, or at its last millisecond when it ends something).
  struct Candidate {
    std::string_view key;
    bool wanted;
    std::optional<Instant> at;
    std::optional<CivilDate> day;
    bool day_end;
  };
  const Candidate candidates[] = {
      {"paid", true, in.paid_at, {}, false},
      {"refund_deadline", window, d.refund.deadline, {}, false},
      {"move_by", !held, b.move_by, {}, false},
      {"change_deadline", held && in.status == BookingStatus::kBooked, b.change_deadline, {}, false},
      {"check_in_by", sat, b.check_in_by, {}, false},
      {"ends_at", sat && !b.session_not_entered, b.ends_at, {}, false},
      {"results_at", held, b.results_at, {}, false},
      {"results_by", held && b.results_by != b.results_at, b.results_by, {}, false},
      {"valid_until", in_use, {}, d.validity.valid_until, true},
      {"last_exam_day", in_use && b.usable_until < d.validity.valid_until, {}, b.usable_until, true},
      {"certificate_renew_from", cert.has_value(), {}, cert ? std::optional(cert->renew_from) : std::nullopt, false},
      {"certificate_renew_by", cert.has_value() && cert->renew_by.has_value(), {}, cert ? cert->renew_by : std::nullopt, true},
      {"certificate_valid_until", cert.has_value(), {}, cert ? std::optional(cert->valid_until) : std::nullopt, true},
  };
  std::vector<TimelinePoint> t;
  t.reserve(std::size(candidates) + d.validity.reminders.size());
  auto add = [&](std::string_view key, Instant at, std::optional<CivilDate> day) {
    // Insertion in time order (a dozen points: 890 B gzip less of the package
    // than std::stable_sort afterwards; docs/DESIGN.md).
    auto it = t.end();
    while (it != t.begin() && at < (it - 1)->at) --it;
    t.insert(it, TimelinePoint{key, at, day});
  };
  for (const Candidate& c : candidates) {
    if (!c.wanted || !(c.at || c.day)) continue;
    add(c.key, c.at ? *c.at : c.day_end ? zone.start_of(add_days(*c.day, 1)) - Millis(1) : zone.start_of(*c.day), c.day);
  }
  if (in_use) {
    for (CivilDate r : d.validity.reminders) add("reminder", zone.start_of(r), r);
  }
  return t;
}

}  // namespace

std::optional<OrderContradiction> order_contradiction(const ExamOrderInput& in) {
  if (in.paid_at > in.now) return OrderContradiction{OrderField::kPaidAt, "UP_TO_NOW", "a time up to now"};
  if (in.status != BookingStatus::kNone && in.exam_at && *in.exam_at < in.paid_at) {
    return OrderContradiction{OrderField::kExamAt, "AFTER_PAYMENT", "a time after order.paid_at"};
  }
  if ((in.status == BookingStatus::kTaken || in.status == BookingStatus::kNoShow) && in.exam_at > in.now) {
    return OrderContradiction{OrderField::kExamAt, "UP_TO_NOW", "a time up to now for a taken or missed exam"};
  }
  if (in.fault == PlatformFault::kCentreUnavailable && in.status != BookingStatus::kBooked) {
    return OrderContradiction{OrderField::kPlatformFault, "WITH_A_BOOKED_EXAM", "a booked exam (booking.status booked)"};
  }
  // PRA: the 从业者 exam is bought and sat online with no booking and never refunded but for a platform fault;
  // decided as an order, it would be promised the 5-day refund (a candidate's tryout, 2026-12-07).
  if (in.certification != nullptr && in.certification->kind == "practitioner") {
    return OrderContradiction{OrderField::kCertification, "SOLD_AS_EXAM_ORDER",
                              "a certification sold as an exam order (the practitioner exam is the practitioner request)"};
  }
  // EXO-2, EXO-5: booked before buying, the order has its booking, which can be changed and never cancelled
  // (decided without it, it was promised the refund "no exam booked" allows).
  // (A session the platform changed may have been cancelled with it: EXO-9 decides that order.)
  if (in.flow == Flow::kBookThenPurchase && !in.refunded) {
    if (in.status == BookingStatus::kNone) {
      return OrderContradiction{OrderField::kBooking, "BOOKED_BEFORE_PURCHASE", "a booking (the order was booked before buying)"};
    }
    if (in.status == BookingStatus::kCancelled && in.fault != PlatformFault::kExamTimeChanged) {
      return OrderContradiction{OrderField::kBookingStatus, "BOOKED_BEFORE_PURCHASE",
                                "booked, taken or no_show (a booking made before buying is changed, never cancelled)"};
    }
  }
  return std::nullopt;
}

ExamOrderDecision decide_exam_order(const ExamOrderInput& in, const Policy& policy, Detail detail) {
  const ExamOrderPolicy& p = policy.exam_order;
  const FixedZone& zone = policy.zone;
  const CivilDate today = zone.date_of(in.now);
  const Certification* c = in.certification;
  const bool full = detail == Detail::kFull;
  ExamOrderDecision d;

  // EXO-2/EXO-3: the order's validity and its reminders.
  d.validity = decide_validity(zone.date_of(in.paid_at), today, p.flow(in.flow).validity, full ? p.reminder_days : kNoReminders);
  // CAT-2: the certification's last exam day limits the order's use.
  const std::optional<CivilDate> last_exam_day = c != nullptr ? c->exams_until : std::nullopt;
  d.exams_over = last_exam_day && today > *last_exam_day;
  // EXO-1, EXO-5 … EXO-9.
  d.booking = decide_booking({in.flow, in.status, in.exam_at.value_or(in.paid_at), in.kind, in.now, in.refunded, d.validity.valid_until,
                              last_exam_day, in.fault == PlatformFault::kCentreUnavailable,
                              in.fault == PlatformFault::kExamTimeChanged, c != nullptr && c->unused_attempt_refund_from.has_value()},
                             p, zone);
  const BookingDecision& b = d.booking;
  // EXO-4, EXO-9, CAT-2.
  const bool unused_refund = c != nullptr && c->unused_attempt_refund_from && today >= *c->unused_attempt_refund_from;
  // EXO-10: what a refund would return, when the payments are known.
  const std::optional<Fen> returnable =
      in.payments != nullptr ? std::optional<Fen>(split_refund(*in.payments, true).amount_fen) : std::nullopt;
  d.refund = decide_refund({in.paid_at, in.now, in.status, in.refunded, in.fault, b.can_cancel,
                            b.can_cancel ? b.change_deadline : std::nullopt, !b.outside_usable, unused_refund,
                            !p.flow(in.flow).cancel_allowed, returnable == Fen{0}, b.attempt_spent},
                           p.refund_window);
  // EXO-10: what comes back now.
  if (in.payments != nullptr) d.split = split_refund(*in.payments, d.refund.allowed);
  const bool refund_worth_it = in.payments == nullptr || d.split.amount_fen > 0;
  const bool cancel_first = d.refund.state == RefundState::kCancelBookingFirst;
  if (cancel_first) d.amount_after_cancelling = returnable;

  // The reasons, in the order a reader needs them.
  const bool alive = !in.refunded && in.status != BookingStatus::kTaken && in.status != BookingStatus::kNoShow;
  // A refunded order is void: its validity is not said (a tryout read "valid until …" beside "refunded").
  if (!in.refunded) d.reasons.add(d.validity.expired ? "ORDER_EXPIRED" : "ORDER_VALID", "EXO-2");
  if (c != nullptr && last_exam_day) {
    if (alive) {
      d.reasons.add(d.exams_over ? "LIFECYCLE_EXAMS_ENDED" : "LIFECYCLE_EXAMS_UNTIL", "CAT-2");
      if (d.exams_over && !d.refund.allowed && !c->unused_attempt_refund_from) d.reasons.add("LIFECYCLE_NO_REFUND_STATED", "CAT-2");
      // The notice's refund of an unused attempt, not open yet: said with the reading of when it opens, so a
      // candidate who will not sit the exam knows the refund is coming (a tryout saw only "not refundable").
      // A booking that would stand in the way then is said with its last moment to cancel (a review: the refund
      // was said to open on a day the booking could no longer be cancelled).
      if (c->unused_attempt_refund_from && !unused_refund && !b.attempt_spent) {
        const bool blocks_then = in.status == BookingStatus::kBooked && b.can_cancel && b.change_deadline && !b.outside_usable;
        d.reasons.add(blocks_then ? "READING_UNUSED_ATTEMPT_REFUND_FROM_BOOKED" : "READING_UNUSED_ATTEMPT_REFUND_FROM", "CAT-2");
      }
      if (!c->successor.empty()) d.reasons.add("LIFECYCLE_SUCCESSOR", "CAT-2");
    }
    d.reasons.add("READING_SERVICE_STOP_DATE", "CAT-2");
  }
  d.reasons.append(d.refund.reasons);
  if (d.refund.allowed) {
    if (in.payments != nullptr) d.reasons.add(refund_worth_it ? "REFUND_TO_METHODS" : "REFUND_RETURNS_NOTHING", "EXO-10");
    d.reasons.add("SUBJECT_TO_REVIEW", "EXO-10");
  }
  if (d.split.kept_non_refundable) {
    // Said once: for the terms' "full refund" the reading names what comes back.
    const bool full_refund = d.refund.state == RefundState::kPlatformFault && refund_worth_it;
    d.reasons.add(full_refund ? "READING_FULL_REFUND" : "VOUCHER_NOT_REFUNDED", full_refund ? "EXO-9" : "EXO-10");
  }
  d.reasons.append(b.reasons);

  // The badges.
  std::tie(d.booking_state, d.booking_tone) = booking_badge(in, b, refund_worth_it);
  // EXO-2: an exam sat after the order's validity rests on a reading: never green.
  if (b.sit_after_validity && d.booking_tone == Tone::kOk) d.booking_tone = Tone::kWarn;
  // Cancelling a booking for a refund of nothing (vouchers only) is no way to a refund: not warn but bad.
  d.refund_tone = !d.refund.allowed ? (cancel_first && d.amount_after_cancelling != Fen{0} ? Tone::kWarn : Tone::kBad)
                  : !refund_worth_it || (d.refund.state == RefundState::kOpen && in.status == BookingStatus::kCancelled) ? Tone::kWarn
                  : Tone::kOk;

  if (full) {
    // EXO-3: reminders only while the order holds an attempt that can still
    // be sat, and not after its last usable day.
    auto& r = d.validity.reminders;
    // Nor once a booked session can no longer be changed or cancelled (locked, late, under way): the attempt is
    // committed to it, and nothing is left to book before the order expires (a tryout saw expiry reminders and an
    // expiry alarm in the calendar of an exam under way). A session the platform changed keeps them (EXO-9's
    // nearest session is still to come).
    d.attempt_committed = b.attempt_spent || (b.session && !b.can_change && in.fault != PlatformFault::kExamTimeChanged);
    if (!alive || d.exams_over || d.attempt_committed) r.clear();
    r.erase(std::remove_if(r.begin(), r.end(), [&](CivilDate x) { return x > b.usable_until; }), r.end());
    // The certificate a pass would give: from the guide's (earlier) results
    // day, renewal by the terms' (later) results lag.
    if (b.results_at && !in.refunded) {
      const CivilDate published = zone.date_of(*b.results_at);
      // Seen on its publication day: its dates, whatever today is (a pass long ago has no renewal date left today).
      const CertificateDecision cert = decide_certificate({published}, published, policy.certificate, p.theory_results_terms_days);
      d.certificate_if_passed = ExamOrderDecision::Certificate{published, *cert.valid_until, *cert.expiring_from, cert.renew_by};
    }
    d.timeline = timeline(in, d, zone, unused_refund);
  }
  d.next_step = next_step(in, d, refund_worth_it);
  return d;
}

}  // namespace certpolicy
