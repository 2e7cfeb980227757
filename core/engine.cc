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

std::string dump_result(const json& j) {
  std::string out;
  write_json(j, out);
  return out;
}

}  // namespace

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

void Engine::write_result(const json& request, std::string& out) const {
  Issues issues;
  JsonIn req(&request, "");
  auto fail = [&](std::string_view code, const FieldIssue& issue, Locale locale) {
    write_json(failure(code, issue, locale), out);
  };
  if (!read_object(req, issues)) return fail("INVALID_REQUEST", *issues.first(), Locale::kZhCN);
  auto locale = read_locale(req["locale"], issues);
  if (!locale) return fail("INVALID_REQUEST", *issues.first(), Locale::kZhCN);

  JsonIn type_in = req["type"];
  auto type = read_string(type_in, issues, 64);
  if (!type) return fail("INVALID_REQUEST", *issues.first(), *locale);
  const TypeEntry* entry = nullptr;
  for (const TypeEntry& t : kTypes) {
    if (t.name == *type) entry = &t;
  }
  if (entry == nullptr) {
    std::string expected = "one of";
    for (const TypeEntry& t : kTypes) expected.append(" ").append(t.name);
    return fail("UNKNOWN_TYPE", FieldIssue{"type", "UNKNOWN_TYPE", expected}, *locale);
  }

  Context ctx{*policy_, *locale};
  std::optional<Outcome> outcome = entry->handler(req, ctx, issues);
  if (!outcome) return fail("INVALID_REQUEST", *issues.first(), *locale);

  // The envelope and the reasons are written straight to the text (no DOM
  // for them), merged into the fields in sorted key order.
  const json& fields = outcome->fields;
  const Messages& messages = Messages::get();
  auto write_reasons = [&] {
    out.push_back('[');
    bool first = true;
    for (const Reason& r : outcome->reasons) {
      if (!first) out.push_back(',');
      first = false;
      out += "{\"code\":";
      write_json_string(r.code, out);
      out += ",\"message\":";
      write_json_string(messages.reason(r.code, *locale, fields), out);
      out += ",\"rule\":";
      write_json_string(r.rule, out);
      out.push_back('}');
    }
    out.push_back(']');
  };
  struct Extra {
    std::string_view key;
    int which;  // 0 ok, 1 reasons, 2 type
  };
  static constexpr Extra kExtras[] = {{"ok", 0}, {"reasons", 1}, {"type", 2}};  // sorted
  size_t next = 0;
  bool first = true;
  auto key = [&](std::string_view k) {
    if (!first) out.push_back(',');
    first = false;
    write_json_string(k, out);
    out.push_back(':');
  };
  auto flush_extras_before = [&](std::string_view k, bool all) {
    for (; next < std::size(kExtras) && (all || kExtras[next].key < k); ++next) {
      key(kExtras[next].key);
      if (kExtras[next].which == 0) out += "true";
      if (kExtras[next].which == 1) write_reasons();
      if (kExtras[next].which == 2) write_json_string(entry->name, out);
    }
  };
  out.push_back('{');
  for (const auto& [k, v] : fields.get_ref<const json::object_t&>()) {
    flush_extras_before(k, false);
    key(k);
    write_json(v, out);
  }
  flush_extras_before({}, true);
  out.push_back('}');
}

std::string Engine::evaluate(std::string_view request_json) const {
  Issues issues;
  json request = parse_limited(request_json, kMaxRequestBytes, kMaxDepth, issues);
  if (!issues.ok()) return dump_result(failure("INVALID_REQUEST", *issues.first(), Locale::kZhCN));
  std::string out;
  out.reserve(2048);
  write_result(request, out);
  return out;
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
    write_result(r, out);
  }
  out.push_back(']');
  return out;
}

}  // namespace certpolicy
