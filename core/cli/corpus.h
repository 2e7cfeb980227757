// The deterministic corpus of `policy diff`: boundary requests of every
// request type over a date range, built from the numbers of both policies so
// that a boundary moved by either is tried on both sides (cli/corpus.cc).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "calendar/civil_time.h"
#include "policy/policy.h"

namespace certpolicy::cli {

// Every day d in [from, to): the requests for d under the boundaries of `a`
// and `b`, in a fixed order (the same arguments give the same corpus).
std::vector<nlohmann::json> boundary_corpus(const Policy& a, const Policy& b, CivilDate from, CivilDate to);

}  // namespace certpolicy::cli
