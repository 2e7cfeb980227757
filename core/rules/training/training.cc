// An offline class: the refund tier by working days before the start, the
// tier dates, and the deferral (TRN-1 … TRN-5).
#include "rules/training/training.h"

#include <algorithm>

namespace certpolicy {

namespace {

// TRN-3: the reason that names the tier a percent belongs to.
const char* refund_tier_code(int percent) {
  if (percent == 100) return "TRAINING_REFUND_FULL";
  if (percent > 0) return "TRAINING_REFUND_PARTIAL";
  return "TRAINING_REFUND_NONE";
}

// How far back the tier dates are searched (a class is bought months ahead,
// not years).
constexpr int kSearchDays = 800;

}  // namespace

TrainingDecision decide_training(const TrainingInput& in, const TrainingPolicy& p,
                                 const WorkCalendar& cal) {
  TrainingDecision d;
  WorkingDayCount n = cal.count_working_days(in.today, in.class_start);  // CAL-3
  d.working_days_before = n.count;
  const CivilDate floor = add_days(in.class_start, -kSearchDays);

  // Last date of each tier: the latest day with N >= threshold + 1.
  auto last_day_with = [&](int min_count) { return cal.last_date_with_count_at_least(in.class_start, min_count, floor); };
  for (const auto& tier : p.refund_tiers) {
    d.tiers.push_back({tier.more_than_working_days, tier.percent, last_day_with(tier.more_than_working_days + 1)});
  }
  if (!d.tiers.empty()) d.full_refund_until = d.tiers[0].last_day;
  if (d.tiers.size() > 1) d.partial_refund_until = d.tiers[1].last_day;
  d.deferral_deadline = last_day_with(p.deferral_min_working_days);
  d.class_decision_on = add_days(in.class_start, -p.class_decision_days);
  d.opening_notice_on = add_days(in.class_start, -p.opening_notice_days);

  // CAL-2: every year the decision looked at.
  CivilDate earliest = in.today;
  for (const TierDay& t : d.tiers) {
    if (t.last_day && *t.last_day < earliest) earliest = *t.last_day;
  }
  if (d.deferral_deadline && *d.deferral_deadline < earliest) earliest = *d.deferral_deadline;
  d.calendar_gaps = cal.gaps(std::min(earliest, in.class_start), add_days(in.class_start, -1));
  d.calendar_verified = !d.calendar_gaps.no_data && !d.calendar_gaps.uncited;

  if (in.class_status == ClassStatus::kNotOpened) {
    // TRN-5: full refund or a free deferral.
    d.percent = 100;
    d.refund_allowed = true;
    d.deferral_allowed = true;
    d.deferral_consumes_right = false;
    d.reasons.add("CLASS_NOT_OPENED", "TRN-5");
  } else {
    // TRN-3: the first tier whose threshold N exceeds.
    d.percent = p.otherwise_percent;
    // The band after the last tier lasts until the day before the start.
    if (p.otherwise_percent > 0) d.refund_until = add_days(in.class_start, -1);
    for (const TierDay& tier : d.tiers) {
      if (n.count > tier.more_than_working_days) {
        d.percent = tier.percent;
        d.refund_until = tier.last_day;
        break;
      }
    }
    if (in.deferred) {
      d.percent = 0;  // TRN-4: once deferred, no refund
      d.refund_until.reset();
      d.reasons.add("DEFERRED_NOT_REFUNDABLE", "TRN-4");
    } else {
      d.reasons.add(refund_tier_code(d.percent), "TRN-3");
    }
    d.refund_allowed = d.percent > 0;
    // TRN-4: at least N working days before, and one right only.
    const bool in_time = n.count >= p.deferral_min_working_days;
    d.deferral_allowed = in_time && !in.deferral_used && !in.deferred;
    if (in.deferral_used || in.deferred) d.reasons.add("DEFERRAL_RIGHT_USED", "TRN-4");
    else d.reasons.add(in_time ? "DEFERRAL_ALLOWED" : "DEFERRAL_TOO_LATE", "TRN-4");
  }
  d.amount_fen = d.refund_allowed ? percent_of(in.paid_fen, d.percent) : 0;  // MNY-1
  if (in.class_status == ClassStatus::kPending && in.today <= d.class_decision_on) {
    d.reasons.add("CLASS_DECISION_DATES", "TRN-2");
  }
  d.reasons.add("APPLY_BY_EMAIL", "TRN-6");
  if (d.calendar_gaps.no_data) d.reasons.add("CALENDAR_YEAR_UNVERIFIED", "CAL-2");
  if (d.calendar_gaps.uncited) d.reasons.add("CALENDAR_YEAR_UNCITED", "CAL-2");
  return d;
}

}  // namespace certpolicy
