#include "rules/codes/exam_code.h"

#include "requests/handlers.h"
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

std::optional<Outcome> handle_exam_code(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  auto paid = now ? read_instant(req["order"]["paid_at"], issues) : std::nullopt;
  auto state = paid ? read_enum(req["code"]["state"], issues,
                                {"unused", "bound", "examined", "void", "expired", "refunded"})
                    : std::nullopt;
  auto action = state ? read_enum(req["action"], issues, {"bind", "unbind", "regenerate", "sit", "view_score"})
                      : std::nullopt;
  if (!action) return std::nullopt;
  const FixedZone& zone = ctx.policy.zone;
  OrderValidity v = decide_validity(zone.date_of(*paid), zone.date_of(*now), ctx.policy.exam_codes.validity, {});
  CodeDecision d = decide_code_action(static_cast<CodeState>(*state), v.expired, static_cast<CodeAction>(*action));

  Outcome out;
  auto name = [](std::optional<CodeState> s) {
    return s ? Value(kCodeStateNames[static_cast<int>(*s)]) : Value(nullptr);
  };
  Fields::Object f = out.fields.root();
  f.put("state", kCodeStateNames[static_cast<int>(d.state)])
      .put("action", kCodeActionNames[*action])
      .put("allowed", d.allowed)
      .put("next_state", name(d.next_state))
      .put("creates", name(d.creates));
  Fields::Array actions = f.array("actions");
  for (CodeAction a : d.actions) actions.push(kCodeActionNames[static_cast<int>(a)]);
  f.object("order").put("valid_until", v.valid_until).put("expired", v.expired);
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
