// A booked exam: change/cancel window, check-in, end and results (rules
// EXO-5 … EXO-8), and whether a new exam can be booked (EXO-1, EXO-2, CAT-2).
//
// EXO-5: change or cancel free iff now <= exam_at - window (72 h after
// "purchase then book", 10 days — change only — after "book then purchase");
// the boundary instant itself is still allowed (READING_CHANGE_BOUNDARY says
// the other reading).
// EXO-6: check_in_by = exam_at - 30 min; after it, check-in is closed.
// EXO-7: ends_at = exam_at + 90 min.
// EXO-8: theory results 30 min after the end (the guide, results_at) and at
// the latest three days after the exam day (service terms 3.8, results_by);
// lab 14 days and interview 5 days after the exam day (00:00 China time).
// An exam is sat on the order only on a day up to `usable_until` (the order's
// last valid day, or the certification's last exam day when earlier).
#pragma once

#include <optional>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/policy_model.h"
#include "rules/exam/refund.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class ExamKind { kTheory, kLab, kInterview };
template <>
struct EnumNames<ExamKind> {
  static constexpr std::array<std::string_view, 3> names{"theory", "lab", "interview"};
};

struct BookingInput {
  Flow flow = Flow::kPurchaseThenBook;
  BookingStatus status = BookingStatus::kNone;
  Instant exam_at;  // meaningful for booked, taken and no_show (read only for those)
  ExamKind kind = ExamKind::kTheory;
  Instant now;
  bool refunded = false;
  // The order's last valid day (EXO-2) and, with a certification whose exams
  // end, its last exam day (CAT-2): an exam after either cannot be sat.
  CivilDate valid_until;
  std::optional<CivilDate> last_exam_day;
  // EXO-9: the test centre cannot hold the booked session; it is moved.
  bool centre_unavailable = false;
  // EXO-9: Tencent Cloud changed the exam time; the candidate chooses a refund or the nearest session, so a
  // closed change window forfeits nothing (its "not attending forfeits the fee" is not said), and a closed
  // check-in is said without the forfeit (CHECK_IN_CLOSED_PLATFORM_CHANGED).
  bool time_changed_by_platform = false;
  // CAT-2: the certification's notice refunds an unused attempt, so cancelling a booking can lead to a refund.
  bool cancel_refunds = false;
};

// Where a booked session stands at `now` (EXO-6, EXO-7), decided once for the sentences, the badge and the next
// step: check-in ahead (up to check_in_by, inclusive); past the check-in time but not past the start (up to
// exam_at, inclusive: "late" may count from either, EXO-6's reading); underway (to ends_at, inclusive); over.
enum class Session { kAhead, kLate, kUnderway, kOver };

struct BookingDecision {
  bool can_book = false;
  bool can_change = false;
  bool can_cancel = false;
  bool change_only = false;  // the order's flow lets a booking be changed, never cancelled (EXO-5, the policy's flow)
  CivilDate usable_until;  // the last day an exam can be sat on the order
  // Set when an exam is or was booked (booked, taken, no-show) and the times
  // are still true (not for a refunded order, a moved session, an exam that
  // cannot be sat; no results for a missed exam).
  std::optional<Instant> change_deadline, check_in_by, ends_at, results_at, results_by;
  bool outside_usable = false;    // booked for a day after usable_until
  bool movable = false;           // … and it can still be moved into it
  std::optional<Instant> move_by;  // … by then: the earlier of the change deadline and the end of usable_until
                                   // (not for a time the platform set: EXO-9 gives its refund or nearest session)
  bool session_not_entered = false;  // EXO-9: the platform's changed session, started unentered: no end or results
  std::optional<Session> session;    // a booked session with its times (not moved, not outside the usable days)
  // The booked session is over and was not the platform's changed one: it was sat (its results awaited), so the
  // order's one attempt is spent, as a taken one's is (no expiry reminders, no refund of an unused attempt).
  bool attempt_spent = false;
  // EXO-2: booked after the order's validity, no longer movable into it, the exam still held: sat all the same
  // (EXAM_AFTER_ORDER_EXPIRY_SIT, with the reading READING_SIT_AFTER_ORDER_EXPIRY); its badge is never green.
  bool sit_after_validity = false;
  Reasons reasons;
};

BookingDecision decide_booking(const BookingInput& in, const ExamOrderPolicy& policy,
                               const FixedZone& zone);

}  // namespace certpolicy
