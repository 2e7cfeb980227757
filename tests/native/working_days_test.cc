// CAL-1 … CAL-4 on the embedded calendar data.
#include <gtest/gtest.h>

#include "engine.h"
#include "rule_test_util.h"

namespace certpolicy {
namespace {

const WorkCalendar& calendar() {
  static std::unique_ptr<Engine> engine = [] {
    std::string error;
    return Engine::create("", error);
  }();
  return engine->policy().calendar;
}

TEST(CAL_1, DayKinds) {
  struct {
    CivilDate date;
    DayKind kind;
  } cases[] = {
      {D(2026, 11, 26), DayKind::kWeekday},         // Thursday
      {D(2026, 11, 28), DayKind::kWeekend},         // Saturday
      {D(2026, 10, 1), DayKind::kHoliday},          // National Day
      {D(2026, 10, 10), DayKind::kMakeupWorkday},   // Saturday worked
      {D(2026, 2, 14), DayKind::kMakeupWorkday},    // Saturday before Spring Festival
      {D(2026, 2, 28), DayKind::kMakeupWorkday},    // Saturday after Spring Festival
      {D(2026, 1, 4), DayKind::kMakeupWorkday},     // Sunday worked
      {D(2024, 2, 10), DayKind::kHoliday},          // a Saturday that is a holiday
      {D(2025, 10, 8), DayKind::kHoliday},          // Wednesday off
      {D(2025, 9, 28), DayKind::kMakeupWorkday},    // Sunday worked
      {D(2027, 10, 1), DayKind::kHoliday},          // unpublished year, its estimate (CAL-4): National Day
      {D(2027, 10, 8), DayKind::kWeekday},          // the Friday after the estimate's 10-01 … 10-07
      {D(2027, 10, 9), DayKind::kWeekend},          // an estimate has no makeup working day
      {D(2029, 10, 8), DayKind::kWeekday},          // neither data nor an estimate: a Monday is a weekday
  };
  for (const auto& c : cases) {
    EXPECT_EQ(calendar().kind(c.date), c.kind) << format_date(c.date);
  }
}

TEST(CAL_2, YearsWithAndWithoutData) {
  EXPECT_TRUE(calendar().verified(2024));
  EXPECT_TRUE(calendar().verified(2025));
  EXPECT_TRUE(calendar().verified(2026));
  EXPECT_FALSE(calendar().verified(2027));
  EXPECT_FALSE(calendar().verified(2023));
  EXPECT_TRUE(calendar().estimated(2027));   // no notice yet: counted by its estimate (CAL-4)
  EXPECT_FALSE(calendar().estimated(2026));  // a year with data
  EXPECT_TRUE(calendar().estimated(2028));
  EXPECT_FALSE(calendar().estimated(2029));  // neither
}

// CAL-4: a year without a published notice counts its estimate's days off,
// every day that may be off, and no makeup working day; the count is never
// more than Monday to Friday's, and a year's own data replaces its estimate.
TEST(CAL_4, EstimatedYearCountsEveryDayThatMayBeOff) {
  struct {
    CivilDate date;
    DayKind kind;
  } kinds[] = {
      {D(2027, 1, 1), DayKind::kHoliday},   // 元旦, a Friday
      {D(2027, 2, 3), DayKind::kWeekday},   // the Wednesday before 腊月廿八
      {D(2027, 2, 4), DayKind::kHoliday},   // 腊月廿八 (Thursday), where 2026's block began
      {D(2027, 2, 5), DayKind::kHoliday},   // 除夕 (Friday), the estimate's first Spring Festival day
      {D(2027, 2, 8), DayKind::kHoliday},   // 正月初三, a Monday
      {D(2027, 2, 12), DayKind::kHoliday},  // 正月初七, the block's last day (Friday)
      {D(2027, 2, 15), DayKind::kWeekday},  // the Monday after
      {D(2027, 2, 20), DayKind::kWeekend},  // a Saturday the notice may make a working day is not one here
      {D(2027, 4, 5), DayKind::kHoliday},   // 清明, a Monday
      {D(2027, 5, 5), DayKind::kHoliday},   // 劳动节's block to 05-05 (Wednesday)
      {D(2027, 5, 6), DayKind::kWeekday},
      {D(2027, 6, 7), DayKind::kHoliday},   // 端午 is a Wednesday: Monday to Friday may be off
      {D(2027, 6, 11), DayKind::kHoliday},
      {D(2027, 6, 14), DayKind::kWeekday},
      {D(2027, 9, 13), DayKind::kHoliday},  // 中秋, a Wednesday, the same
      {D(2027, 9, 17), DayKind::kHoliday},
      {D(2027, 9, 20), DayKind::kWeekday},
      {D(2027, 10, 7), DayKind::kHoliday},  // 国庆's block's last day
  };
  for (const auto& c : kinds) EXPECT_EQ(calendar().kind(c.date), c.kind) << format_date(c.date);
  struct {
    CivilDate from, to;
    int count;
  } counts[] = {
      {D(2027, 1, 25), D(2027, 2, 22), 13},   // 20 Monday–Friday days less 02-04, 02-05, 02-08 … 02-12
      {D(2026, 12, 28), D(2027, 1, 4), 4},    // 2026's data (12-28 … 12-31), then 元旦 off
      {D(2027, 12, 27), D(2028, 1, 4), 5},    // 2027's last days (none off), then 2028's estimate: 01-03 given back for 元旦
      {D(2028, 1, 17), D(2028, 2, 7), 8},     // 2028: 01-17 … 01-21, then 01-24 … 02-01 off, 02-02 … 02-04
      {D(2028, 1, 1), D(2029, 1, 1), 239},    // 260 weekdays less the 21 the 2028 estimate counts off
      {D(2027, 1, 1), D(2028, 1, 1), 234},    // 261 weekdays less the 27 the estimate counts off
  };
  for (const auto& c : counts) {
    WorkingDayCount r = calendar().count_working_days(c.from, c.to);
    EXPECT_EQ(r.count, c.count) << format_date(c.from) << " .. " << format_date(c.to);
    EXPECT_FALSE(r.verified) << format_date(c.from) << " .. " << format_date(c.to);
    CalendarGaps g = calendar().gaps(c.from, add_days(c.to, -1));
    EXPECT_TRUE(g.estimated) << format_date(c.from);
  }
  // The 11th working day before a class on 2027-02-22 (the last day of the 100 % tier): 01-27, where
  // Monday to Friday would give 02-05, more than a week later than the published schedule can make it.
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2027, 2, 22), 11, D(2026, 1, 1)), D(2027, 1, 27));
  // The most a published schedule may add back: the joined weekdays 02-04, 02-05, 02-09 … 02-12 (初三 02-08 is
  // the law's: no schedule gives it back) and the weekends that may be makeup days, 02-13 and 02-14.
  EXPECT_EQ(calendar().estimated_may_work(D(2027, 2, 1), D(2027, 2, 15)), 8);
  EXPECT_EQ(calendar().count_working_days(D(2027, 2, 1), D(2027, 2, 15)).count, 3);
  EXPECT_EQ(calendar().estimated_may_work(D(2026, 12, 28), D(2027, 1, 4)), 0);   // 元旦 is the law's, 01-02/03 a weekend
  EXPECT_EQ(calendar().estimated_may_work(D(2027, 6, 7), D(2027, 6, 12)), 4);    // 端午's Monday … Friday but 06-09
  EXPECT_EQ(calendar().estimated_may_work(D(2027, 6, 7), D(2027, 6, 13)), 5);    // and Saturday 06-12, the day after
  EXPECT_FALSE(calendar().may_be_off(D(2027, 6, 9)));
  EXPECT_TRUE(calendar().may_be_off(D(2027, 6, 10)));
  // No joined weekday between 春节 and 清明; the weekends a week from either (02-20, 02-21, 03-27, 03-28) may be
  // makeup days, the others (02-27, 02-28, 03-06 … 03-21) not; the end (04-05) is not counted.
  EXPECT_EQ(calendar().estimated_may_work(D(2027, 2, 15), D(2027, 4, 5)), 4);

  // A year's own data replaces its estimate, cited or not.
  WorkCalendar cal;
  YearEstimate e;
  e.days_off = {D(2030, 1, 1), D(2030, 1, 2)};
  e.basis = "test estimate";
  cal.set_estimate(2030, e);
  EXPECT_EQ(cal.kind(D(2030, 1, 2)), DayKind::kHoliday);
  EXPECT_TRUE(cal.gaps(D(2030, 1, 1), D(2030, 1, 1)).estimated);
  YearCalendar y;
  y.holidays = {D(2030, 1, 1)};
  cal.set_year(2030, y);
  EXPECT_EQ(cal.kind(D(2030, 1, 2)), DayKind::kWeekday);
  EXPECT_FALSE(cal.estimated(2030));
  CalendarGaps g = cal.gaps(D(2030, 1, 1), D(2030, 1, 2));
  EXPECT_FALSE(g.estimated);
  EXPECT_TRUE(g.uncited);
}

