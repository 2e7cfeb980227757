// The `practitioner` request: reads the purchase and the attempts (each
// between the purchase and now, scores within the policy's range) and answers
// the decision of rules/certs/practitioner.h (PRA-1 … PRA-4).
#include "requests/handlers.h"
#include "rules/certs/practitioner.h"

namespace certpolicy {

bool paid_by_now(const JsonIn& field, Instant paid, Instant now, Issues& issues) {
  if (paid <= now) return true;
  issues.contradict(field.path(), "UP_TO_NOW", "a time up to now");
  return false;
}

std::optional<Outcome> handle_practitioner(const JsonIn& req, const Context& ctx, Issues& issues) {
  const PractitionerPolicy& p = ctx.policy.practitioner;
  auto now = read_instant(req["now"], issues);
  auto paid = read_instant(req["purchase"]["paid_at"], issues);
  auto fault = read_bool(req["purchase"]["platform_fault"], issues, false);
  JsonIn list = req["attempts"];
  auto n = read_array(list, issues, static_cast<size_t>(p.attempts), true);
  if (!issues.ok()) return std::nullopt;
  if (!paid_by_now(req["purchase"]["paid_at"], *paid, *now, issues)) return std::nullopt;
  std::vector<PractitionerAttempt> attempts;
  for (size_t k = 0; k < *n; ++k) {
    auto taken = read_instant(list[k]["taken_at"], issues);
    auto score = read_int(list[k]["score"], issues, 0, p.max_score);
    if (!issues.ok()) return std::nullopt;
    if (*taken < *paid || *taken > *now) {
      issues.contradict(list[k]["taken_at"].path(), "BETWEEN_PAYMENT_AND_NOW", "between purchase.paid_at and now");
      return std::nullopt;
    }
    attempts.push_back({*taken, static_cast<int>(*score)});
  }
  PractitionerDecision d = decide_practitioner(attempts, *fault, *paid, *now, ctx.policy.zone, p, ctx.policy.certificate,
                                               ctx.policy.exam_order.flow(Flow::kPurchaseThenBook).validity,
                                               ctx.policy.exam_order.theory_results_terms_days);
  if (d.after_pass) {
    issues.contradict(list[*d.after_pass].path(), "NONE_AFTER_A_PASS", "no attempt after a pass");
    return std::nullopt;
  }
  Outcome out;
  Fields::Object f = out.fields.root();
  f.put("attempts_used", d.used)
      .put("attempts_left", d.left)
      .put("attempts_total", p.attempts)
      .put("pass_score", p.pass_score)
      .put("exam_minutes", static_cast<int>(p.duration.count()))
      .put("passed", d.passed)
      .put("can_take", d.can_take)
      .put("must_repurchase", d.must_repurchase)
      .put("repurchase_warning", d.repurchase_warning)
      .put("use_by", d.use_by);
  f.object("refund").put("allowed", d.refund_allowed);
  put_certificate(f.object("certificate"), d.certificate);
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
