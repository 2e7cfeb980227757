// The `certificate` request: reads the passes' result dates and the level,
// answers validity, status and renewal (CRT-1 … CRT-4); the certificate's
// result fields, also written inside `practitioner`.
#include "requests/handlers.h"
#include "rules/certs/certificate.h"

namespace certpolicy {

void put_certificate(Fields::Object out, const CertificateDecision& d) {
  out.put("status", name_of(d.status))
      .put("valid_from", d.valid_from)
      .put("valid_until", d.valid_until)
      .put("days_left", d.days_left ? Value(*d.days_left) : Value(nullptr))
      .put("days_expired", d.days_expired ? Value(*d.days_expired) : Value(nullptr))
      .put("renew_by", d.renew_by)
      .put("expiring_from", d.expiring_from)
      .put("electronic_only", d.electronic_only);
}

std::optional<Outcome> handle_certificate(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  JsonIn passes_in = req["passes"];
  auto n = read_array(passes_in, issues, kMaxListItems, true);
  if (!issues.ok()) return std::nullopt;
  const CivilDate today = ctx.policy.zone.date_of(*now);
  std::vector<CivilDate> passes;
  for (size_t k = 0; k < *n; ++k) {
    JsonIn p = passes_in[k];
    if (!read_object(p, issues)) return std::nullopt;
    auto d = read_date(p["published_on"], issues);
    if (!d) return std::nullopt;
    // A result is published before it counts: a date after today is not one.
    if (*d > today) {
      issues.contradict(p["published_on"].path(), "UP_TO_TODAY", "a date up to today");
      return std::nullopt;
    }
    passes.push_back(*d);
  }
  // CRT-4: the level in its current name, the legacy name alongside.
  std::string level;
  JsonIn level_in = req["level"];
  if (level_in.present()) {
    auto name = read_string(level_in, issues, 16);
    if (!name) return std::nullopt;
    level = ctx.policy.certificate.current_level(*name);
    if (level.empty()) {
      issues.fail(level_in.path(), detail_code::kUnknownValue, "one of TCA TCP TCE TCCA TCCP TCCE");
      return std::nullopt;
    }
  }
  CertificateDecision d = decide_certificate(passes, today, ctx.policy.certificate, ctx.policy.exam_order.theory_results_terms_days);
  Outcome out;
  put_certificate(out.fields.root(), d);
  out.fields.root()
      .put("level", Value::or_null(level))
      .put("legacy_level", level.empty() ? Value(nullptr) : Value(ctx.policy.certificate.legacy_level(level)));
  out.reasons = d.reasons;
  if (!level.empty()) out.reasons.add("LEVEL_RENAMED", "CRT-4");
  return out;
}

}  // namespace certpolicy
