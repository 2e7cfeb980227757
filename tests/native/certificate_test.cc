// CRT-1 … CRT-3 on the rule itself: which reasons a set of passes gives (the
// request's answers are in tests/cases/crt_certificate.json).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rule_test_util.h"
#include "rules/certs/certificate.h"

namespace certpolicy {
namespace {

CertificatePolicy policy() {
  CertificatePolicy p;
  p.validity.months = 24;
  p.expiring_within_days = 90;
  p.electronic_only_since = D(2024, 4, 1);
  return p;
}

// CRT-1: "the latest pass counts" is said as soon as there is more than one
// pass to choose from: two passes already.
TEST(CRT_1, LatestPassCountsIsSaidFromTwoPasses) {
  const CivilDate today = D(2026, 1, 1);
  struct {
    std::vector<CivilDate> passes;
    std::vector<std::string> reasons;
  } cases[] = {
      {{D(2025, 1, 10)}, {"CERTIFICATE_ACTIVE", "CERTIFICATE_ELECTRONIC"}},
      {{D(2023, 1, 10), D(2025, 1, 10)}, {"CERTIFICATE_ACTIVE", "LATEST_PASS_COUNTS", "CERTIFICATE_ELECTRONIC"}},
      {{D(2025, 1, 10), D(2023, 1, 10)}, {"CERTIFICATE_ACTIVE", "LATEST_PASS_COUNTS", "CERTIFICATE_ELECTRONIC"}},
      {{D(2023, 1, 10), D(2024, 1, 10), D(2025, 1, 10)},
       {"CERTIFICATE_ACTIVE", "LATEST_PASS_COUNTS", "CERTIFICATE_ELECTRONIC"}},
  };
  for (const auto& c : cases) {
    const CertificateDecision d = decide_certificate(c.passes, today, policy(), 0);
    EXPECT_EQ(codes(d.reasons), c.reasons) << c.passes.size() << " passes";
    EXPECT_EQ(d.valid_from, D(2025, 1, 10));
  }
}

}  // namespace
}  // namespace certpolicy
