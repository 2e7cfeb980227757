#include "working_days.h"

namespace certpolicy {

const char* day_kind_name(DayKind k) {
  switch (k) {
    case DayKind::kWeekday: return "weekday";
    case DayKind::kWeekend: return "weekend";
    case DayKind::kHoliday: return "holiday";
    case DayKind::kMakeupWorkday: return "makeup_workday";
  }
  return "weekday";
}

DayKind WorkCalendar::kind(CivilDate d) const {
  auto it = years_.find(d.year());
  if (it != years_.end()) {
    if (it->second.holidays.count(d) != 0) return DayKind::kHoliday;
    if (it->second.makeup_workdays.count(d) != 0) return DayKind::kMakeupWorkday;
  }
  unsigned wd = d.weekday().c_encoding();  // 0 = Sunday
  return (wd == 0 || wd == 6) ? DayKind::kWeekend : DayKind::kWeekday;
}

bool WorkCalendar::verified_span(CivilDate from, CivilDate to) const {
  for (int y = from.year(); y <= to.year(); ++y) {
    if (!verified(y)) return false;
  }
  return true;
}

WorkingDayCount WorkCalendar::count_working_days(CivilDate from, CivilDate to) const {
  WorkingDayCount r;
  if (to <= from) return r;
  r.verified = verified_span(from, add_days(to, -1));
  for (CivilDate d = from; d < to; d = add_days(d, 1)) {
    if (is_working_day(d)) ++r.count;
  }
  return r;
}

std::optional<CivilDate> WorkCalendar::last_date_with_count_at_least(CivilDate to, int n,
                                                                     CivilDate floor) const {
  // count(a, to) grows as a moves back; the answer is the n-th working day
  // before `to` (counting back), or `to - 1`'s side when n <= 0.
  if (n <= 0) return add_days(to, -1) >= floor ? std::optional(add_days(to, -1)) : std::nullopt;
  int seen = 0;
  for (CivilDate d = add_days(to, -1); d >= floor; d = add_days(d, -1)) {
    if (is_working_day(d) && ++seen == n) return d;
  }
  return std::nullopt;
}

}  // namespace certpolicy
