// An exam order's refund: the window, what blocks it, the platform's and the
// lifecycle's refunds, the amount and its split (EXO-4, EXO-9, EXO-10, CAT-2).
#include "rules/exam/refund.h"

namespace certpolicy {

RefundDecision decide_refund(const RefundInput& in, Elapsed window) {
  RefundDecision d;
  d.deadline = in.paid_at + window;
  const bool in_window = in.now <= d.deadline;  // EXO-4 (a): inclusive
  const bool booked = in.booking == BookingStatus::kBooked;
  const bool used = in.booking == BookingStatus::kTaken || in.booking == BookingStatus::kNoShow || in.attempt_spent;
  auto set = [&](RefundState s, bool allowed) {
    d.state = s;
    d.allowed = allowed;
  };

  if (in.refunded) {
    d.reasons.add("ALREADY_REFUNDED", "EXO-4");  // (c)
    set(RefundState::kRefunded, false);
    return d;
  }
  if (used) {
    d.reasons.add("REFUND_BLOCKED_EXAM_TAKEN", "EXO-4");  // taken or no-show: for good
    set(RefundState::kExamUsed, false);
    return d;
  }
  if (in.fault == PlatformFault::kExamTimeChanged) {
    d.reasons.add("PLATFORM_FAULT_REFUND", "EXO-9");
    d.reasons.add("READING_PLATFORM_CHOICE", "EXO-9");  // the terms do not say who chooses
    set(RefundState::kPlatformFault, true);
    return d;
  }
  if (in.unused_attempt_refund) {
    if (booked && in.booking_can_be_sat) {
      // Cancelling first is advice only while the booking can be cancelled (never, when booked before buying).
      d.reasons.add(!in.booking_cancellable ? "LIFECYCLE_REFUND_BOOKING_LOCKED"
                    : in.nothing_to_return ? "REFUND_AFTER_CANCELLING_RETURNS_NOTHING"
                    // A booking the centre is moving has no known date, so no known last moment to cancel it.
                    : in.fault == PlatformFault::kCentreUnavailable ? "LIFECYCLE_REFUND_BLOCKED_BY_MOVED_BOOKING"
                                                                    : "LIFECYCLE_REFUND_BLOCKED_BY_BOOKING",
                    "CAT-2");
      set(in.booking_cancellable ? RefundState::kCancelBookingFirst : RefundState::kBookingLocked, false);
      if (in.booking_cancellable && !in.nothing_to_return) d.act_by = in.cancel_by;
    } else {
      d.reasons.add("LIFECYCLE_UNUSED_ATTEMPT_REFUND", "CAT-2");
      set(RefundState::kUnusedAttempt, true);
    }
    return d;
  }
  // (b) A booked exam blocks the refund. Advice only where it can be
  // followed: inside the window, cancel first (when cancelling is allowed
  // now) or say that it cannot be; past the window, nothing more to advise.
  if (!in_window) {
    d.reasons.add("REFUND_WINDOW_CLOSED", "EXO-4");
    set(RefundState::kClosed, false);
  } else if (booked && in.booking_cancellable) {
    // The booking can be cancelled only until its change deadline: when that comes before the window's end, it is
    // the moment to act by (a tryout's countdown ran to the window's end, days after the booking locked).
    const bool cancel_first_binds = in.cancel_by && *in.cancel_by < d.deadline;
    d.reasons.add(in.nothing_to_return ? "REFUND_AFTER_CANCELLING_RETURNS_NOTHING"
                  : cancel_first_binds ? "REFUND_BLOCKED_BY_BOOKING_CANCEL_BY" : "REFUND_BLOCKED_BY_BOOKING", "EXO-4");
    // A booking the centre is moving (EXO-9) has no date yet, so no known last moment to cancel it, and the
    // documentation does not say it can be cancelled: a reading.
    if (in.fault == PlatformFault::kCentreUnavailable) d.reasons.add("READING_MOVED_BOOKING_CANCEL", "EXO-9");
    d.reasons.add("READING_CANCELLED_BOOKING", "EXO-4");
    set(RefundState::kCancelBookingFirst, false);
    if (!in.nothing_to_return) d.act_by = cancel_first_binds ? *in.cancel_by : d.deadline;
  } else if (booked) {
    d.reasons.add(in.cancel_never_allowed ? "REFUND_BLOCKED_BOOKED_BEFORE_PURCHASE" : "REFUND_BLOCKED_BOOKING_LOCKED", "EXO-4");
    set(RefundState::kBookingLocked, false);
  } else {
    d.reasons.add("REFUND_WINDOW_OPEN", "EXO-4");
    d.act_by = d.deadline;
    if (in.booking == BookingStatus::kCancelled) d.reasons.add("READING_CANCELLED_BOOKING", "EXO-4");
    set(RefundState::kOpen, true);
  }
  return d;
}

RefundSplit split_refund(const std::vector<Payment>& payments, bool allowed) {
  RefundSplit s;
  std::vector<Fen> weights;
  weights.reserve(payments.size());
  for (const Payment& p : payments) {
    weights.push_back(p.refundable ? p.amount_fen : 0);
    if (p.refundable) s.amount_fen += p.amount_fen;
    if (!p.refundable && p.amount_fen > 0) s.kept_non_refundable = true;
  }
  if (!allowed) s.amount_fen = 0;
  s.per_payment = split_proportional(s.amount_fen, weights);
  return s;
}

}  // namespace certpolicy
