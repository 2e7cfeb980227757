#include "engine.h"

#include <string_view>
#include <utility>

#include "handlers.h"
#include "json_out.h"
#include "messages.h"

namespace certpolicy {

namespace {

struct TypeEntry {
  std::string_view name;
  Handler handler;
};

constexpr TypeEntry kTypes[] = {
    {"exam_order", &handle_exam_order},
    {"working_day", &handle_working_day},
    {"working_days", &handle_working_days},
    {"booking_form", &handle_booking_form},
    {"certificate", &handle_certificate},
    {"practitioner", &handle_practitioner},
    {"training", &handle_training},
    {"purchase", &handle_purchase},
    {"contacts", &handle_contacts},
    {"exam_code", &handle_exam_code},
    {"exam_code_order", &handle_exam_code_order},
    {"certification", &handle_certification},
    {"catalogue", &handle_catalogue},
};

json failure(std::string_view code, const FieldIssue& issue, Locale locale) {
  return {{"ok", false},
          {"error",
           {{"code", code},
            {"detail", issue.detail},
            {"path", issue.path},
            {"expected", issue.expected},
            {"message", Messages::get().field_error(issue.detail, issue.path, issue.expected, locale)}}}};
}

// Nesting depth of a JSON text, counted without parsing (strings skipped),
// so that a deeply nested input is refused before any recursion.
int max_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k];
    if (in_string) {
      if (c == '\\') ++k;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Parses a text within the limits; on failure returns discarded JSON and the issue.
json parse_limited(std::string_view text, size_t max_bytes, int depth_limit, Issues& issues) {
  if (text.size() > max_bytes) {
    issues.fail("", detail_code::kTooLarge, "at most " + std::to_string(max_bytes) + " bytes");
    return json(json::value_t::discarded);
  }
  if (max_depth(text) > depth_limit) {
    issues.fail("", detail_code::kTooDeep, "at most " + std::to_string(depth_limit) + " levels");
    return json(json::value_t::discarded);
  }
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) issues.fail("", detail_code::kMalformedJson, "JSON");
  return j;
}

std::optional<Locale> read_locale(const JsonIn& in, Issues& issues) {
  if (!in.present()) return Locale::kZhCN;
  auto s = read_string(in, issues, 35);
  if (!s) return std::nullopt;
  if (s->rfind("zh", 0) == 0) return Locale::kZhCN;
  if (s->rfind("en", 0) == 0) return Locale::kEn;
  issues.fail(in.path(), detail_code::kUnknownValue, "one of zh-CN en");
  return std::nullopt;
}

}  // namespace

std::string dump_result(const json& j) {
  std::string out;
  out.reserve(2048);
  write_json(j, out);
  return out;
}

std::unique_ptr<Engine> Engine::create(std::string_view policy_patch, std::string& error) {
  Issues issues;
  json doc = json::parse(default_policy_text(), nullptr, false);
  if (!policy_patch.empty()) {
    json patch = parse_limited(policy_patch, 64u << 20, kMaxDepth, issues);
    if (issues.ok() && !patch.is_object()) issues.fail("", detail_code::kWrongType, "object");
    if (issues.ok()) doc.merge_patch(patch);
  }
  std::optional<Policy> policy;
  if (issues.ok()) policy = load_policy(std::move(doc), issues);
  if (!policy) {
    error = dump_result(failure("INVALID_POLICY", *issues.first(), Locale::kEn));
    return nullptr;
  }
  return std::unique_ptr<Engine>(new Engine(std::make_shared<const Policy>(std::move(*policy))));
}

json Engine::evaluate_json(const json& request) const {
  Issues issues;
  JsonIn req(&request, "");
  if (!read_object(req, issues)) return failure("INVALID_REQUEST", *issues.first(), Locale::kZhCN);
  auto locale = read_locale(req["locale"], issues);
  if (!locale) return failure("INVALID_REQUEST", *issues.first(), Locale::kZhCN);

  JsonIn type_in = req["type"];
  auto type = read_string(type_in, issues, 64);
  if (!type) return failure("INVALID_REQUEST", *issues.first(), *locale);
  const TypeEntry* entry = nullptr;
  for (const TypeEntry& t : kTypes) {
    if (t.name == *type) entry = &t;
  }
  if (entry == nullptr) {
    std::string expected = "one of";
    for (const TypeEntry& t : kTypes) expected += " " + std::string(t.name);
    return failure("UNKNOWN_TYPE", FieldIssue{"type", "UNKNOWN_TYPE", expected}, *locale);
  }

  Context ctx{*policy_, *locale};
  std::optional<Outcome> out = entry->handler(req, ctx, issues);
  if (!out) return failure("INVALID_REQUEST", *issues.first(), *locale);

  json result = std::move(out->fields);
  result["ok"] = true;
  result["type"] = entry->name;
  json reasons = json::array();
  const Messages& messages = Messages::get();
  for (const Reason& r : out->reasons) {
    reasons.push_back({{"code", r.code}, {"rule", r.rule}, {"message", messages.reason(r.code, *locale, result)}});
  }
  result["reasons"] = std::move(reasons);
  return result;
}

std::string Engine::evaluate(std::string_view request_json) const {
  Issues issues;
  json request = parse_limited(request_json, kMaxRequestBytes, kMaxDepth, issues);
  if (!issues.ok()) return dump_result(failure("INVALID_REQUEST", *issues.first(), Locale::kZhCN));
  return dump_result(evaluate_json(request));
}

std::string Engine::evaluate_many(std::string_view requests_json) const {
  Issues issues;
  json requests = parse_limited(requests_json, kMaxBatchBytes, kMaxDepth + 1, issues);
  if (issues.ok() && !requests.is_array()) issues.fail("", detail_code::kWrongType, "array");
  if (issues.ok() && requests.size() > kMaxBatchItems) {
    issues.fail("", detail_code::kTooMany, "at most " + std::to_string(kMaxBatchItems) + " requests");
  }
  if (!issues.ok()) return dump_result(failure("INVALID_REQUEST", *issues.first(), Locale::kZhCN));
  std::string out = "[";
  out.reserve(requests.size() * 512 + 2);
  bool first = true;
  for (const json& r : requests) {
    if (!first) out.push_back(',');
    first = false;
    write_json(evaluate_json(r), out);
  }
  out.push_back(']');
  return out;
}

}  // namespace certpolicy
