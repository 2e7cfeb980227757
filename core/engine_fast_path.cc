// The typed fast path of the Engine: an exam order decided from numbers, by
// the same composition as the `exam_order` request (rules/exam/exam_order.h).
#include <cmath>
#include <cstdint>

#include "engine.h"
#include "rules/exam/exam_order.h"

namespace certpolicy {

namespace {

// An epoch-millisecond count as an instant, when it is one the engine
// accepts (the range of every input, TIM-1).
std::optional<Instant> instant_of(double ms) {
  // Compared as a double first: a count past int64 cannot be converted.
  constexpr double kLimit = 1e17;
  if (!std::isfinite(ms) || ms < -kLimit || ms > kLimit) return std::nullopt;
  const Instant i{std::chrono::sys_time<Millis>(Millis(static_cast<std::int64_t>(std::floor(ms))))};
  if (i < kMinInstant || i > kMaxInstant) return std::nullopt;
  return i;
}

}  // namespace

Engine::ExamOrderFlags Engine::decide_exam_order(double paid_at_ms, double now_ms, double exam_at_ms,
                                                 int booking_status, int flow, bool refunded, int platform_fault,
                                                 int certification) const {
  ExamOrderFlags out;
  const Policy& p = *policy_;
  const auto paid = instant_of(paid_at_ms), now = instant_of(now_ms);
  const auto exam = booking_status == 0 ? std::optional(Instant()) : instant_of(exam_at_ms);
  const int entries = static_cast<int>(p.catalogue.certifications.size());
  if (!paid || !now || !exam || booking_status < 0 || booking_status > 4 || flow < 0 || flow > 1 ||
      platform_fault < 0 || platform_fault > 2 || (platform_fault == 2 && booking_status != 1) ||
      certification < -1 || certification >= entries) {
    return out;  // the JSON entry says which field and why
  }
  ExamOrderInput in;
  in.paid_at = *paid;
  in.now = *now;
  in.flow = static_cast<Flow>(flow);
  in.status = static_cast<BookingStatus>(booking_status);
  in.exam_at = *exam;
  in.refunded = refunded;
  in.fault = static_cast<PlatformFault>(platform_fault);
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