TEST(CAL_3, CountsFromTheApplicationDayUpToTheStart) {
  struct {
    CivilDate from, to;
    int count;
    bool verified;
  } cases[] = {
      {D(2026, 11, 27), D(2026, 12, 14), 11, true},  // spec example (Fri)
      {D(2026, 11, 28), D(2026, 12, 14), 10, true},  // Sat
      {D(2026, 11, 30), D(2026, 12, 14), 10, true},  // Mon
      {D(2026, 12, 1), D(2026, 12, 14), 9, true},    // Tue
      {D(2026, 12, 14), D(2026, 12, 14), 0, true},   // same day
      {D(2026, 12, 15), D(2026, 12, 14), 0, true},   // after the start
      // National Day 2026: Oct 1–7 off, Sat Oct 10 worked.
      {D(2026, 9, 30), D(2026, 10, 12), 4, true},    // Sep 30, Oct 8, Oct 9, Sat Oct 10
      {D(2026, 9, 28), D(2026, 10, 9), 4, true},     // Sep 28, 29, 30, Oct 8
      // Spring Festival 2026: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked.
      {D(2026, 2, 13), D(2026, 2, 24), 2, true},     // Feb 13, Feb 14
      {D(2026, 2, 24), D(2026, 3, 2), 5, true},      // Feb 24–27 + Sat Feb 28
      {D(2026, 12, 28), D(2027, 1, 6), 6, false},    // crosses into 2027 (its estimate: 元旦 off, CAL-4)
      {D(2027, 3, 1), D(2027, 3, 8), 5, false},
      // Past the data, Monday–Friday counted by whole weeks and the days left over.
      {D(2029, 3, 7), D(2029, 3, 21), 10, false},    // Wed to Wed, two weeks
      {D(2029, 3, 7), D(2029, 3, 23), 12, false},    // and Wed, Thu
      {D(2029, 3, 9), D(2029, 3, 31), 16, false},    // Fri … Fri (three weeks and a day)
      {D(2023, 12, 1), D(2023, 12, 31), 21, false},  // before the data: December 2023 (Mon–Fri)
  };
  for (const auto& c : cases) {
    WorkingDayCount r = calendar().count_working_days(c.from, c.to);
    EXPECT_EQ(r.count, c.count) << format_date(c.from) << " .. " << format_date(c.to);
    EXPECT_EQ(r.verified, c.verified) << format_date(c.from) << " .. " << format_date(c.to);
  }
}

