// PRA-2 … PRA-4 called on plain structs, without JSON: attempts, pass,
// repurchase, refund and the certificate of a pass (rules/certs/practitioner.h).
#include <gtest/gtest.h>

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

PractitionerDecision decide(const std::vector<PractitionerAttempt>& attempts, bool fault = false,
                            std::string_view now = "2026-03-10T10:00:00+08:00") {
  return decide_practitioner(attempts, fault, at(now), kChina, three_attempts(), two_years());
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
  EXPECT_EQ(codes(none.reasons), (std::vector<std::string>{"PRACTITIONER_ATTEMPTS_LEFT", "PRACTITIONER_REPURCHASE_WARNING",
                                                           "NOT_REFUNDABLE_ONCE_SOLD"}));
}

TEST(PRA_4, NeverRefundableExceptForAPlatformFault) {
  EXPECT_FALSE(decide({}).refund_allowed);
  PractitionerDecision fault = decide({}, true);
  EXPECT_TRUE(fault.refund_allowed);
  EXPECT_EQ(codes(fault.reasons).back(), "PLATFORM_FAULT_REFUND_ONLY");
  EXPECT_EQ(codes(decide({{at("2026-03-02T10:00:00+08:00"), 70}}).reasons).front(), "PRACTITIONER_PASSED");
}

}  // namespace
}  // namespace certpolicy
