// Certificates (rules CRT-1 … CRT-4; PRA-3 reuses them).
//
// CRT-1 valid from the publication date of the latest pass for 2 years
// (TIM-2 clamping), inclusive: published 2024-02-29 → valid until 2026-02-28.
// CRT-2 judged on the China date: active; expiring when 90 days or fewer are
// left; expired after valid_until; none without a pass. A new pass restarts
// the 2 years; to stay continuous the candidate passes by valid_until.
#pragma once

#include <optional>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/policy_model.h"

namespace certpolicy {

enum class CertificateStatus { kNone, kActive, kExpiring, kExpired };

const char* certificate_status_name(CertificateStatus s);

struct CertificateDecision {
  CertificateStatus status = CertificateStatus::kNone;
  std::optional<CivilDate> valid_from, valid_until;
  std::optional<int> days_left;       // valid_until - today; negative once expired
  std::optional<CivilDate> renew_by;  // last exam date that keeps it continuous
  std::optional<CivilDate> expiring_from;  // first day of the `expiring` status
  bool electronic_only = false;       // CRT-3
  Reasons reasons;
};

CertificateDecision decide_certificate(const std::vector<CivilDate>& passes_published_on,
                                       CivilDate today, const CertificatePolicy& policy);


}  // namespace certpolicy
