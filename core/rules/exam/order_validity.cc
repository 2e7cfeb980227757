// An order's last valid day and its reminder dates (EXO-2, EXO-3, COD-3).
#include "rules/exam/order_validity.h"

#include <algorithm>

namespace certpolicy {

OrderValidity decide_validity(CivilDate paid_on, CivilDate today, const CalendarPeriod& validity,
                              const std::vector<int>& reminder_days_before) {
  OrderValidity v;
  // EXO-2: from the payment date to the same date N months later, inclusive.
  v.valid_until = validity.after(paid_on);
  v.expired = today > v.valid_until;
  // EXO-3: reminders N days before the last valid date, ascending.
  v.reminders.reserve(reminder_days_before.size());
  for (int days : reminder_days_before) v.reminders.push_back(add_days(v.valid_until, -days));
  std::sort(v.reminders.begin(), v.reminders.end());
  v.reminders.erase(std::unique(v.reminders.begin(), v.reminders.end()), v.reminders.end());
  return v;
}

}  // namespace certpolicy
