// The nlohmann tree of a parsed JsonDoc, value by value.
#include "json/json_tree.h"

#include <string>

namespace certpolicy {

nlohmann::json to_tree(const JsonDoc& doc, JsonDoc::Ref r) {
  using json = nlohmann::json;
  switch (doc.kind(r)) {
    case JsonKind::kNull: return nullptr;
    case JsonKind::kBool: return doc.boolean(r);
    case JsonKind::kInt: return doc.int_value(r);
    case JsonKind::kUint: return doc.uint_value(r);
    case JsonKind::kFloat: return doc.float_value(r);
    case JsonKind::kString: return std::string(doc.string(r));
    case JsonKind::kArray: {
      json out = json::array();
      for (std::size_t k = 0; k < doc.size(r); ++k) out.push_back(to_tree(doc, doc.element(r, k)));
      return out;
    }
    case JsonKind::kObject: break;
  }
  json out = json::object();
  doc.each_member(r, [&](std::string_view key, JsonDoc::Ref member) { out[std::string(key)] = to_tree(doc, member); });
  return out;
}

}  // namespace certpolicy
