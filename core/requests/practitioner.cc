// The `practitioner` request: the 从业者 exam (PRA-1 … PRA-4).
//
// PRA-2: one purchase gives 3 attempts; a pass (70 of 100) stops further
// attempts; after 3 fails the candidate must buy again, and buying again
// while attempts remain is discouraged. PRA-3: the certificate follows CRT-1,
// the pass being published on the exam day (China date). PRA-4: never
// refundable except for a platform fault.
#include <algorithm>

#include "rules/certs/certificate.h"
#include "requests/handlers.h"

namespace certpolicy {

namespace {

struct Attempt {
  Instant taken_at;
  int score = 0;
  size_t index = 0;  // position in the request, for error paths
};

}  // namespace

std::optional<Outcome> handle_practitioner(const JsonIn& req, const Context& ctx, Issues& issues) {
  const PractitionerPolicy& p = ctx.policy.practitioner;
  auto now = read_instant(req["now"], issues);
  auto paid = now ? read_instant(req["purchase"]["paid_at"], issues) : std::nullopt;
  auto fault = paid ? read_bool(req["purchase"]["platform_fault"], issues, false) : std::nullopt;
  JsonIn list = req["attempts"];
  auto n = fault ? read_array(list, issues, static_cast<size_t>(p.attempts), true) : std::nullopt;
  if (!n) return std::nullopt;
  std::vector<Attempt> attempts;
  for (size_t k = 0; k < *n; ++k) {
    auto taken = read_instant(list[k]["taken_at"], issues);
    auto score = taken ? read_int(list[k]["score"], issues, 0, p.max_score) : std::nullopt;
    if (!score) return std::nullopt;
    if (*taken < *paid || *taken > *now) {
      issues.fail(list[k]["taken_at"].path(), detail_code::kInconsistent, "between purchase.paid_at and now");
      return std::nullopt;
    }
    attempts.push_back({*taken, static_cast<int>(*score), k});
  }
  std::stable_sort(attempts.begin(), attempts.end(),
                   [](const Attempt& a, const Attempt& b) { return a.taken_at < b.taken_at; });
  std::vector<CivilDate> passes;
  for (const Attempt& a : attempts) {
    if (!passes.empty()) {  // nothing can follow a pass
      issues.fail(list[a.index].path(), detail_code::kInconsistent, "no attempt after a pass");
      return std::nullopt;
    }
    if (a.score >= p.pass_score) passes.push_back(ctx.policy.zone.date_of(a.taken_at));
  }

  const int used = static_cast<int>(attempts.size());
  const int left = p.attempts - used;
  const bool passed = !passes.empty();
  Outcome out;
  Fields::Object f = out.fields.root();
  f.put("attempts_used", used)
      .put("attempts_left", left)
      .put("attempts_total", p.attempts)
      .put("pass_score", p.pass_score)
      .put("passed", passed)
      .put("can_take", !passed && left > 0)
      .put("must_repurchase", !passed && left == 0)
      .put("repurchase_warning", !passed && left > 0);
  f.object("refund").put("allowed", *fault);
  if (passed) {
    out.reasons.add("PRACTITIONER_PASSED", "PRA-2");
  } else if (left > 0) {
    out.reasons.add("PRACTITIONER_ATTEMPTS_LEFT", "PRA-2");
    out.reasons.add("PRACTITIONER_REPURCHASE_WARNING", "PRA-2");
  } else {
    out.reasons.add("PRACTITIONER_MUST_REPURCHASE", "PRA-2");
  }
  out.reasons.add(*fault ? "PLATFORM_FAULT_REFUND_ONLY" : "NOT_REFUNDABLE_ONCE_SOLD", "PRA-4");

  CertificateDecision cert = decide_certificate(passes, ctx.policy.zone.date_of(*now), ctx.policy.certificate);
  put_certificate(f.object("certificate"), cert);
  for (const Reason& r : cert.reasons) {
    if (r.code != "CERTIFICATE_NONE") out.reasons.add(r.code, r.rule);
  }
  return out;
}

}  // namespace certpolicy
