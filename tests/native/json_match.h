// The expectation language of tests/cases/*.json, shared with `certpolicy
// policy test` (core/cli/case_file.h; mirrored in tests/node/json_match.mjs).
#pragma once

#include "cli/case_file.h"

namespace certpolicy::testing {

using certpolicy::cli::json_mismatch;

}  // namespace certpolicy::testing
