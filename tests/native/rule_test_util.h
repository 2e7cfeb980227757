// What the rule tests write the same way: a date as D(2026, 12, 1), China
// time, and a decision's reasons as the list of their codes.
#pragma once

#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/decision.h"

namespace certpolicy {

// D(2026, 12, 1) is 2026-12-01 (CivilDate::from_ymd).
inline CivilDate D(int y, unsigned m, unsigned d) { return CivilDate::from_ymd(y, m, d); }

// China time, UTC+08:00 (TIM-1).
inline constexpr FixedZone kChina(480);

// The reasons' codes in order: {"PRACTITIONER_ATTEMPTS_LEFT", …}.
inline std::vector<std::string> codes(const Reasons& reasons) {
  std::vector<std::string> out;
  for (const Reason& r : reasons) out.emplace_back(r.code);
  return out;
}

// The same with each code's rule: {"NOT_ON_SALE:CAT-3", …}.
inline std::vector<std::string> codes_and_rules(const Reasons& reasons) {
  std::vector<std::string> out;
  for (const Reason& r : reasons) out.push_back(std::string(r.code) + ":" + std::string(r.rule));
  return out;
}

}  // namespace certpolicy
