// The typed fast path of the Engine: an exam order decided from numbers, by
// the same composition as the `exam_order` request (rules/exam/exam_order.h).
#include <cstdint>

#include "engine.h"
#include "rules/exam/exam_order.h"

namespace certpolicy {

namespace {

// An epoch-millisecond count as an instant in `out`, when it is one the
// engine accepts (the range of every input, TIM-1); false otherwise.
bool instant_of(double ms, Instant& out) {
  // Compared as a double first: a count past int64 cannot be converted.
  constexpr double kLimit = 1e17;
  if (!(ms >= -kLimit && ms <= kLimit)) return false;  // also NaN
  // Rounded down (a fraction of a millisecond is truncated, as in the text forms).
  auto whole = static_cast<std::int64_t>(ms);
  if (static_cast<double>(whole) > ms) --whole;
  out = Instant(std::chrono::sys_time<Millis>(Millis(whole)));
  return out >= kMinInstant && out <= kMaxInstant;
}

}  // namespace

Engine::ExamOrderFlags Engine::decide_exam_order(double paid_at_ms, double now_ms, double exam_at_ms,
                                                 int booking_status, int flow, bool refunded, int platform_fault,
                                                 int certification) const {
  ExamOrderFlags out;
  const Policy& p = *policy_;
  ExamOrderInput in;
  const int entries = static_cast<int>(p.catalogue.certifications.size());
  const auto status = enum_at<BookingStatus>(booking_status);
  const auto order_flow = enum_at<Flow>(flow);
  const auto fault = enum_at<PlatformFault>(platform_fault);
  if (!status || !order_flow || !fault || !instant_of(paid_at_ms, in.paid_at) || !instant_of(now_ms, in.now) ||
      (*status != BookingStatus::kNone && !instant_of(exam_at_ms, in.exam_at)) ||
      (*fault == PlatformFault::kCentreUnavailable && *status != BookingStatus::kBooked) ||
      certification < -1 || certification >= entries) {
    return out;  // the JSON entry says which field and why
  }
  in.flow = *order_flow;
  in.status = *status;
  in.refunded = refunded;
  in.fault = *fault;
  in.certification = certification < 0 ? nullptr : &p.catalogue.certifications[static_cast<size_t>(certification)];
  const ExamOrderDecision d = certpolicy::decide_exam_order(in, p, Detail::kFlags);
  out.decided = true;
  out.refund = d.refund.allowed;
  out.change = d.booking.can_change;
  out.cancel = d.booking.can_cancel;
  out.book = d.booking.can_book;
  return out;
}

}  // namespace certpolicy
