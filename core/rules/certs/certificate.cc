// A certificate from the passes' result dates: valid from/until, status,
// days left, renew by (CRT-1 … CRT-4).
#include "rules/certs/certificate.h"

#include <algorithm>

namespace certpolicy {

CertificateDecision decide_certificate(const std::vector<CivilDate>& passes, CivilDate today,
                                       const CertificatePolicy& policy, int results_within_days) {
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
  d.renew_by = add_days(*d.valid_until, -results_within_days);
  d.expiring_from = add_days(*d.valid_until, -policy.expiring_within_days);
  d.electronic_only = latest >= policy.electronic_only_since;
  // Once the last exam date that surely keeps it continuous has passed, no
  // date to act by is left (expired, in its last days, or under a policy whose
  // results delay outlasts its expiring window).
  const bool renewal_passed = today > *d.renew_by;
  if (renewal_passed) d.renew_by.reset();
  if (today > *d.valid_until) {
    d.status = CertificateStatus::kExpired;
    d.days_expired = -*d.days_left;
    d.reasons.add("CERTIFICATE_EXPIRED", "CRT-2");
  } else if (*d.days_left <= policy.expiring_within_days) {
    d.status = CertificateStatus::kExpiring;
    if (renewal_passed) {
      d.reasons.add("CERTIFICATE_EXPIRING_RENEWAL_PASSED", "CRT-2");
    } else {
      d.reasons.add("CERTIFICATE_EXPIRING", "CRT-2");
    }
  } else {
    d.status = CertificateStatus::kActive;
    d.reasons.add("CERTIFICATE_ACTIVE", "CRT-1");
  }
  // The renewal date rests on the later results day wherever it is given (the card shows it while active too).
  if (d.renew_by && results_within_days > 0) d.reasons.add("READING_RENEWAL_RESULTS", "CRT-2");
  if (passes.size() > 1) d.reasons.add("LATEST_PASS_COUNTS", "CRT-1");
  d.reasons.add(d.electronic_only ? "CERTIFICATE_ELECTRONIC" : "CERTIFICATE_PAPER_ERA", "CRT-3");
  return d;
}

}  // namespace certpolicy
