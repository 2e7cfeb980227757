// Offline class enrolment: cancellation refund tiers and deferral (rules
// TRN-2 … TRN-6, counting working days by CAL-3).
//
// N = working days d with today <= d < class start (China dates): today
// counts when it is a working day (CAL-3). Counted without today, every tier
// ends one calendar day earlier; that earlier day is the date to act by
// (`*_act_by`), and READING_WORKING_DAYS says which days are counted.
// TRN-3: N > 10 → 100 %; 5 < N <= 10 → 70 %; N <= 5 → 0 % (policy tiers).
// TRN-4: deferral iff N >= 5, once; after a deferral no refund.
// TRN-5: a class that does not open → full refund or a deferral that does
// not consume the right (with no deadline stated); whether the enrolment
// stays refundable after it is not stated (READING_NOT_OPENED_DEFERRAL).
#pragma once

#include <optional>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/exam/money.h"
#include "rules/policy_model.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class ClassStatus { kPending, kOpen, kNotOpened };
template <>
struct EnumNames<ClassStatus> {
  static constexpr std::array<std::string_view, 3> names{"pending", "open", "not_opened"};
};

struct TrainingInput {
  CivilDate today;
  CivilDate class_start;
  Fen paid_fen = 0;
  ClassStatus class_status = ClassStatus::kPending;
  bool deferred = false;       // this enrolment was already deferred by the candidate
  bool deferral_used = false;  // the one deferral right is spent
};

// A refund tier of the policy and its last day for this class (none when no
// day within the search reaches it).
struct TierDay {
  int more_than_working_days = 0;
  int percent = 0;
  std::optional<CivilDate> last_day, act_by;  // act_by: last_day counted without today, a day earlier
};

struct TrainingDecision {
  int working_days_before = 0;
  int working_days_excluding_today = 0;  // the same count without today
  bool refund_allowed = false;
  int percent = 0;
  Fen amount_fen = 0;
  std::vector<TierDay> tiers;  // TRN-3, the policy's tiers in order
  // The tier that applies now (or the band after the last tier, which lasts
  // until the day before the start): its last day and that day counted
  // without today (a day earlier, the date to act by); none when nothing is refunded.
  std::optional<CivilDate> refund_until, refund_act_by;
  std::optional<CivilDate> full_refund_until, partial_refund_until;  // last dates of the first two tiers
  std::optional<CivilDate> full_refund_act_by, partial_refund_act_by;  // … counted without today (a day earlier)
  bool deferral_allowed = false;
  std::optional<CivilDate> deferral_deadline, deferral_act_by;
  bool deferral_consumes_right = true;
  CivilDate class_decision_on, opening_notice_on;  // TRN-2
  bool calendar_verified = true;
  CalendarGaps calendar_gaps;  // CAL-2: why not verified
  Reasons reasons;
};

TrainingDecision decide_training(const TrainingInput& in, const TrainingPolicy& policy,
                                 const WorkCalendar& calendar);

}  // namespace certpolicy
