// The typed fast path of the Engine: an exam order decided from numbers, by
// the same composition as the `exam_order` request (rules/exam/exam_order.h).
#include "engine.h"

#include <cmath>

#include "rules/exam/exam_order.h"

namespace certpolicy {

Engine::ExamOrderFlags Engine::decide_exam_order(double paid_at_ms, double now_ms, double exam_at_ms,
                                                 int booking_status, int flow, bool refunded, int platform_fault,
                                                 int certification) const {
  ExamOrderFlags out;
  ExamOrderInput in;
  const auto paid_at = instant_from_ms(paid_at_ms), now = instant_from_ms(now_ms);
  if (!paid_at || !now) return out;  // the JSON entry says which field and why
  in.paid_at = *paid_at;
  in.now = *now;
  // The policy in force for this order at this moment (a file's dated changes).
  const Policy& p = schedule_->at(in.now, in.paid_at);
  const int entries = static_cast<int>(p.catalogue.certifications.size());
  const auto status = enum_at<BookingStatus>(booking_status);
  // flow < 0: not given, the policy's default flow (as the JSON entry reads an order without `flow`).
  const auto order_flow = flow < 0 ? std::optional<Flow>(p.exam_order.default_flow) : enum_at<Flow>(flow);
  const auto fault = enum_at<PlatformFault>(platform_fault);
  if (!status || !order_flow || !fault || certification < -1 || certification >= entries) {
    return out;  // the JSON entry says which field and why
  }
  // The exam's time: as the JSON entry reads it (NaN: not given; a cancelled booking may leave it out).
  if (*status != BookingStatus::kNone && (exam_time_required(*status) || !std::isnan(exam_at_ms))) {
    in.exam_at = instant_from_ms(exam_at_ms);
    if (!in.exam_at) return out;
  }
  in.flow = *order_flow;
  in.status = *status;
  in.refunded = refunded;
  in.fault = *fault;
  in.certification = certification < 0 ? nullptr : &p.catalogue.certifications[static_cast<size_t>(certification)];
  if (order_contradiction(in)) return out;  // as the JSON entry, which names the field
  const ExamOrderDecision d = certpolicy::decide_exam_order(in, p, Detail::kFlags);
  out.decided = true;
  out.refund = d.refund.allowed;
  out.change = d.booking.can_change;
  out.cancel = d.booking.can_cancel;
  out.book = d.booking.can_book;
  return out;
}

}  // namespace certpolicy
