#include "json_match.h"

namespace certpolicy::testing {

std::string json_mismatch(const nlohmann::json& expected, const nlohmann::json& actual,
                          const std::string& path) {
  auto here = [&] { return (path.empty() ? "(root)" : path) + ": expected " + expected.dump() + ", got " + actual.dump(); };
  if (expected.is_object()) {
    if (!actual.is_object()) return here();
    for (const auto& [key, value] : expected.items()) {
      std::string sub = path.empty() ? key : path + "." + key;
      auto it = actual.find(key);
      if (it == actual.end()) return sub + ": missing, expected " + value.dump();
      std::string m = json_mismatch(value, *it, sub);
      if (!m.empty()) return m;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return here();
    for (size_t k = 0; k < expected.size(); ++k) {
      std::string m = json_mismatch(expected[k], actual[k], path + "[" + std::to_string(k) + "]");
      if (!m.empty()) return m;
    }
    return "";
  }
  return expected == actual ? "" : here();
}

}  // namespace certpolicy::testing
