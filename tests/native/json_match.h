// The expectation language of tests/cases/*.json (mirrored in
// tests/node/json_match.mjs): every key of `expected` must be in `actual`
// with a matching value; objects match recursively (extra keys allowed),
// arrays match element by element and must have the same length, scalars
// must be equal. Returns "" on a match, else the path of the first mismatch.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace certpolicy::testing {

std::string json_mismatch(const nlohmann::json& expected, const nlohmann::json& actual,
                          const std::string& path = "");

}  // namespace certpolicy::testing
