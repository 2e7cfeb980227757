// China working days (rules CAL-1, CAL-2, CAL-3).
//
// A WorkCalendar holds, per year, the State Council's holidays (days off)
// and makeup working days (调休上班). A year without data is "unverified":
// the calendar falls back to Monday–Friday and says so.
//
//   cal.kind(2026-02-14) == DayKind::kMakeupWorkday   (a Saturday worked)
//   cal.count_working_days(2026-11-27, 2026-12-14) == 11   (CAL-3 example)
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "civil_time.h"

namespace certpolicy {

enum class DayKind { kWeekday, kWeekend, kHoliday, kMakeupWorkday };

const char* day_kind_name(DayKind k);

struct YearCalendar {
  std::set<CivilDate> holidays;
  std::set<CivilDate> makeup_workdays;
};

struct WorkingDayCount {
  int count = 0;
  bool verified = true;  // false when a year without data was used (CAL-2)
};

class WorkCalendar {
 public:
  void set_year(int year, YearCalendar data);
  bool verified(int year) const { return years_.count(year) != 0; }

  // CAL-1. For an unverified year: weekday or weekend only.
  DayKind kind(CivilDate d) const;
  bool is_working_day(CivilDate d) const {
    DayKind k = kind(d);
    return k == DayKind::kWeekday || k == DayKind::kMakeupWorkday;
  }

  // CAL-3: the number of working days d with from <= d < to (0 when to <= from).
  // `verified` is false when any year in [from, to) has no data.
  WorkingDayCount count_working_days(CivilDate from, CivilDate to) const;

  // Every year from `from`'s through `to`'s is verified.
  bool verified_span(CivilDate from, CivilDate to) const;

  // The latest date a (<= last_possible) whose CAL-3 count to `to` is at least
  // `n`, i.e. the last day an application is still "n working days before".
  // Walks back from `to`; returns nullopt when no such date is >= floor.
  std::optional<CivilDate> last_date_with_count_at_least(CivilDate to, int n, CivilDate floor) const;

 private:
  // Rebuilds the flat table below from years_ (after each set_year).
  void rebuild();
  // Days from 1 Jan of the first year with data to 31 Dec of the last one:
  // the kind of each day, and the working days before it (prefix sums), so
  // a day is one index and a count is one subtraction.
  int index_of(CivilDate d) const { return static_cast<int>((d.sys_days() - table_start_).count()); }
  bool in_table(CivilDate d) const { int k = index_of(d); return k >= 0 && k < static_cast<int>(kinds_.size()); }
  // Monday–Friday days in [from, to) without holiday data.
  static int count_weekdays(CivilDate from, CivilDate to);

  std::map<int, YearCalendar> years_;
  std::chrono::sys_days table_start_{};
  std::vector<DayKind> kinds_;
  std::vector<std::int32_t> before_;  // size kinds_.size() + 1
};

}  // namespace certpolicy
