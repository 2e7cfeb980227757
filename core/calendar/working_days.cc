// China working days: the kind of a day (workday, weekend, holiday, makeup
// workday) and counts of working days (CAL-1 … CAL-3).
#include "calendar/working_days.h"

#include <algorithm>
#include <climits>

namespace certpolicy {

namespace {

DayKind weekday_kind(CivilDate d) {
  unsigned wd = d.weekday().c_encoding();  // 0 = Sunday
  return (wd == 0 || wd == 6) ? DayKind::kWeekend : DayKind::kWeekday;
}

bool works(DayKind k) { return k == DayKind::kWeekday || k == DayKind::kMakeupWorkday; }

}  // namespace

std::vector<int> WorkCalendar::years() const {
  std::vector<int> out;
  for (const auto& [year, data] : years_) out.push_back(year);
  return out;
}

std::vector<int> WorkCalendar::estimate_years() const {
  std::vector<int> out;
  for (const auto& [year, estimate] : estimates_) out.push_back(year);
  return out;
}

void WorkCalendar::set_year(int year, YearCalendar data) {
  years_[year] = std::move(data);
  rebuild();
}

void WorkCalendar::set_estimate(int year, YearEstimate estimate) {
  estimates_[year] = std::move(estimate);
  rebuild();
}

void WorkCalendar::rebuild() {
  kinds_.clear();
  before_.assign(1, 0);
  if (years_.empty() && estimates_.empty()) return;
  auto first_of = [](const auto& m) { return m.empty() ? INT_MAX : m.begin()->first; };
  auto last_of = [](const auto& m) { return m.empty() ? INT_MIN : m.rbegin()->first; };
  const CivilDate first = CivilDate::from_ymd(std::min(first_of(years_), first_of(estimates_)), 1, 1);
  const CivilDate end = CivilDate::from_ymd(std::max(last_of(years_), last_of(estimates_)) + 1, 1, 1);
  table_start_ = first.sys_days();
  for (CivilDate d = first; d < end; d = add_days(d, 1)) {
    DayKind k = weekday_kind(d);
    auto it = years_.find(d.year());
    if (it != years_.end()) {
      if (it->second.holidays.count(d) != 0) k = DayKind::kHoliday;
      else if (it->second.makeup_workdays.count(d) != 0) k = DayKind::kMakeupWorkday;
    } else if (auto e = estimates_.find(d.year()); e != estimates_.end() && (e->second.days_off.count(d) != 0 || e->second.may_be_off.count(d) != 0)) {
      k = DayKind::kHoliday;  // CAL-4: a day that may be off counts as off
    }
    kinds_.push_back(k);
    before_.push_back(before_.back() + (works(k) ? 1 : 0));
  }
}

int WorkCalendar::count_weekdays(CivilDate from, CivilDate to) {
  if (to <= from) return 0;
  int days = days_between(from, to);
  int count = (days / 7) * 5;  // whole weeks
  for (CivilDate d = add_days(from, (days / 7) * 7); d < to; d = add_days(d, 1)) {
    if (weekday_kind(d) == DayKind::kWeekday) ++count;
  }
  return count;
}

DayKind WorkCalendar::kind(CivilDate d) const {
  return in_table(d) ? kinds_[static_cast<size_t>(index_of(d))] : weekday_kind(d);
}

bool WorkCalendar::may_be_off(CivilDate d) const {
  auto e = estimates_.find(d.year());
  return e != estimates_.end() && estimated(d.year()) && e->second.may_be_off.count(d) != 0;
}

bool WorkCalendar::may_be_makeup(CivilDate d) const {
  auto e = estimates_.find(d.year());
  return e != estimates_.end() && estimated(d.year()) && e->second.may_be_makeup.count(d) != 0;
}

int WorkCalendar::estimated_may_work(CivilDate from, CivilDate to) const {
  int n = 0;
  for (const auto& [year, estimate] : estimates_) {
    if (!estimated(year)) continue;
    for (auto it = estimate.may_be_off.lower_bound(from); it != estimate.may_be_off.end() && *it < to; ++it) {
      if (weekday_kind(*it) == DayKind::kWeekday) ++n;
    }
    for (auto it = estimate.may_be_makeup.lower_bound(from); it != estimate.may_be_makeup.end() && *it < to; ++it) ++n;
  }
  return n;
}

bool WorkCalendar::verified_span(CivilDate from, CivilDate to) const {
  for (int y = from.year(); y <= to.year(); ++y) {
    if (!verified(y)) return false;
  }
  return true;
}

CalendarGaps WorkCalendar::gaps(CivilDate from, CivilDate to) const {
  CalendarGaps g;
  for (int y = from.year(); y <= to.year(); ++y) {
    if (estimated(y)) g.estimated = true;
    else if (!has_data(y)) g.no_data = true;
    else if (!verified(y)) g.uncited = true;
  }
  return g;
}

WorkingDayCount WorkCalendar::count_working_days(CivilDate from, CivilDate to) const {
  WorkingDayCount r;
  if (to <= from) return r;
  r.verified = verified_span(from, add_days(to, -1));
  if (kinds_.empty()) {
    r.count = count_weekdays(from, to);
    return r;
  }
  // The part before the table, the part inside (prefix sums), the part after.
  const CivilDate table_first(table_start_);
  const CivilDate table_end = add_days(table_first, static_cast<int>(kinds_.size()));
  // Each part is [from, to) clamped to it; an empty part counts nothing.
  auto clamp = [](CivilDate d, CivilDate lo, CivilDate hi) { return std::min(std::max(d, lo), hi); };
  r.count = count_weekdays(from, clamp(to, from, table_first));
  const CivilDate in_from = clamp(from, table_first, table_end), in_to = clamp(to, table_first, table_end);
  if (in_from < in_to) r.count += before_[static_cast<size_t>(index_of(in_to))] - before_[static_cast<size_t>(index_of(in_from))];
  r.count += count_weekdays(clamp(from, table_end, to), to);
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
