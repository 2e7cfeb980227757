// Decides what `policy check` says about a valid policy file beyond its
// validity: the keys each change sets (before -> after), the keys no
// decision reads, and the warnings: what a file may do but is likely a
// mistake (a dropped tier, a removed or uncited year, a change that changes
// nothing, a key no decision reads).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy/schedule.h"

namespace certpolicy {

// A key whose value differs: its path in the policy, the value before and
// after (null: absent).
struct TouchedKey {
  std::string path;
  nlohmann::json before, after;
};

// The keys whose values differ between two policy documents, as leaf paths
// in document order; a list is one value, but for the catalogue's entries,
// compared by id ("catalogue.certifications.<id>.sale_stops_on").
//   document_changes({"a":{"b":1,"c":[1]}}, {"a":{"b":2,"c":[1]}}) → [{"a.b", 1, 2}]
std::vector<TouchedKey> document_changes(const nlohmann::json& before, const nlohmann::json& after);

// A key that some decision reads (false for provenance such as `source`, and
// for numbers no rule decides with, such as `booking_form.seat_hold`).
bool decides(std::string_view path);

struct PolicyWarning {
  std::string code;  // a policy_warning code of core/policy/data/codes.json
  std::string path;
  std::string message;
};

struct Review {
  std::vector<std::vector<TouchedKey>> touched;  // per change, in the order they apply
  std::vector<PolicyWarning> warnings;
};

Review review(const Schedule& s);

}  // namespace certpolicy
