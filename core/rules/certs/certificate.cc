#include "rules/certs/certificate.h"

#include <algorithm>

#include "requests/handlers.h"

namespace certpolicy {

const char* certificate_status_name(CertificateStatus s) {
  switch (s) {
    case CertificateStatus::kNone: return "none";
    case CertificateStatus::kActive: return "active";
    case CertificateStatus::kExpiring: return "expiring";
    case CertificateStatus::kExpired: return "expired";
  }
  return "none";
}

CertificateDecision decide_certificate(const std::vector<CivilDate>& passes, CivilDate today,
                                       const CertificatePolicy& policy) {
  CertificateDecision d;
  if (passes.empty()) {
    d.reasons.add("CERTIFICATE_NONE", "CRT-2");
    return d;
  }
  // CRT-1: the most recent pass wins, whatever order the passes came in.
  CivilDate latest = *std::max_element(passes.begin(), passes.end());
  d.valid_from = latest;
  d.valid_until = policy.validity.after(latest);
  d.days_left = days_between(today, *d.valid_until);
  d.renew_by = d.valid_until;
  d.expiring_from = add_days(*d.valid_until, -policy.expiring_within_days);
  d.electronic_only = latest >= policy.electronic_only_since;
  if (today > *d.valid_until) {
    d.status = CertificateStatus::kExpired;
    d.reasons.add("CERTIFICATE_EXPIRED", "CRT-2");
  } else if (*d.days_left <= policy.expiring_within_days) {
    d.status = CertificateStatus::kExpiring;
    d.reasons.add("CERTIFICATE_EXPIRING", "CRT-2");
  } else {
    d.status = CertificateStatus::kActive;
    d.reasons.add("CERTIFICATE_ACTIVE", "CRT-1");
  }
  if (passes.size() > 1) d.reasons.add("LATEST_PASS_COUNTS", "CRT-1");
  d.reasons.add(d.electronic_only ? "CERTIFICATE_ELECTRONIC" : "CERTIFICATE_PAPER_ERA", "CRT-3");
  return d;
}

void put_certificate(Fields::Object out, const CertificateDecision& d) {
  out.put("status", certificate_status_name(d.status))
      .put("valid_from", d.valid_from)
      .put("valid_until", d.valid_until)
      .put("days_left", d.days_left ? Value(*d.days_left) : Value(nullptr))
      .put("renew_by", d.renew_by)
      .put("expiring_from", d.expiring_from)
      .put("electronic_only", d.electronic_only);
}

std::optional<Outcome> handle_certificate(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  JsonIn passes_in = req["passes"];
  auto n = now ? read_array(passes_in, issues, kMaxListItems, true) : std::nullopt;
  if (!n) return std::nullopt;
  std::vector<CivilDate> passes;
  for (size_t k = 0; k < *n; ++k) {
    JsonIn p = passes_in[k];
    if (!read_object(p, issues)) return std::nullopt;
    auto d = read_date(p["published_on"], issues);
    if (!d) return std::nullopt;
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
  CivilDate today = ctx.policy.zone.date_of(*now);
  CertificateDecision d = decide_certificate(passes, today, ctx.policy.certificate);
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
