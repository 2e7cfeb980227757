// Decides which requests `policy diff` asks both policies: for every day of
// the range, requests of every type at the boundaries of every policy either
// file can decide with (each window's end and one second either side,
// validity ends, every training tier, every payment method, every exam kind,
// every document format, every catalogue entry, every code state and
// action); once at the start and at each dated change, what no day moves
// (every calendar date the files list, certificates around their dates, form
// inputs at each limit); and orders paid either side of each dated change.
// Together they exercise every leaf of the policy
// (tests/native/policy_leaves_test.cc changes each leaf in turn).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "policy/policy.h"

namespace certpolicy::cli {

// The zone the corpus's moments are written in and the diff's default range
// starts from: China time (TIM-1), UTC+08:00.
inline constexpr FixedZone kChina(480);

struct CorpusInput {
  std::vector<const Policy*> policies;  // every policy either file can decide with
  std::vector<Instant> instants;        // every dated change's effective_from, of both files
  CivilDate from, to;                   // the decisions' days: [from, to)
};

// Calls `emit` with each request's JSON text, in a fixed order (the same
// input gives the same corpus); requests are made and dropped one at a time.
void boundary_corpus(const CorpusInput& in, const std::function<void(const std::string&)>& emit);

}  // namespace certpolicy::cli
