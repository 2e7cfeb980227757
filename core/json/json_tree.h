// Decides how a parsed JsonDoc becomes an nlohmann tree: the policy readers'
// DOM is built from the engine's one parse, so the module carries no second
// parser (nlohmann's DOM parser cost ~17 KB of the .wasm; docs/PERFORMANCE.md).
//
//   JsonDoc doc;
//   doc.parse(R"({"a": [1, -2, 2.5, "x"], "b": {}, "a": null})");
//   to_tree(doc, doc.root()) == R"({"a": null, "b": {}})"_json   // a repeated key: its last value
//
// Numbers keep their kind (unsigned, integer, float), as nlohmann's parser
// gives them. Recursive: the caller bounds the depth (PolicyFile's kMaxDepth).
#pragma once

#include <nlohmann/json.hpp>

#include "json/json_doc.h"

namespace certpolicy {

nlohmann::json to_tree(const JsonDoc& doc, JsonDoc::Ref r);

}  // namespace certpolicy
