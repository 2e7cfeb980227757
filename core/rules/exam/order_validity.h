// Order validity and expiry reminders (rules EXO-2, EXO-3; COD-3 reuses them).
//
//   paid 2024-07-10, 12 months → valid_until 2025-07-10 (inclusive)
//   paid 2024-02-29, 24 months → valid_until 2026-02-28 (clamped, TIM-2)
//   reminders 90/60/30/15 days before valid_until, ascending.
#pragma once

#include <vector>

#include "calendar/civil_time.h"
#include "rules/policy_model.h"

namespace certpolicy {

struct OrderValidity {
  CivilDate valid_until;
  bool expired = false;  // today (China date) is after valid_until
  std::vector<CivilDate> reminders;
};

OrderValidity decide_validity(CivilDate paid_on, CivilDate today, const CalendarPeriod& validity,
                              const std::vector<int>& reminder_days_before);

}  // namespace certpolicy
