// COD-3 … COD-5 for an exam-code order, called on plain structs without
// JSON: the refund and the statistics (rules/codes/code_order.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/codes/code_order.h"

namespace certpolicy {
namespace {

std::vector<std::string> codes(const Reasons& reasons) {
  std::vector<std::string> out;
  for (const Reason& r : reasons) out.emplace_back(r.code);
  return out;
}

CodeCounts counts(std::int64_t unused, std::int64_t bound, std::int64_t examined = 0) {
  CodeCounts c;
  c.by_state[static_cast<size_t>(CodeState::kUnused)] = unused;
  c.by_state[static_cast<size_t>(CodeState::kBound)] = bound;
  c.by_state[static_cast<size_t>(CodeState::kExamined)] = examined;
  return c;
}

TEST(COD_4, OneRefundOfTheUnusedCodesOnceNoCodeIsBound) {
  struct {
    bool refunded, expired;
    CodeCounts counts;
    bool allowed;
    std::int64_t refundable, blocking;
    std::vector<std::string> reasons;
  } cases[] = {
      {false, false, counts(7, 0, 3), true, 7, 0, {"CODE_ORDER_VALID", "UNUSED_CODES_REFUNDABLE", "CODE_STATISTICS"}},
      {false, false, counts(7, 1), false, 0, 1, {"CODE_ORDER_VALID", "BOUND_CODES_BLOCK_REFUND", "CODE_STATISTICS"}},
      {false, false, counts(0, 0, 5), false, 0, 0, {"CODE_ORDER_VALID", "NO_UNUSED_CODES", "CODE_STATISTICS"}},
      {false, false, counts(0, 2), false, 0, 2, {"CODE_ORDER_VALID", "BOUND_CODES_BLOCK_REFUND", "NO_UNUSED_CODES", "CODE_STATISTICS"}},
      {true, false, counts(7, 0), false, 0, 0, {"CODE_ORDER_VALID", "ORDER_ALREADY_REFUNDED", "CODE_STATISTICS"}},
      // COD-3: after the order's last day nothing is refunded (its unused codes count as expired).
      {false, true, counts(0, 0), false, 0, 0, {"CODE_ORDER_EXPIRED", "CODES_EXPIRED_WITH_ORDER", "CODE_STATISTICS"}},
  };
  for (const auto& c : cases) {
    CodeOrderDecision d = decide_code_order(c.refunded, c.expired, c.counts);
    EXPECT_EQ(d.refund_allowed, c.allowed);
    EXPECT_EQ(d.refundable_codes, c.refundable);
    EXPECT_EQ(d.blocking_bound_codes, c.blocking);
    EXPECT_EQ(codes(d.reasons), c.reasons);
  }
}

TEST(COD_5, RegisteredAttendedPassedAndThePassRate) {
  CodeStats s;
  EXPECT_FALSE(s.pass_rate());  // nobody attended: no rate, not 0
  s.add(CodeState::kUnused, false);
  s.add(CodeState::kBound, false);
  s.add(CodeState::kExamined, true);
  s.add(CodeState::kExamined, false);
  s.add(CodeState::kExamined, true);
  s.add(CodeState::kVoid, false);
  EXPECT_EQ(s.registered, 4);
  EXPECT_EQ(s.attended, 3);
  EXPECT_EQ(s.passed, 2);
  ASSERT_TRUE(s.pass_rate());
  EXPECT_DOUBLE_EQ(*s.pass_rate(), 2.0 / 3.0);
}

}  // namespace
}  // namespace certpolicy
