// COD-3 … COD-5 for an exam-code order, called on plain structs without
// JSON: the refund and the statistics (rules/codes/code_order.h).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "rule_test_util.h"
#include "rules/codes/code_order.h"

namespace certpolicy {
namespace {

CodeCounts counts(std::int64_t unused, std::int64_t bound, std::int64_t examined = 0, std::int64_t refunded = 0) {
  CodeCounts c;
  c.by_state[static_cast<size_t>(CodeState::kUnused)] = unused;
  c.by_state[static_cast<size_t>(CodeState::kBound)] = bound;
  c.by_state[static_cast<size_t>(CodeState::kExamined)] = examined;
  c.by_state[static_cast<size_t>(CodeState::kRefunded)] = refunded;
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
      {false, false, counts(7, 0, 3), true, 7, 0, {"CODE_ORDER_VALID", "UNUSED_CODES_REFUNDABLE"}},
      // Unused codes waiting on a bound one: the reading applied is named (it may bind only a code to be refunded).
      {false, false, counts(7, 1), false, 0, 1, {"CODE_ORDER_VALID", "BOUND_CODES_BLOCK_REFUND", "READING_BOUND_CODES_BLOCK_REFUND"}},
      {false, false, counts(0, 0, 5), false, 0, 0, {"CODE_ORDER_VALID", "NO_UNUSED_CODES"}},
      {false, false, counts(0, 2), false, 0, 2, {"CODE_ORDER_VALID", "BOUND_CODES_BLOCK_REFUND", "NO_UNUSED_CODES"}},
      {true, false, counts(7, 0), false, 0, 0, {"CODE_ORDER_VALID", "ORDER_ALREADY_REFUNDED"}},
      // 每笔订单仅支持退款一次: one refunded code is the order's refund, spent.
      {false, false, counts(7, 0, 0, 1), false, 0, 0, {"CODE_ORDER_VALID", "CODES_ALREADY_REFUNDED"}},
      {false, false, counts(0, 3, 0, 5), false, 0, 3, {"CODE_ORDER_VALID", "CODES_ALREADY_REFUNDED"}},
      {true, false, counts(0, 0, 0, 5), false, 0, 0, {"CODE_ORDER_VALID", "ORDER_ALREADY_REFUNDED"}},
      {false, true, counts(0, 0, 0, 2), false, 0, 0, {"CODE_ORDER_EXPIRED", "CODES_ALREADY_REFUNDED"}},
      // COD-3: after the order's last day nothing is refunded (its unused codes count as expired).
      {false, true, counts(0, 0), false, 0, 0, {"CODE_ORDER_EXPIRED", "CODES_EXPIRED_WITH_ORDER"}},
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
  s.add(CodeState::kUnused, std::nullopt);
  s.add(CodeState::kBound, std::nullopt);
  s.add(CodeState::kExamined, true);
  s.add(CodeState::kExamined, false);
  s.add(CodeState::kExamined, true);
  s.add(CodeState::kVoid, std::nullopt);
  EXPECT_EQ(s.registered, 4);
  EXPECT_EQ(s.attended, 3);
  EXPECT_EQ(s.passed, 2);
  EXPECT_EQ(s.results_unknown, 0);
  ASSERT_TRUE(s.pass_rate());
  EXPECT_DOUBLE_EQ(*s.pass_rate(), 2.0 / 3.0);
  EXPECT_EQ(s.reason_code(), "CODE_STATISTICS");
}

TEST(COD_5, AnExaminedCodeWithoutAResultIsUnknownNotFailed) {
  CodeStats none;
  none.add(CodeState::kExamined, std::nullopt, 4);
  none.add(CodeState::kBound, std::nullopt, 2);
  EXPECT_EQ(none.registered, 6);
  EXPECT_EQ(none.attended, 4);
  EXPECT_EQ(none.passed, 0);
  EXPECT_EQ(none.results_unknown, 4);
  EXPECT_FALSE(none.pass_rate());  // unknown, not 0 %
  EXPECT_EQ(none.reason_code(), "CODE_STATISTICS_RESULTS_UNKNOWN");

  CodeStats some;
  some.add(CodeState::kExamined, std::nullopt, 3);
  some.add(CodeState::kExamined, true, 1);
  some.add(CodeState::kExamined, false, 1);
  EXPECT_EQ(some.attended, 5);
  EXPECT_EQ(some.results_unknown, 3);
  ASSERT_TRUE(some.pass_rate());
  EXPECT_DOUBLE_EQ(*some.pass_rate(), 0.5);  // of the two whose result is known
  EXPECT_EQ(some.reason_code(), "CODE_STATISTICS_SOME_RESULTS_UNKNOWN");
}

TEST(COD_5, CountAddsThatManyIdenticalCodes) {
  CodeStats once, counted;
  for (int k = 0; k < 7; ++k) once.add(CodeState::kExamined, k % 2 == 0);
  counted.add(CodeState::kExamined, true, 4);
  counted.add(CodeState::kExamined, false, 3);
  EXPECT_EQ(once.registered, counted.registered);
  EXPECT_EQ(once.attended, counted.attended);
  EXPECT_EQ(once.passed, counted.passed);
  EXPECT_EQ(once.results_unknown, counted.results_unknown);
}

}  // namespace
}  // namespace certpolicy
