// Reads case files and matches answers against their expectations.
#include "cli/case_file.h"

namespace certpolicy::cli {

using nlohmann::json;

bool read_case_file(std::string_view text, CaseFile& out, std::string& why) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    why = "not a JSON object";
    return false;
  }
  const auto cases = doc.find("cases");
  if (cases == doc.end() || !cases->is_array()) {
    why = "no \"cases\" list";
    return false;
  }
  const auto rule = doc.find("rule");
  const json defaults = doc.contains("defaults") ? doc["defaults"] : json::object();
  out.has_policy = doc.contains("policy");
  out.policy = out.has_policy ? doc["policy"].dump() : "";
  for (std::size_t k = 0; k < cases->size(); ++k) {
    const json& c = (*cases)[k];
    const std::string where = "cases[" + std::to_string(k) + "]";
    const bool text_given = c.is_object() && c.contains("request_text") && c["request_text"].is_string();
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string() || !c.contains("expect") ||
        !(text_given || c.contains("request"))) {
      why = where + ": a case has a \"name\", a \"request\" (or \"request_text\") and an \"expect\"";
      return false;
    }
    Case out_case;
    out_case.name = c["name"].get<std::string>();
    const json* r = c.contains("rule") ? &c["rule"] : rule != doc.end() ? &*rule : nullptr;
    out_case.rule = r != nullptr && r->is_string() ? r->get<std::string>() : "";
    if (text_given) {
      out_case.text = c["request_text"].get<std::string>();
    } else {
      json request = defaults;
      request.merge_patch(c["request"]);
      out_case.text = request.dump();
    }
    out_case.expect = c["expect"];
    out.cases.push_back(std::move(out_case));
  }
  return true;
}

std::string json_mismatch(const json& expected, const json& actual, const std::string& path) {
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

}  // namespace certpolicy::cli
