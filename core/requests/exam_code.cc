// The `exam_code` request: reads one code's state, its order's validity and
// the action, and answers what the transition table allows (COD-1 … COD-3).
#include "requests/handlers.h"
#include "rules/codes/exam_code.h"
#include "rules/exam/order_validity.h"

namespace certpolicy {

std::optional<Outcome> handle_exam_code(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  auto paid = read_instant(req["order"]["paid_at"], issues);
  auto state = read_enum<CodeState>(req["code"]["state"], issues);
  auto action = read_enum<CodeAction>(req["action"], issues);
  if (!issues.ok()) return std::nullopt;
  if (!paid_by_now(req["order"]["paid_at"], *paid, *now, issues)) return std::nullopt;
  const FixedZone& zone = ctx.policy.zone;
  OrderValidity v = decide_validity(zone.date_of(*paid), zone.date_of(*now), ctx.policy.exam_codes.validity, {});
  CodeDecision d = decide_code_action(*state, v.expired, *action);

  Outcome out;
  auto name = [](std::optional<CodeState> s) {
    return s ? Value(name_of(*s)) : Value(nullptr);
  };
  Fields::Object f = out.fields.root();
  f.put("state", name_of(d.state))
      .put("action", name_of(*action))
      .put("allowed", d.allowed)
      .put("next_state", name(d.next_state))
      .put("creates", name(d.creates));
  Fields::Array actions = f.array("actions");
  for (CodeAction a : d.actions) actions.push(name_of(a));
  f.object("order").put("valid_until", v.valid_until).put("expired", v.expired);
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
