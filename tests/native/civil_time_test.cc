// TIM-1, TIM-2: parsing, the zone bridge, calendar arithmetic.
#include <gtest/gtest.h>

#include "calendar/civil_time.h"
#include "rule_test_util.h"

namespace certpolicy {
namespace {

struct InstantCase {
  const char* text;
  const char* china;  // formatted in +08:00, or nullptr when refused
  TimeParseError error;
};

TEST(TIM_1, ParsesAnyOffsetAndFormatsInChinaTime) {
  const InstantCase cases[] = {
      {"2026-11-26T10:00:00+08:00", "2026-11-26T10:00:00+08:00", {}},
      {"2026-11-26T02:00:00Z", "2026-11-26T10:00:00+08:00", {}},
      {"2026-11-26T02:00:00z", "2026-11-26T10:00:00+08:00", {}},
      {"2026-11-26t11:00:00+09:00", "2026-11-26T10:00:00+08:00", {}},
      {"2026-11-26 10:00:00+08:00", "2026-11-26T10:00:00+08:00", {}},
      {"2026-11-25T21:30:00-04:30", "2026-11-26T10:00:00+08:00", {}},
      {"2026-11-26T10:00:00.5+08:00", "2026-11-26T10:00:00.500+08:00", {}},
      {"2026-11-26T10:00:00.123456789Z", "2026-11-26T18:00:00.123+08:00", {}},
      {"2026-12-31T16:00:00Z", "2027-01-01T00:00:00+08:00", {}},  // crosses the year in China
      {"2024-02-29T23:59:59+08:00", "2024-02-29T23:59:59+08:00", {}},
      {"2026-02-29T10:00:00+08:00", nullptr, TimeParseError::kImpossibleDate},
      {"2026-02-30T10:00:00+08:00", nullptr, TimeParseError::kImpossibleDate},
      {"2026-13-01T10:00:00+08:00", nullptr, TimeParseError::kImpossibleDate},
      {"2026-04-31T10:00:00+08:00", nullptr, TimeParseError::kImpossibleDate},
      {"2026-11-26T24:00:00+08:00", nullptr, TimeParseError::kImpossibleTime},
      {"2026-11-26T23:60:00+08:00", nullptr, TimeParseError::kImpossibleTime},
      {"2026-11-26T23:59:60+08:00", nullptr, TimeParseError::kImpossibleTime},
      {"2026-11-26T10:00:00", nullptr, TimeParseError::kMissingOffset},
      {"2026-11-26", nullptr, TimeParseError::kMissingOffset},
      {"2026-11-26T10:00:00+24:00", nullptr, TimeParseError::kBadOffset},
      {"2026-11-26T10:00:00+0800", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00+08:00", nullptr, TimeParseError::kSyntax},
      {"1969-12-31T23:59:59Z", nullptr, TimeParseError::kYearOutOfRange},
      {"2200-01-01T00:00:00Z", nullptr, TimeParseError::kYearOutOfRange},
      {"20261126T100000Z", nullptr, TimeParseError::kSyntax},
      {"", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00:00.+08:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00:00+08:00 ", nullptr, TimeParseError::kSyntax},
      // Every field is digits, every separator where it belongs.
      {"2026-1a-26T10:00:00+08:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T1a:00:00+08:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00:0/+08:00", nullptr, TimeParseError::kSyntax},   // '/' is just below '0'
      {"2026-11-26T10:00::0+08:00", nullptr, TimeParseError::kSyntax},   // ':' is just above '9'
      {"2026-11-26X10:00:00+08:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10-00:00+08:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00-00+08:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00:00+08-00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00:00+0a:00", nullptr, TimeParseError::kSyntax},
      {"2026-11-26T10:00:00+08:0", nullptr, TimeParseError::kSyntax},
      // Offsets up to ±23:59, each part at its edge.
      {"2026-11-26T10:00:00+23:59", "2026-11-25T18:01:00+08:00", {}},
      {"2026-11-26T10:00:00-23:59", "2026-11-27T17:59:00+08:00", {}},
      {"2026-11-26T10:00:00+23:00", "2026-11-25T19:00:00+08:00", {}},
      {"2026-11-26T10:00:00+05:59", "2026-11-26T12:01:00+08:00", {}},
      {"2026-11-26T10:00:00+00:60", nullptr, TimeParseError::kBadOffset},
      {"2026-11-26T10:00:00-23:60", nullptr, TimeParseError::kBadOffset},
  };
  for (const auto& c : cases) {
    auto r = parse_instant(c.text);
    if (c.china != nullptr) {
      ASSERT_TRUE(r) << c.text;
      EXPECT_EQ(kChina.format(*r.value), c.china) << c.text;
    } else {
      EXPECT_FALSE(r) << c.text;
      EXPECT_EQ(r.error, c.error) << c.text;
    }
  }
}

TEST(TIM_1, DateOfAnInstantIsTheChinaDate) {
  struct {
    const char* instant;
    CivilDate date;
  } cases[] = {
      {"2026-11-26T15:59:59Z", D(2026, 11, 26)},
      {"2026-11-26T16:00:00Z", D(2026, 11, 27)},  // midnight in China
      {"2026-11-27T00:30:00+09:00", D(2026, 11, 26)},
      {"2024-02-28T16:00:00Z", D(2024, 2, 29)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(kChina.date_of(*parse_instant(c.instant).value), c.date) << c.instant;
  }
  EXPECT_EQ(kChina.format(kChina.start_of(D(2026, 3, 1))), "2026-03-01T00:00:00+08:00");
  EXPECT_EQ(kChina.format(kChina.at(D(2026, 3, 1), 9, 30, 0)), "2026-03-01T09:30:00+08:00");
}

TEST(TIM_1, StrictDates) {
  EXPECT_EQ(format_date(*parse_date("2024-02-29").value), "2024-02-29");
  EXPECT_EQ(parse_date("2025-02-29").error, TimeParseError::kImpossibleDate);
  EXPECT_EQ(parse_date("2025-2-28").error, TimeParseError::kSyntax);
  EXPECT_EQ(parse_date("2025-02-28T00:00:00Z").error, TimeParseError::kSyntax);
  EXPECT_EQ(parse_date("0999-01-01").error, TimeParseError::kYearOutOfRange);
  // A character that is not a digit where digits belong: a syntax error,
  // never read as a number (a month "1a" is not month 59 or month 0).
  for (const char* text : {"2026-1a-26", "2026-11-2x", "202a-11-26", "2026-0:-26", "2026-1/-26", "2026-11-26 ", "2026/11/26"}) {
    EXPECT_EQ(parse_date(text).error, TimeParseError::kSyntax) << text;
  }
}

TEST(TIM_2, MonthsClampToTheMonthEnd) {
  struct {
    CivilDate from;
    int months;
    CivilDate to;
  } cases[] = {
      {D(2024, 7, 10), 12, D(2025, 7, 10)},  // the source's example
      {D(2024, 2, 29), 24, D(2026, 2, 28)},
      {D(2024, 2, 29), 12, D(2025, 2, 28)},
      {D(2024, 2, 29), 48, D(2028, 2, 29)},
      {D(2025, 8, 31), 6, D(2026, 2, 28)},
      {D(2027, 8, 31), 6, D(2028, 2, 29)},
      {D(2026, 1, 31), 1, D(2026, 2, 28)},
      {D(2026, 3, 31), 1, D(2026, 4, 30)},
      {D(2026, 12, 31), 12, D(2027, 12, 31)},
      {D(2026, 7, 31), 6, D(2027, 1, 31)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(add_months(c.from, c.months), c.to) << format_date(c.from) << " + " << c.months;
  }
}

TEST(TIM_2, DaysAreElapsedTwentyFourHours) {
  Instant paid = *parse_instant("2026-03-01T23:30:00+08:00").value;
  EXPECT_EQ(kChina.format(paid + std::chrono::hours(5 * 24)), "2026-03-06T23:30:00+08:00");
  EXPECT_EQ(add_days(D(2024, 2, 28), 1), D(2024, 2, 29));
  EXPECT_EQ(add_days(D(2026, 12, 31), 1), D(2027, 1, 1));
  EXPECT_EQ(days_between(D(2026, 1, 1), D(2027, 1, 1)), 365);
  EXPECT_EQ(days_between(D(2024, 1, 1), D(2025, 1, 1)), 366);
}

}  // namespace
}  // namespace certpolicy
