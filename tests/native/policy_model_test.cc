// The policy model's own lookups and measures (rules/policy_model.cc), linked
// with the rules library alone: the model's methods live behind the wall, so a
// rule can use them without the JSON reader (this test would not link if they
// were defined in policy/policy.cc again).
#include <gtest/gtest.h>

#include "rules/policy_model.h"

namespace certpolicy {
namespace {

TEST(PolicyModel, ShortestDaysOfAPeriodIsItsShortestSpanFromAnyStart) {
  // POL-2: 6 months span 181 days at their shortest (31 Aug → 28 Feb of a common year).
  EXPECT_EQ((CalendarPeriod{6, 0}).shortest_days(), 181);
  EXPECT_EQ((CalendarPeriod{12, 0}).shortest_days(), 365);
  EXPECT_EQ((CalendarPeriod{1, 0}).shortest_days(), 28);   // 31 Jan → 28 Feb
  EXPECT_EQ((CalendarPeriod{0, 10}).shortest_days(), 10);  // days are days
  EXPECT_EQ((CalendarPeriod{24, 0}).shortest_days(), 730); // CRT-1: two years, from 29 Feb clamped
}

TEST(PolicyModel, LevelNamesMapBothWays) {
  CertificatePolicy p;
  p.level_names = {{"TCA", "TCCA"}, {"TCP", "TCCP"}};
  EXPECT_EQ(p.current_level("TCA"), "TCCA");
  EXPECT_EQ(p.current_level("TCCA"), "TCCA");
  EXPECT_EQ(p.legacy_level("TCCP"), "TCP");
  EXPECT_EQ(p.legacy_level("TCP"), "TCP");
  EXPECT_EQ(p.current_level("TCE"), "");
  EXPECT_EQ(p.legacy_level("nonsense"), "");
}

TEST(PolicyModel, FindsACertificationAndAPaymentMethodByName) {
  Catalogue c;
  c.certifications.push_back({.id = "a"});
  c.certifications.push_back({.id = "b"});
  ASSERT_NE(c.find("b"), nullptr);
  EXPECT_EQ(c.find("b")->id, "b");
  EXPECT_EQ(c.find("c"), nullptr);
  ExamOrderPolicy p;
  p.payment_methods = {{"online", true}, {"voucher", false}};
  ASSERT_NE(p.method("voucher"), nullptr);
  EXPECT_FALSE(p.method("voucher")->refundable);
  EXPECT_EQ(p.method("cash"), nullptr);
}

}  // namespace
}  // namespace certpolicy
