// A certification's lifecycle on a day: on sale, can be sat, retired,
// unused attempts refundable, which exam platform (CAT-1, CAT-2).
#include "rules/catalogue/catalogue.h"

#include <algorithm>

namespace certpolicy {

CertificationStatus decide_certification(const Certification& c, CivilDate today,
                                         const Catalogue& catalogue) {
  CertificationStatus s;
  if (c.on_sale_from && today < *c.on_sale_from) {
    s.status = Lifecycle::kAnnounced;
    s.reasons.add("CERT_ANNOUNCED", "CAT-2");
  } else if (c.exams_until && today > *c.exams_until) {
    s.status = Lifecycle::kRetired;
    s.reasons.add("CERT_RETIRED", "CAT-2");
  } else if (c.sale_stops_on && today >= *c.sale_stops_on) {
    s.status = Lifecycle::kSaleStopped;
    s.reasons.add("CERT_SALE_STOPPED", "CAT-2");
  } else {
    s.status = c.beta ? Lifecycle::kBeta : Lifecycle::kOnSale;
    s.reasons.add(c.beta ? "CERT_BETA" : "CERT_ON_SALE", "CAT-3");
  }
  s.purchasable = s.status == Lifecycle::kOnSale || s.status == Lifecycle::kBeta;
  s.can_sit = s.purchasable || s.status == Lifecycle::kSaleStopped;
  s.unused_attempt_refund = c.unused_attempt_refund_from && today >= *c.unused_attempt_refund_from;
  if (s.unused_attempt_refund) s.reasons.add("CERT_UNUSED_ATTEMPTS_REFUNDABLE", "CAT-2");
  if (!c.successor.empty()) s.reasons.add("CERT_SUCCESSOR", "CAT-2");
  const auto& online = catalogue.online_kinds;
  s.platform = std::find(online.begin(), online.end(), c.kind) != online.end() ? Platform::kOnline
               : today >= catalogue.prometric_from                              ? Platform::kPrometric
                                                                                : Platform::kLegacy;
  return s;
}

}  // namespace certpolicy
