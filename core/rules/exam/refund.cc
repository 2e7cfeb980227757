// An exam order's refund: the window, what blocks it, the amount and its
// split (EXO-4, EXO-9, EXO-10).
#include "rules/exam/refund.h"

namespace certpolicy {

RefundDecision decide_refund(const RefundInput& in, Elapsed window) {
  RefundDecision d;
  d.deadline = in.paid_at + window;
  const bool in_window = in.now <= d.deadline;  // EXO-4 (a): inclusive
  const bool booked = in.booking == BookingStatus::kBooked;
  const bool used = in.booking == BookingStatus::kTaken || in.booking == BookingStatus::kNoShow;

  if (in.refunded) {
    d.reasons.add("ALREADY_REFUNDED", "EXO-4");  // (c)
    return d;
  }
  if (used) {
    d.reasons.add("REFUND_BLOCKED_EXAM_TAKEN", "EXO-4");  // taken or no-show: for good
    return d;
  }
  if (in.platform_fault) {
    d.allowed = true;
    d.reasons.add("PLATFORM_FAULT_REFUND", "EXO-9");
    return d;
  }
  d.reasons.add(in_window ? "REFUND_WINDOW_OPEN" : "REFUND_WINDOW_CLOSED", "EXO-4");
  // (b) A booked exam blocks the refund. Advice only where it can be
  // followed: inside the window, cancel first (when cancelling is allowed
  // now) or say that it cannot be; past the window, nothing more to advise.
  if (booked && in_window) {
    d.reasons.add(in.booking_cancellable ? "REFUND_BLOCKED_BY_BOOKING" : "REFUND_BLOCKED_BOOKING_LOCKED", "EXO-4");
  }
  d.allowed = in_window && !booked;
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
