// A booked exam: change/cancel window, check-in, end and results (rules
// EXO-5 … EXO-8), and whether a new exam can be booked (EXO-1, EXO-2).
//
// EXO-5: change or cancel free iff now <= exam_at - window (72 h after
// "purchase then book", 10 days — change only — after "book then purchase");
// the boundary instant itself is still allowed.
// EXO-6: check_in_by = exam_at - 30 min.  EXO-7: ends_at = exam_at + 90 min.
// EXO-8: theory results 30 min after the end; lab 14 days and interview 5
// days after the exam day (00:00 China time of that day).
#pragma once

#include <optional>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/policy_model.h"
#include "rules/exam/refund.h"

namespace certpolicy {

enum class ExamKind { kTheory, kLab, kInterview };

struct BookingInput {
  Flow flow = Flow::kPurchaseThenBook;
  BookingStatus status = BookingStatus::kNone;
  Instant exam_at;  // meaningful unless status is kNone
  ExamKind kind = ExamKind::kTheory;
  Instant now;
  bool order_expired = false;
  bool refunded = false;
  // The order's last valid day (EXO-2): an exam booked after it cannot be sat.
  std::optional<CivilDate> valid_until;
};

struct BookingDecision {
  bool can_book = false;
  bool can_change = false;
  bool can_cancel = false;
  // Set when an exam is or was booked (booked, taken, no-show).
  std::optional<Instant> change_deadline, check_in_by, ends_at, results_at;
  bool outside_validity = false;  // booked for a day after the order's validity
  bool movable = false;           // … and it can still be moved into it
  Reasons reasons;
};

BookingDecision decide_booking(const BookingInput& in, const ExamOrderPolicy& policy,
                               const FixedZone& zone);

}  // namespace certpolicy