TEST(CAL_3, LastDateWithAtLeastNWorkingDays) {
  // Class starts Mon 2026-12-14: the last day with N >= 11 is Fri 2026-11-27.
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 11, D(2026, 1, 1)),
            D(2026, 11, 27));
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 10, D(2026, 1, 1)),
            D(2026, 11, 30));
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 10, D(2026, 12, 1)),
            std::nullopt);
  // No working day needed: the day before `to`, down to the floor itself.
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 0, D(2026, 12, 13)), D(2026, 12, 13));
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 0, D(2026, 12, 14)), std::nullopt);
  // The n-th working day back may be the floor itself (Fri 27 Nov with n = 11).
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 11, D(2026, 11, 27)), D(2026, 11, 27));
  EXPECT_EQ(calendar().last_date_with_count_at_least(D(2026, 12, 14), 11, D(2026, 11, 28)), std::nullopt);
}

// CAL-1/CAL-3 at the edges of the data: the first and the last day a year's
// data covers, and the days just outside, on a calendar whose data begins and
// ends on days off (2030: Tue 1 Jan and Tue 31 Dec off, Sat 28 Dec worked).
TEST(CAL_1, FirstAndLastCoveredDaysOfTheData) {
  WorkCalendar cal;
  YearCalendar y2030;
  y2030.holidays = {D(2030, 1, 1), D(2030, 12, 31)};
  y2030.makeup_workdays = {D(2030, 12, 28)};
  y2030.notice = "test notice";
  cal.set_year(2030, y2030);
  struct {
    CivilDate date;
    DayKind kind;
  } kinds[] = {
      {D(2029, 12, 31), DayKind::kWeekday},        // Monday before the data
      {D(2030, 1, 1), DayKind::kHoliday},          // the first covered day
      {D(2030, 12, 28), DayKind::kMakeupWorkday},  // a Saturday worked
      {D(2030, 12, 31), DayKind::kHoliday},        // the last covered day
      {D(2031, 1, 1), DayKind::kWeekday},          // Wednesday after the data
      {D(2031, 1, 4), DayKind::kWeekend},
  };
  for (const auto& c : kinds) EXPECT_EQ(cal.kind(c.date), c.kind) << format_date(c.date);
  struct {
    CivilDate from, to;
    int count;
    bool verified;
  } counts[] = {
      {D(2030, 12, 28), D(2031, 1, 1), 2, true},    // Sat 28 (worked), Mon 30; Tue 31 off
      {D(2030, 12, 31), D(2031, 1, 1), 0, true},    // the last covered day alone
      {D(2030, 12, 30), D(2031, 1, 3), 3, false},   // Mon 30, Wed 1, Thu 2 (2031: no data)
      {D(2029, 12, 31), D(2030, 1, 3), 2, false},   // Mon 31 (2029: no data), Wed 2
  };
  for (const auto& c : counts) {
    WorkingDayCount r = cal.count_working_days(c.from, c.to);
    EXPECT_EQ(r.count, c.count) << format_date(c.from) << " .. " << format_date(c.to);
    EXPECT_EQ(r.verified, c.verified) << format_date(c.from) << " .. " << format_date(c.to);
  }
  // Counting back from after the data into it: 2 Jan 2031 (Thu) ← Wed 1 Jan
  // ← (Tue 31 Dec off) Mon 30 Dec.
  EXPECT_EQ(cal.last_date_with_count_at_least(D(2031, 1, 3), 3, D(2030, 1, 1)), D(2030, 12, 30));
}

}  // namespace
}  // namespace certpolicy
