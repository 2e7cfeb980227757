// An offline class: the refund tier by working days before the start, the
// tier dates, and the deferral (TRN-1 … TRN-5).
#include "rules/training/training.h"

#include <algorithm>

#include "rules/calendar_reasons.h"

namespace certpolicy {

namespace {

// TRN-3: the reason that names the tier a percent belongs to; on the tier's
// last day counted with today (a day past its date to act by), the one that
// says it is the last day only if today counts.
const char* refund_tier_code(int percent, bool disputed_last_day) {
  if (percent > 0 && disputed_last_day) return "TRAINING_REFUND_LAST_DAY_DISPUTED";
  if (percent == 100) return "TRAINING_REFUND_FULL";
  if (percent > 0) return "TRAINING_REFUND_PARTIAL";
  return "TRAINING_REFUND_NONE";
}

// A date counted with today, counted without: one calendar day earlier.
std::optional<CivilDate> day_before(const std::optional<CivilDate>& d) {
  return d ? std::optional(add_days(*d, -1)) : std::nullopt;
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
  d.working_days_excluding_today = cal.count_working_days(add_days(in.today, 1), in.class_start).count;
  const CivilDate floor = add_days(in.class_start, -kSearchDays);

  // Last date of each tier: the latest day with N >= threshold + 1.
  auto last_day_with = [&](int min_count) { return cal.last_date_with_count_at_least(in.class_start, min_count, floor); };
  for (const auto& tier : p.refund_tiers) {
    const auto last = last_day_with(tier.more_than_working_days + 1);
    d.tiers.push_back({tier.more_than_working_days, tier.percent, last, day_before(last)});
  }
  if (!d.tiers.empty()) d.full_refund_until = d.tiers[0].last_day;
  if (d.tiers.size() > 1) d.partial_refund_until = d.tiers[1].last_day;
  d.deferral_deadline = last_day_with(p.deferral_min_working_days);
  // N counted without today is N(d + 1): each last day, counted so, is a day earlier.
  d.full_refund_act_by = day_before(d.full_refund_until);
  d.partial_refund_act_by = day_before(d.partial_refund_until);
  d.deferral_act_by = day_before(d.deferral_deadline);
  d.class_decision_on = add_days(in.class_start, -p.class_decision_days);
  d.opening_notice_on = add_days(in.class_start, -p.opening_notice_days);

  // CAL-2: every year the decision looked at.
  CivilDate earliest = in.today;
  for (const TierDay& t : d.tiers) {
    if (t.act_by && *t.act_by < earliest) earliest = *t.act_by;
  }
  if (d.deferral_act_by && *d.deferral_act_by < earliest) earliest = *d.deferral_act_by;
  d.calendar_gaps = cal.gaps(std::min(earliest, in.class_start), add_days(in.class_start, -1));
  d.calendar_verified = !d.calendar_gaps.any();

  // What the office may still grant beyond the answer's flags: a share or deferral an estimated calendar may
  // allow (CAL-4), a deferral right counted used that the office may find kept (READING_DEFERRED_RIGHT_USED).
  bool office_may_grant = false;
  if (in.class_status == ClassStatus::kNotOpened) {
    // TRN-5: full refund or a free deferral, with no deadline stated for it.
    d.percent = 100;
    d.refund_allowed = true;
    d.deferral_allowed = true;
    d.deferral_consumes_right = false;
    d.deferral_deadline.reset();
    d.deferral_act_by.reset();
    d.reasons.add("CLASS_NOT_OPENED", "TRN-5");
    // TRN-5 reading: deferred before (the candidate's own deferral), "一旦改期，将不可退款" and the not-opened
    // class's "申请退款" disagree; the refund is shown, subject to the office (a candidate's tryout).
    // (The right used without this enrolment marked deferred: it may be the deferred one, the same reading.)
    if (in.deferred || in.deferral_used) d.reasons.add("READING_NOT_OPENED_AFTER_DEFERRAL", "TRN-5");
    // TRN-2: "did not open" before the day that is announced is an early notice or the wrong choice.
    // Taken as given (full refund, no deadline), the answer says how to see a class that goes ahead.
    if (in.today < d.class_decision_on) d.reasons.add("NOT_OPENED_BEFORE_NOTICE", "TRN-2");
    d.reasons.add("READING_NOT_OPENED_DEFERRAL", "TRN-5");
  } else {
    // TRN-3: the first tier whose threshold a count of working days exceeds (none: the band after the last).
    auto tier_for = [&](int count) -> const TierDay* {
      for (const TierDay& tier : d.tiers) {
        if (count > tier.more_than_working_days) return &tier;
      }
      return nullptr;
    };
    auto percent_for = [&](int count) { const TierDay* t = tier_for(count); return t ? t->percent : p.otherwise_percent; };
    d.percent = percent_for(n.count);
    if (const TierDay* tier = tier_for(n.count)) {
      d.refund_until = tier->last_day;
      d.refund_act_by = tier->act_by;
    } else if (p.otherwise_percent > 0) {
      // The band after the last tier lasts until the day before the start
      // (no tier boundary to count: its date to act by is the same day).
      d.refund_until = d.refund_act_by = add_days(in.class_start, -1);
    }
    // The class has begun (today is its first day or later): no working day is left before it, and the
    // answer says so instead of "0 working days before the start" and "too late to defer".
    const bool started = in.today >= in.class_start && d.percent == 0;
    if (in.deferred) {
      d.percent = 0;  // TRN-4: once deferred, no refund
      d.refund_until.reset();
      d.refund_act_by.reset();
      d.reasons.add("DEFERRED_NOT_REFUNDABLE", "TRN-4");
    } else {
      d.reasons.add(started ? "CLASS_STARTED" : refund_tier_code(d.percent, d.refund_act_by && in.today > *d.refund_act_by), "TRN-3");
    }
    d.refund_allowed = d.percent > 0;
    // TRN-4: at least N working days before, and one right only.
    const bool in_time = n.count >= p.deferral_min_working_days;
    // TRN-4 decision: a deferred enrolment's right is counted as used (a deferral the candidate asked for uses
    // it, as `deferred` means in the API); the reading is said, since a deferral because the class did not
    // open would not have used it (TRN-5).
    d.deferral_allowed = in_time && !in.deferral_used && !in.deferred;
    // CAL-4: N counted by an estimate is the fewest the published schedule can
    // give. Where the count with every day it may make a working day (a joined
    // weekday, a makeup weekend) would give a higher share or a deferral, the
    // answer says the refusal may not stand: apply today anyway.
    bool may_allow_more = false, deferral_may_be_in_time = false;
    if (d.calendar_gaps.estimated && !in.deferred) {
      const int most = n.count + cal.estimated_may_work(in.today, in.class_start);
      deferral_may_be_in_time = !in_time && most >= p.deferral_min_working_days && !in.deferral_used;
      may_allow_more = percent_for(most) > d.percent || deferral_may_be_in_time;
    }
    if (in.deferral_used || in.deferred) {
      // The one right is used (or counted so): there is no date to apply by, so none is stated.
      d.deferral_deadline.reset();
      d.deferral_act_by.reset();
      d.reasons.add(in.deferral_used ? "DEFERRAL_RIGHT_USED" : "READING_DEFERRED_RIGHT_USED", "TRN-4");
    }
    else if (!in_time) {
      // A class that began has CLASS_STARTED, which says no deferral is left.
      if (!started) d.reasons.add(deferral_may_be_in_time ? "DEFERRAL_TOO_LATE_BY_ESTIMATE" : "DEFERRAL_TOO_LATE", "TRN-4");
    }
    else d.reasons.add(in.today > *d.deferral_act_by ? "DEFERRAL_LAST_DAY_DISPUTED" : "DEFERRAL_ALLOWED", "TRN-4");
    if (may_allow_more) d.reasons.add("ESTIMATE_MAY_ALLOW_MORE", "CAL-4");
    office_may_grant = may_allow_more || (in.deferred && !in.deferral_used);
  }
  d.amount_fen = d.refund_allowed ? percent_of(in.paid_fen, d.percent) : 0;  // MNY-1
  // TRN-4 reading: the right used but this enrolment not deferred; were it the deferred one, no refund is left.
  if (d.refund_allowed && in.deferral_used && !in.deferred && in.class_status != ClassStatus::kNotOpened) {
    d.reasons.add("READING_RIGHT_USED_NOT_DEFERRED", "TRN-4");
  }
  if (in.class_status == ClassStatus::kPending && in.today <= d.class_decision_on) {
    d.reasons.add("CLASS_DECISION_DATES", "TRN-2");
  }
  d.reasons.add("READING_WORKING_DAYS", "CAL-3");
  // TRN-6: where to apply, while there is something to apply for (a tryout read the address under "no refund,
  // no deferral any more").
  if (d.refund_allowed || d.deferral_allowed || office_may_grant) d.reasons.add("APPLY_BY_EMAIL", "TRN-6");
  add_calendar_gaps(d.calendar_gaps, d.reasons);
  return d;
}

}  // namespace certpolicy
