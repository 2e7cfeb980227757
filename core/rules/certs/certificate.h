// Certificates (rules CRT-1 … CRT-4; PRA-3 reuses them).
//
// CRT-1 valid from the publication date of the latest pass for 2 years
// (TIM-2 clamping), inclusive: published 2024-02-29 → valid until 2026-02-28.
// CRT-2 judged on the China date: active; expiring when 90 days or fewer are
// left; expired after valid_until; none without a pass. A new pass restarts
// the 2 years; to stay continuous the candidate sits the renewal exam by
// renew_by = valid_until - the longest a result may take to be published
// (EXO-8: three days by the service terms, though the guide says 30 minutes).
//   published 2024-02-29 → valid_until 2026-02-28, renew_by 2026-02-25
#pragma once

#include <optional>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/policy_model.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class CertificateStatus { kNone, kActive, kExpiring, kExpired };

template <>
struct EnumNames<CertificateStatus> {
  static constexpr std::array<std::string_view, 4> names{"none", "active", "expiring", "expired"};
};

struct CertificateDecision {
  CertificateStatus status = CertificateStatus::kNone;
  std::optional<CivilDate> valid_from, valid_until;
  std::optional<int> days_left;       // valid_until - today; negative once expired
  std::optional<int> days_expired;    // today - valid_until once expired (positive), else none
  std::optional<CivilDate> renew_by;  // last exam date that keeps it continuous; none once it has passed
  std::optional<CivilDate> expiring_from;  // first day of the `expiring` status
  bool electronic_only = false;       // CRT-3
  Reasons reasons;
};

// A result published after `today` is not passed in (the request refuses it).
CertificateDecision decide_certificate(const std::vector<CivilDate>& passes_published_on,
                                       CivilDate today, const CertificatePolicy& policy,
                                       int results_within_days);


}  // namespace certpolicy
