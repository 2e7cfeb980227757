// What the policy model answers about itself (rules/policy_model.h): the
// lookups and measures the rules use, defined behind the wall with the rules
// (reading the model from JSON is policy/policy.cc's, on the other side).
#include "rules/policy_model.h"

#include <algorithm>
#include <cstdint>

namespace certpolicy {

const PaymentMethodPolicy* ExamOrderPolicy::method(std::string_view name) const {
  for (const auto& m : payment_methods) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

int CalendarPeriod::shortest_days() const {
  // Four common years hold every month length a period can meet at its
  // shortest (a leap day only lengthens one).
  constexpr CivilDate kFrom = CivilDate::from_ymd(2097, 1, 1);
  int shortest = INT32_MAX;
  for (int k = 0; k < 4 * 365; ++k) {
    const CivilDate d = add_days(kFrom, k);
    shortest = std::min(shortest, days_between(d, after(d)));
  }
  return shortest;
}

std::string CertificatePolicy::current_level(std::string_view name) const {
  for (const auto& [legacy, current] : level_names) {
    if (name == legacy || name == current) return current;
  }
  return "";
}

std::string CertificatePolicy::legacy_level(std::string_view name) const {
  for (const auto& [legacy, current] : level_names) {
    if (name == current || name == legacy) return legacy;
  }
  return "";
}

const Certification* Catalogue::find(std::string_view id) const {
  for (const Certification& c : certifications) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace certpolicy
