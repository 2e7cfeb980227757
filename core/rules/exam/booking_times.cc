// A booked exam: the change/cancel deadline, check-in, end and results, and
// whether a new exam can be booked (EXO-1, EXO-2, EXO-5 … EXO-8).
#include "rules/exam/booking_times.h"

namespace certpolicy {

BookingDecision decide_booking(const BookingInput& in, const ExamOrderPolicy& policy,
                               const FixedZone& zone) {
  BookingDecision d;
  const bool used = in.status == BookingStatus::kTaken || in.status == BookingStatus::kNoShow;
  // EXO-1/EXO-2: one attempt per purchase, bookable only while valid.
  d.can_book = !in.order_expired && !in.refunded &&
               (in.status == BookingStatus::kNone || in.status == BookingStatus::kCancelled);
  if (in.status == BookingStatus::kCancelled) d.reasons.add("BOOKING_CANCELLED", "EXO-4");
  if (used) d.reasons.add("ONE_ATTEMPT", "EXO-1");
  if (in.status == BookingStatus::kNone || in.status == BookingStatus::kCancelled) return d;

  const FlowPolicy& flow = policy.flow(in.flow);
  d.change_deadline = in.exam_at - flow.change_window;
  d.check_in_by = in.exam_at - policy.check_in_before;
  d.ends_at = in.exam_at + policy.duration;
  switch (in.kind) {
    case ExamKind::kTheory:
      d.results_at = *d.ends_at + policy.theory_results_after_end;
      break;
    case ExamKind::kLab:
      d.results_at = zone.start_of(add_days(zone.date_of(in.exam_at), policy.lab_results_days));
      break;
    case ExamKind::kInterview:
      d.results_at =
          zone.start_of(add_days(zone.date_of(in.exam_at), policy.interview_results_days));
      break;
  }

  if (in.status == BookingStatus::kBooked) {
    const bool open = in.now <= *d.change_deadline && !in.refunded;
    d.can_change = open;
    d.can_cancel = open && flow.cancel_allowed;
    // EXO-2 first: an exam after the order's last valid day cannot be sat,
    // so no exam times are given as if it could; moving it is the advice
    // while a change is still allowed.
    if (in.valid_until && zone.date_of(in.exam_at) > *in.valid_until) {
      d.outside_validity = true;
      d.check_in_by.reset();
      d.ends_at.reset();
      d.results_at.reset();
      // Movable into the validity only while a change is allowed and the
      // validity has not ended.
      d.movable = open && !in.order_expired;
      d.reasons.add(d.movable ? "EXAM_AFTER_ORDER_EXPIRY" : "EXAM_AFTER_ORDER_EXPIRY_LOCKED", "EXO-2");
      return d;
    }
    if (open) {
      d.reasons.add(flow.cancel_allowed ? "CHANGE_WINDOW_OPEN" : "CHANGE_ONLY_WINDOW_OPEN", "EXO-5");
    } else {
      d.reasons.add("CHANGE_WINDOW_CLOSED", "EXO-5");
    }
    if (in.now <= *d.ends_at) {
      d.reasons.add("CHECK_IN", "EXO-6");
      d.reasons.add("EXAM_ENDS", "EXO-7");
    }
  }
  d.reasons.add("RESULTS_AVAILABLE", "EXO-8");
  return d;
}

}  // namespace certpolicy
