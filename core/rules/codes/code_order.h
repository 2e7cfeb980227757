// An enterprise order of exam codes: its refund and its statistics
// (COD-3 … COD-5).
//
// COD-4: one refund per order; every bound code must be unbound first; the
// unused codes are what is refunded (none once the order expired, COD-3).
// COD-5: per certification, registered = bound + examined, attended =
// examined, passed; pass rate = passed / attended, none when nobody attended.
//   decide_code_order_refund(false, false, {.unused = 7, .bound = 2})
//     → allowed false (BOUND_CODES_BLOCK_REFUND), blocking 2
#pragma once

#include <array>
#include <cstdint>
#include <optional>

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
  Reasons reasons;                        // COD-3, COD-4, COD-5 in that order
};

CodeOrderDecision decide_code_order(bool already_refunded, bool order_expired, const CodeCounts& counts);

// COD-5 for one certification (or the whole order). `state` is the code's own, not its effective one.
struct CodeStats {
  std::int64_t registered = 0, attended = 0, passed = 0;
  void add(CodeState state, bool code_passed) {
    registered += state == CodeState::kBound || state == CodeState::kExamined;
    attended += state == CodeState::kExamined;
    passed += code_passed;
  }
  std::optional<double> pass_rate() const {
    if (attended == 0) return std::nullopt;
    return static_cast<double>(passed) / static_cast<double>(attended);
  }
};

}  // namespace certpolicy
