// Enterprise exam codes: the state machine (rules COD-1 … COD-3).
//
// One explicit transition table (kTransitions in exam_code.cc):
//   unused   --bind-->       bound     (redeemed at registration)
//   bound    --sit-->        examined
//   bound    --unbind-->     unused    (the candidate can no longer sit it)
//   unused   --regenerate--> void      (+ a new unused code)
//   examined --view_score--> examined
// Codes expire with their order (COD-3): while the order is expired, an
// unused or bound code is effectively `expired` and allows nothing.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/decision.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class CodeState { kUnused, kBound, kExamined, kVoid, kExpired, kRefunded };
enum class CodeAction { kBind, kUnbind, kRegenerate, kSit, kViewScore };

template <>
struct EnumNames<CodeState> {
  static constexpr std::array<std::string_view, 6> names{"unused", "bound", "examined", "void", "expired", "refunded"};
};
template <>
struct EnumNames<CodeAction> {
  static constexpr std::array<std::string_view, 5> names{"bind", "unbind", "regenerate", "sit", "view_score"};
};

struct CodeTransition {
  CodeState from;
  CodeAction action;
  CodeState to;
  std::optional<CodeState> creates;  // regenerate issues a new code in this state
};

// The whole table, for pages and tests.
const std::vector<CodeTransition>& code_transitions();

// COD-3: the state a code is in once its order's validity is considered.
CodeState effective_code_state(CodeState state, bool order_expired);

struct CodeDecision {
  CodeState state;  // effective
  bool allowed = false;
  std::optional<CodeState> next_state, creates;
  std::vector<CodeAction> actions;  // allowed now, in table order
  Reasons reasons;
};

CodeDecision decide_code_action(CodeState state, bool order_expired, CodeAction action);

}  // namespace certpolicy
