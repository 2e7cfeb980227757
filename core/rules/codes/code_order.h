// An enterprise order of exam codes: its refund and its statistics
// (COD-3 … COD-5).
//
// COD-4: one refund per order: an order refunded before (`refunded`, or any
// code of it in the `refunded` state) refunds nothing more; every bound code
// must be unbound first; the unused codes are what is refunded (none once
// the order expired, COD-3).
// COD-5: per certification, registered = bound + examined, attended =
// examined, passed; an examined code without a result is counted as
// `results_unknown`, and the pass rate is passed / the attended whose result
// is known (none when no result is known).
//   decide_code_order(false, false, counts{.unused = 7, .bound = 2})
//     → allowed false (BOUND_CODES_BLOCK_REFUND), blocking 2
//   decide_code_order(false, false, counts{.unused = 7, .refunded = 3})
//     → allowed false (CODES_ALREADY_REFUNDED): the order's one refund is spent
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "rules/codes/exam_code.h"
#include "rules/decision.h"

namespace certpolicy {

// Codes by their effective state (an expired order's unused and bound codes count as expired).
struct CodeCounts {
  std::array<std::int64_t, 6> by_state{};
  std::int64_t of(CodeState s) const { return by_state[static_cast<size_t>(s)]; }
};

struct CodeOrderDecision {
  bool refund_allowed = false;
  std::int64_t refundable_codes = 0;      // the unused codes, when the refund is allowed
  std::int64_t blocking_bound_codes = 0;  // to unbind first
  Reasons reasons;                        // COD-3, COD-4 in that order (COD-5 is added by CodeStats)
};

// `already_refunded`: the request says the order was refunded. A refunded
// code says the same (its order's one refund was spent on it).
CodeOrderDecision decide_code_order(bool already_refunded, bool order_expired, const CodeCounts& counts);

// COD-5 for one certification (or the whole order). `state` is the code's own, not its effective one;
// `passed` is its result when known. `count` identical codes at once.
struct CodeStats {
  std::int64_t registered = 0, attended = 0, passed = 0, results_unknown = 0;
  void add(CodeState state, std::optional<bool> code_passed, std::int64_t count = 1) {
    const bool examined = state == CodeState::kExamined;
    registered += (state == CodeState::kBound || examined) ? count : 0;
    attended += examined ? count : 0;
    passed += code_passed.value_or(false) ? count : 0;
    results_unknown += examined && !code_passed ? count : 0;
  }
  // passed / (attended with a known result); none when no result is known.
  std::optional<double> pass_rate() const {
    const std::int64_t known = attended - results_unknown;
    if (known == 0) return std::nullopt;
    return static_cast<double>(passed) / static_cast<double>(known);
  }
  // The COD-5 sentence that fits: every result known, none known, or some.
  std::string_view reason_code() const {
    if (results_unknown == 0) return "CODE_STATISTICS";
    return results_unknown == attended ? "CODE_STATISTICS_RESULTS_UNKNOWN" : "CODE_STATISTICS_SOME_RESULTS_UNKNOWN";
  }
};

}  // namespace certpolicy
