// The policy patch merged over the default document, with nlohmann's RFC 7386
// merge_patch. Run once per engine made with a patch, so the wasm build
// compiles this file for size (core/CMakeLists.txt).
#include "policy/merge_patch.h"

#include <nlohmann/json.hpp>

namespace certpolicy {

MergeResult merge_policy_patch(std::string_view base, std::string_view patch, std::string& merged) {
  using json = nlohmann::json;
  json p = json::parse(patch.begin(), patch.end(), nullptr, false);
  if (p.is_discarded()) return MergeResult::kUnparsed;
  if (!p.is_object()) return MergeResult::kNotObject;
  json doc = json::parse(base.begin(), base.end(), nullptr, false);
  doc.merge_patch(p);
  merged = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  return MergeResult::kMerged;
}

}  // namespace certpolicy
