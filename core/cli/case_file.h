// Decides what a case file (tests/cases/*.json, and the CASES of `certpolicy
// policy test`) asks and whether an answer matches it:
//   {"rule": "EXO-4", "policy": {…}?, "defaults": {…}?,
//    "cases": [{"name": "…", "rule"?: "…", "request": {…} | "request_text": "…", "expect": {…}}]}
// A case's request is merged over the defaults (RFC 7386). `expect` matches
// when every key it gives is in the answer with a matching value: objects
// recursively (the answer may have more keys), arrays element by element
// and of the same length, scalars equal (tests/node/json_match.mjs mirrors it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace certpolicy::cli {

struct Case {
  std::string rule, name;
  std::string text;  // the request as sent
  nlohmann::json expect;
};

struct CaseFile {
  bool has_policy = false;
  std::string policy;  // the file's "policy" as JSON text
  std::vector<Case> cases;
};

// Reads a case file's text; false and why when it is not one.
bool read_case_file(std::string_view text, CaseFile& out, std::string& why);

// "" when `actual` matches `expected`, else the first mismatch:
// "refund.deadline: expected \"…\", got \"…\"".
std::string json_mismatch(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path = "");

}  // namespace certpolicy::cli
