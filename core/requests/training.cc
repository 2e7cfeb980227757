// The `training` request: reads an offline-class enrolment and answers the
// refund tier, its dates and the deferral (TRN-1 … TRN-5).
#include "requests/handlers.h"
#include "rules/training/training.h"

namespace certpolicy {

std::optional<Outcome> handle_training(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  JsonIn e = req["enrolment"];
  if (!now || !read_object(e, issues)) return std::nullopt;
  auto start = read_date(e["class_start"], issues);
  auto paid = read_int(e["paid_fen"], issues, 0, kMaxFen);
  auto status = read_enum<ClassStatus>(e["class_status"], issues, ClassStatus{}, ClassStatus::kPending);
  auto deferred = read_bool(e["deferred"], issues, false);
  auto used = read_bool(e["deferral_used"], issues, false);
  // When the enrolment was paid: it picks the terms of a policy with dated changes (engine.cc).
  const auto paid_at = e["paid_at"].present() ? read_instant(e["paid_at"], issues) : std::nullopt;
  if (!issues.ok()) return std::nullopt;
  if (paid_at && !paid_by_now(e["paid_at"], *paid_at, *now, issues)) return std::nullopt;

  TrainingInput in{ctx.policy.zone.date_of(*now), *start, *paid, *status,
                   *deferred, *used};
  TrainingDecision d = decide_training(in, ctx.policy.training, ctx.policy.calendar);
  Outcome out;
  Fields::Object f = out.fields.root();
  f.put("today", in.today)
      .put("class_start", in.class_start)
      .put("working_days_before", d.working_days_before)
      .put("working_days_excluding_today", d.working_days_excluding_today)
      .put("full_refund_until", d.full_refund_until)
      .put("full_refund_act_by", d.full_refund_act_by)
      .put("partial_refund_until", d.partial_refund_until)
      .put("partial_refund_act_by", d.partial_refund_act_by)
      .put("class_decision_on", d.class_decision_on)
      .put("opening_notice_on", d.opening_notice_on)
      .put("apply_to", ctx.policy.training.office_email)
      .put("calendar_verified", d.calendar_verified);
  f.object("refund")
      .put("allowed", d.refund_allowed)
      .put("percent", d.percent)
      .put("amount_fen", d.amount_fen)
      .put("act_by", d.refund_act_by)
      .put("until", d.refund_until);
  // Every tier of the policy in force, with its last day for this class (the pages' bands and words).
  Fields::Array tiers = f.array("refund_tiers");
  for (const TierDay& t : d.tiers) {
    tiers.object()
        .put("more_than_working_days", t.more_than_working_days)
        .put("percent", t.percent)
        .put("last_day", t.last_day)
        .put("act_by", t.act_by);
  }
  f.put("refund_otherwise_percent", ctx.policy.training.otherwise_percent);
  f.object("deferral")
      .put("allowed", d.deferral_allowed)
      .put("deadline", d.deferral_deadline)
      .put("act_by", d.deferral_act_by)
      .put("consumes_right", d.deferral_consumes_right);
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
