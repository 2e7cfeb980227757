// China working days (rules CAL-1, CAL-2, CAL-3).
//
// A WorkCalendar holds, per year, the State Council's holidays (days off)
// and makeup working days (调休上班). A year without data, or whose official
// notice is not cited, is "unverified" and says so. A year without data but
// with an estimate (its notice not yet published) counts the estimate's days
// off, every day that may be a day off, and no makeup working day, so a count
// is never more than the published schedule will give (CAL-4); a year with
// neither falls back to Monday–Friday.
//
//   cal.kind(2026-02-14) == DayKind::kMakeupWorkday   (a Saturday worked)
//   cal.count_working_days(2026-11-27, 2026-12-14) == 11   (CAL-3 example)
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class DayKind { kWeekday, kWeekend, kHoliday, kMakeupWorkday };

template <>
struct EnumNames<DayKind> {
  static constexpr std::array<std::string_view, 4> names{"weekday", "weekend", "holiday", "makeup_workday"};
};

struct YearCalendar {
  std::set<CivilDate> holidays;
  std::set<CivilDate> makeup_workdays;
  // The official notice the dates come from (title, number, where published);
  // "" when none is cited yet. A year counts as verified only with one (CAL-2).
  std::string notice;
};

// A year's days off before its notice is published (CAL-4), used only while
// the year has no data of its own: the days off the law fixes (certain), and
// the days the notices may join to them (counted off too, so a count is the
// fewest the published schedule can give).
struct YearEstimate {
  std::set<CivilDate> days_off;    // fixed by law
  std::set<CivilDate> may_be_off;  // joined to them by some notices
  std::set<CivilDate> may_be_makeup;  // weekends near them some notices may declare worked (counted off too)
  std::string basis;               // how the days were chosen (never empty)
};

struct WorkingDayCount {
  int count = 0;
  bool verified = true;  // false when a year without data or without its notice was used (CAL-2)
};

// Why a span of years is not verified (CAL-2, CAL-4): a year without data
// (Monday to Friday assumed), a year with data that cites no notice (its data
// used), a year without data counted by its estimate (the earliest dates).
struct CalendarGaps {
  bool no_data = false;
  bool uncited = false;
  bool estimated = false;
  bool any() const { return no_data || uncited || estimated; }
};

class WorkCalendar {
 public:
  void set_year(int year, YearCalendar data);
  // CAL-4: the year's estimate, counted while the year has no data.
  void set_estimate(int year, YearEstimate estimate);
  // The year has data and the official notice for it is cited (CAL-2).
  bool verified(int year) const {
    auto it = years_.find(year);
    return it != years_.end() && !it->second.notice.empty();
  }
  // Years with data, and of those the verified ones (for `policy check`).
  std::vector<int> years() const;
  // Years with an estimate, counted or not (a year with data does not use its estimate).
  std::vector<int> estimate_years() const;
  // The year has no data and counts its estimate (CAL-4).
  bool estimated(int year) const { return !has_data(year) && estimates_.count(year) != 0; }

  // CAL-1. For a year without data: its estimate's days off (CAL-4), else
  // weekday or weekend only (a year with data and no notice yet uses its data
  // and is reported unverified).
  DayKind kind(CivilDate d) const;
  bool is_working_day(CivilDate d) const {
    DayKind k = kind(d);
    return k == DayKind::kWeekday || k == DayKind::kMakeupWorkday;
  }

  // CAL-3: the number of working days d with from <= d < to (0 when to <= from).
  // `verified` is false when any year in [from, to) has no data or no notice.
  WorkingDayCount count_working_days(CivilDate from, CivilDate to) const;

  // CAL-4: the days in [from, to) an estimate counts off that a published
  // schedule may make working days (the most it may give back): the weekdays
  // the law does not fix, and the weekends that may be makeup days.
  // count_working_days(1 Feb 2027, 15 Feb 2027) is 3 by the estimate, and
  // estimated_may_work(…) is 8: 02-04, 02-05, 02-09 … 02-12 (初三 02-08 is
  // the law's) and the weekends 02-13, 02-14.
  int estimated_may_work(CivilDate from, CivilDate to) const;
  // CAL-4: the estimate counts the day off though the law does not fix it.
  bool may_be_off(CivilDate d) const;
  // CAL-4: a weekend day, counted off, that the published schedule may make a makeup working day.
  bool may_be_makeup(CivilDate d) const;

  // Every year from `from`'s through `to`'s is verified.
  bool verified_span(CivilDate from, CivilDate to) const;
  // The year has holiday data (cited or not).
  bool has_data(int year) const { return years_.count(year) != 0; }
  // What keeps the years from `from`'s through `to`'s from being verified.
  CalendarGaps gaps(CivilDate from, CivilDate to) const;

  // The latest date a (<= last_possible) whose CAL-3 count to `to` is at least
  // `n`, i.e. the last day an application is still "n working days before".
  // Walks back from `to`; returns nullopt when no such date is >= floor.
  std::optional<CivilDate> last_date_with_count_at_least(CivilDate to, int n, CivilDate floor) const;

 private:
  // Rebuilds the flat table below from years_ (after each set_year).
  void rebuild();
  // Days from 1 Jan of the first year with data or an estimate to 31 Dec of the last one:
  // the kind of each day, and the working days before it (prefix sums), so
  // a day is one index and a count is one subtraction.
  int index_of(CivilDate d) const { return static_cast<int>((d.sys_days() - table_start_).count()); }
  bool in_table(CivilDate d) const { int k = index_of(d); return k >= 0 && k < static_cast<int>(kinds_.size()); }
  // Monday–Friday days in [from, to), outside any year with data or an estimate.
  static int count_weekdays(CivilDate from, CivilDate to);

  std::map<int, YearCalendar> years_;
  std::map<int, YearEstimate> estimates_;
  std::chrono::sys_days table_start_{};
  std::vector<DayKind> kinds_;
  std::vector<std::int32_t> before_;  // size kinds_.size() + 1
};

}  // namespace certpolicy
