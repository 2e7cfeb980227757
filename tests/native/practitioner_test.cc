// PRA-2 … PRA-5 called on plain structs, without JSON: attempts, pass,
// repurchase, refund and the certificate of a pass (rules/certs/practitioner.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rule_test_util.h"
#include "rules/certs/practitioner.h"

namespace certpolicy {
namespace {

Instant at(std::string_view rfc3339) { return *parse_instant(rfc3339).value; }

PractitionerPolicy three_attempts() { return PractitionerPolicy{3, 70, 100, {}}; }

CertificatePolicy two_years() {
  CertificatePolicy c;
  c.validity.months = 24;
  c.expiring_within_days = 90;
  return c;
}

CalendarPeriod one_year() {
  CalendarPeriod p;
  p.months = 12;
  return p;
}

PractitionerDecision decide(const std::vector<PractitionerAttempt>& attempts, bool fault = false,
                            std::string_view now = "2026-03-10T10:00:00+08:00", std::string_view paid = "2026-03-01T09:00:00+08:00") {
  return decide_practitioner(attempts, fault, at(paid), at(now), kChina, three_attempts(), two_years(), one_year(), 3);
}

TEST(PRA_2, AttemptsLeftAndRepurchaseWarningUntilThePassOrTheLastFail) {
  struct {
    std::vector<int> scores;
    int left;
    bool passed, can_take, must_repurchase, warning;
  } cases[] = {
      {{}, 3, false, true, false, true},
      {{55}, 2, false, true, false, true},
      {{55, 69}, 1, false, true, false, true},
      {{55, 69, 10}, 0, false, false, true, false},
      {{69, 69, 70}, 0, true, false, false, false},  // the last attempt, exactly the pass score
      {{70}, 2, true, false, false, false},
      {{100}, 2, true, false, false, false},
  };
  for (const auto& c : cases) {
    std::vector<PractitionerAttempt> attempts;
    for (size_t k = 0; k < c.scores.size(); ++k) {
      attempts.push_back({at("2026-03-0" + std::to_string(k + 2) + "T10:00:00+08:00"), c.scores[k]});
    }
    PractitionerDecision d = decide(attempts);
    EXPECT_FALSE(d.after_pass);
    EXPECT_EQ(d.used, static_cast<int>(c.scores.size()));
    EXPECT_EQ(d.left, c.left);
    EXPECT_EQ(d.passed, c.passed);
    EXPECT_EQ(d.can_take, c.can_take);
    EXPECT_EQ(d.must_repurchase, c.must_repurchase);
    EXPECT_EQ(d.repurchase_warning, c.warning);
  }
}

TEST(PRA_2, NothingCanFollowAPassWhateverOrderTheAttemptsAreGivenIn) {
  // Given out of order: the pass (index 1) was taken first, the fail (index 0) after it.
  PractitionerDecision d = decide({{at("2026-03-05T10:00:00+08:00"), 40}, {at("2026-03-02T10:00:00+08:00"), 80}});
  ASSERT_TRUE(d.after_pass);
  EXPECT_EQ(*d.after_pass, 0u);
  // The same attempts in the other order of time are fine: a fail, then a pass.
  PractitionerDecision ok = decide({{at("2026-03-05T10:00:00+08:00"), 80}, {at("2026-03-02T10:00:00+08:00"), 40}});
  EXPECT_FALSE(ok.after_pass);
  EXPECT_TRUE(ok.passed);
}

TEST(PRA_3, ThePassIsPublishedOnTheExamDayInChinaTime) {
  // 23:30 UTC on 2026-03-04 is 07:30 on 2026-03-05 in China: valid from 2026-03-05 for two years.
  PractitionerDecision d = decide({{at("2026-03-04T23:30:00Z"), 75}});
  ASSERT_TRUE(d.certificate.valid_from);
  EXPECT_EQ(*d.certificate.valid_from, CivilDate::from_ymd(2026, 3, 5));
  EXPECT_EQ(*d.certificate.valid_until, CivilDate::from_ymd(2028, 3, 5));
  // No pass, no certificate, and no CERTIFICATE_NONE among the reasons.
  PractitionerDecision none = decide({{at("2026-03-04T10:00:00+08:00"), 10}});
  EXPECT_FALSE(none.certificate.valid_from);
  EXPECT_EQ(codes(none.reasons), (std::vector<std::string>{"PRACTITIONER_ATTEMPTS_LEFT", "READING_PRACTITIONER_USE_BY", "PRACTITIONER_REPURCHASE_WARNING",
                                                           "NOT_REFUNDABLE_ONCE_SOLD"}));
}

TEST(PRA_4, NeverRefundableExceptForAPlatformFault) {
  EXPECT_FALSE(decide({}).refund_allowed);
  PractitionerDecision fault = decide({}, true);
  EXPECT_TRUE(fault.refund_allowed);
  EXPECT_EQ(codes(fault.reasons).back(), "PLATFORM_FAULT_REFUND_ONLY");
  EXPECT_EQ(codes(decide({{at("2026-03-02T10:00:00+08:00"), 70}}).reasons).front(), "PRACTITIONER_PASSED");
}

// PRA-5 (a reading): the purchase states no validity; read as the exam orders' 12 months (EXO-2 arithmetic,
// month ends clamped), the attempts are to be used by that day, said while attempts can be taken.
TEST(PRA_5, AttemptsToBeUsedByTheExamOrdersYearWhileAttemptsCanBeTaken) {
  struct {
    const char* paid;
    const char* now;
    std::vector<int> scores;
    std::optional<CivilDate> use_by;
    const char* reason;  // nullptr: none
  } cases[] = {
      {"2026-03-01T09:00:00+08:00", "2027-03-01T23:59:59+08:00", {}, CivilDate::from_ymd(2027, 3, 1), "READING_PRACTITIONER_USE_BY"},
      {"2026-03-01T09:00:00+08:00", "2027-03-02T00:00:00+08:00", {}, CivilDate::from_ymd(2027, 3, 1), "READING_PRACTITIONER_USE_BY_PASSED"},
      {"2024-02-29T09:00:00+08:00", "2025-02-28T12:00:00+08:00", {55}, CivilDate::from_ymd(2025, 2, 28), "READING_PRACTITIONER_USE_BY"},
      {"2024-02-29T09:00:00+08:00", "2025-03-01T00:00:00+08:00", {55}, CivilDate::from_ymd(2025, 2, 28), "READING_PRACTITIONER_USE_BY_PASSED"},
      // The China date: 2026-03-01 16:30 UTC is 2026-03-02 in China.
      {"2026-03-01T16:30:00Z", "2027-03-02T12:00:00+08:00", {}, CivilDate::from_ymd(2027, 3, 2), "READING_PRACTITIONER_USE_BY"},
      {"2026-03-01T09:00:00+08:00", "2027-06-01T09:00:00+08:00", {80}, std::nullopt, nullptr},
      {"2026-03-01T09:00:00+08:00", "2027-06-01T09:00:00+08:00", {10, 20, 30}, std::nullopt, nullptr},
  };
  for (const auto& c : cases) {
    std::vector<PractitionerAttempt> attempts;
    for (size_t k = 0; k < c.scores.size(); ++k) attempts.push_back({at(c.paid) + Millis(3600000 * static_cast<int64_t>(k + 1)), c.scores[k]});
    const PractitionerDecision d = decide(attempts, false, c.now, c.paid);
    EXPECT_EQ(d.use_by, c.use_by) << c.paid << " " << c.now;
    const auto got = codes(d.reasons);
    const bool said = std::find_if(got.begin(), got.end(), [](const std::string& x) {
                        return x == "READING_PRACTITIONER_USE_BY" || x == "READING_PRACTITIONER_USE_BY_PASSED";
                      }) != got.end();
    EXPECT_EQ(said, c.reason != nullptr) << c.paid << " " << c.now;
    if (c.reason) EXPECT_NE(std::find(got.begin(), got.end(), c.reason), got.end()) << c.paid << " " << c.now;
  }
}

}  // namespace
}  // namespace certpolicy
