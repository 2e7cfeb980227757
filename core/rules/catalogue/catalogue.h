// The certification catalogue and its lifecycle (rules CAT-1 … CAT-3, CRT-4 names).
//
// For a certification and a China date:
//   status  announced (before on_sale_from) · on_sale · beta · sale_stopped
//           (existing buyers may still sit it until exams_until) · retired
//   purchasable  status is on_sale or beta
//   can_sit      an existing buyer may still take the exam that day
//   unused_attempt_refund  unused attempts can be refunded (from a date)
#pragma once

#include <string_view>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/policy_model.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class Lifecycle { kAnnounced, kOnSale, kBeta, kSaleStopped, kRetired };

// Where the exam is sat that day (CAT-2): the previous platform, Prometric (from prometric_from), or online at any
// time from the certification's page (its kind's own guide: the practitioner exam).
enum class Platform { kLegacy, kPrometric, kOnline };

template <>
struct EnumNames<Lifecycle> {
  static constexpr std::array<std::string_view, 5> names{"announced", "on_sale", "beta", "sale_stopped", "retired"};
};

template <>
struct EnumNames<Platform> {
  static constexpr std::array<std::string_view, 3> names{"legacy", "prometric", "online"};
};

struct CertificationStatus {
  Lifecycle status = Lifecycle::kOnSale;
  bool purchasable = false;
  bool can_sit = false;
  bool unused_attempt_refund = false;
  Platform platform = Platform::kLegacy;  // CAT-2: where the exam is sat that day
  Reasons reasons;
};

CertificationStatus decide_certification(const Certification& c, CivilDate today, const Catalogue& catalogue);


}  // namespace certpolicy
