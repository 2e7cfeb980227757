// The exam-code transition table: what an action does to a code in each
// state, and a code whose order expired (COD-1 … COD-3).
#include "rules/codes/exam_code.h"

#include "rules/exam/order_validity.h"

namespace certpolicy {

const std::vector<CodeTransition>& code_transitions() {
  static const std::vector<CodeTransition> kTransitions = {
      {CodeState::kUnused, CodeAction::kBind, CodeState::kBound, std::nullopt},
      {CodeState::kBound, CodeAction::kSit, CodeState::kExamined, std::nullopt},
      {CodeState::kBound, CodeAction::kUnbind, CodeState::kUnused, std::nullopt},
      {CodeState::kUnused, CodeAction::kRegenerate, CodeState::kVoid, CodeState::kUnused},
      {CodeState::kExamined, CodeAction::kViewScore, CodeState::kExamined, std::nullopt},
  };
  return kTransitions;
}

CodeState effective_code_state(CodeState state, bool order_expired) {
  if (order_expired && (state == CodeState::kUnused || state == CodeState::kBound)) return CodeState::kExpired;
  return state;
}

CodeDecision decide_code_action(CodeState state, bool order_expired, CodeAction action) {
  CodeDecision d;
  d.state = effective_code_state(state, order_expired);
  for (const CodeTransition& t : code_transitions()) {
    if (t.from != d.state) continue;
    d.actions.push_back(t.action);
    if (t.action == action) {
      d.allowed = true;
      d.next_state = t.to;
      d.creates = t.creates;
    }
  }
  if (d.state != state) d.reasons.add("CODE_EXPIRED_WITH_ORDER", "COD-3");
  d.reasons.add(d.allowed ? "CODE_ACTION_ALLOWED" : "CODE_ACTION_NOT_ALLOWED", "COD-2");
  return d;
}

}  // namespace certpolicy
