// Decides which of the requests exported from the business systems (orders,
// enrolments, code orders: one request per line, NDJSON) get another
// decision under a new policy file, for `policy diff OLD NEW --requests
// FILE.ndjson`. A line is a request as the pages send it, or
// {"ref": "<id in the business system>", "request": {…}} so that support can
// tell the candidate concerned. The file is read in bounded pieces and each
// changed request is written as soon as it is found: memory stays flat
// whatever the file's size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cli/policy_diff.h"

namespace certpolicy::cli {

// The [start, end) of each top-level member's value of a JSON object text,
// found without parsing it (strings and nesting skipped); {npos, npos} when
// the key is not a member.
struct Span {
  std::size_t start = std::string_view::npos, end = std::string_view::npos;
  bool found() const { return start != std::string_view::npos; }
};
Span member_span(std::string_view object_text, std::string_view key);

// Replays the file under both engines (requests without a `now` decided at
// `at`); writes each changed request, then the counts. Exit 0, or
// kExitFound when a change is outside the allow-lists.
int replay(const Engine& old_engine, const Engine& new_engine, const char* path, Instant at, const Allow& allow, bool as_json);

}  // namespace certpolicy::cli
