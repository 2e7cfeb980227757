// Decides the policy text an engine reads: the default document with an
// operator's patch merged over it (RFC 7386 JSON Merge Patch).
#pragma once

#include <string>
#include <string_view>

namespace certpolicy {

enum class MergeResult {
  kMerged,     // `merged` holds the document's text
  kUnparsed,   // the patch is not JSON
  kNotObject,  // the patch is JSON but not an object
};

// Merges `patch` over `base` (both JSON text; `base` is valid): members of the
// patch replace the base's, a null removes one, objects merge recursively.
//   merge_policy_patch(R"({"a":{"b":1,"c":2}})", R"({"a":{"b":null,"d":3}})", out)
//   → kMerged, out == R"({"a":{"c":2,"d":3}})"
// Invalid UTF-8 in the patch's strings is written as U+FFFD.
MergeResult merge_policy_patch(std::string_view base, std::string_view patch, std::string& merged);

}  // namespace certpolicy
