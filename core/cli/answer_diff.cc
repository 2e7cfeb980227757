// How two answers to one request differ, and the rule of each difference.
#include "cli/answer_diff.h"

#include <map>
#include <utility>
#include <vector>

#include "cli/field_rules.h"

namespace certpolicy::cli {

namespace {

using nlohmann::json;

// Leaf paths that differ; the envelope's policy_version and reasons are
// compared on their own.
void walk(const json& a, const json& b, const std::string& path, std::vector<FieldChange>& out) {
  // An object on either side (the other absent or null: an answer refused now, a section given only now) is
  // looked into, so that each of its fields is said under its own rule.
  const bool objects = (a.is_object() || a.is_null()) && (b.is_object() || b.is_null()) && (a.is_object() || b.is_object());
  if (objects) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.insert(k);
    for (const auto& [k, v] : b.items()) keys.insert(k);
    for (const std::string& k : keys) {
      if (path.empty() && (k == "policy_version" || k == "reasons")) continue;
      const std::string p = path.empty() ? k : path + "." + k;
      walk(a.contains(k) ? a[k] : json(), b.contains(k) ? b[k] : json(), p, out);
    }
    return;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size() && !a.empty() && a[0].is_object()) {
    for (size_t k = 0; k < a.size(); ++k) walk(a[k], b[k], path + "[]", out);
    return;
  }
  if (a != b) out.push_back({path, a, b});
}

std::set<std::string> reason_keys(const json& answer) {
  std::set<std::string> out;
  if (answer.contains("reasons") && answer["reasons"].is_array()) {
    for (const auto& r : answer["reasons"]) out.insert(r.value("code", "") + " (" + r.value("rule", "") + ")");
  }
  return out;
}

std::string rule_of(const std::string& reason_key) {
  const size_t open = reason_key.find('(');
  return reason_key.substr(open + 1, reason_key.size() - open - 2);
}

// The `rule` members of the elements of a list (form errors, contact
// warnings) that only one of the answers has.
void list_rules(const json& a, const json& b, std::set<std::string>& out) {
  for (const json* side : {&a, &b}) {
    const json& other = side == &a ? b : a;
    if (!side->is_array()) continue;
    for (const json& e : *side) {
      const bool shared = other.is_array() && std::find(other.begin(), other.end(), e) != other.end();
      if (!shared && e.is_object() && e.contains("rule") && e["rule"].is_string()) out.insert(e["rule"].get<std::string>());
    }
  }
}

// The timeline points (by key) that differ between two answers: each under
// the rule of the field it shows; an unknown key is said as unattributed.
void timeline_rules(const json& a, const json& b, std::set<std::string>& rules, std::set<std::string>& unattributed) {
  auto points = [](const json& side) {
    std::map<std::string, std::vector<json>> out;
    if (!side.is_array()) return out;
    for (const json& p : side) {
      if (!p.is_object() || !p.contains("key") || !p["key"].is_string()) continue;
      // A point's state (past, next, future) moves when another point comes
      // or goes: that point is the change, counted under its own rule.
      json point = p;
      point.erase("state");
      out[p["key"].get<std::string>()].push_back(std::move(point));
    }
    return out;
  };
  const auto pa = points(a), pb = points(b);
  std::set<std::string> keys;
  for (const auto& [k, v] : pa) keys.insert(k);
  for (const auto& [k, v] : pb) keys.insert(k);
  for (const std::string& k : keys) {
    const auto ia = pa.find(k), ib = pb.find(k);
    if (ia != pa.end() && ib != pb.end() && ia->second == ib->second) continue;
    const std::string_view rule = timeline_point_rule(k);
    if (rule.empty()) unattributed.insert("timeline[" + k + "]");
    else rules.insert(std::string(rule));
  }
}

bool starts(std::string_view path, std::string_view head) {
  return path == head || (path.substr(0, head.size()) == head && path.size() > head.size() && (path[head.size()] == '.' || path[head.size()] == '['));
}

}  // namespace

AnswerDiff diff_answers(std::string_view type, const json& a, const json& b) {
  AnswerDiff d;
  walk(a, b, "", d.fields);
  const auto ra = reason_keys(a), rb = reason_keys(b);
  for (const auto& r : rb) if (!ra.count(r)) d.added.insert(r);
  for (const auto& r : ra) if (!rb.count(r)) d.removed.insert(r);
  for (const auto& r : d.added) d.rules.insert(rule_of(r));
  for (const auto& r : d.removed) d.rules.insert(rule_of(r));
  // A reason kept but worded differently (its date moved) counts for its rule too.
  if (a.contains("reasons") && b.contains("reasons") && a["reasons"].size() == b["reasons"].size()) {
    for (size_t k = 0; k < a["reasons"].size(); ++k) {
      if (a["reasons"][k]["message"] != b["reasons"][k]["message"]) d.rules.insert(a["reasons"][k].value("rule", ""));
    }
  }
  // The next step, the timeline and the form errors are each looked at once,
  // however many of their fields changed.
  bool next_step = false, timeline = false, errors = false;
  for (const FieldChange& c : d.fields) {
    if (starts(c.path, "next_step")) {
      if (std::exchange(next_step, true)) continue;
      // The next step names its own rule.
      for (const json* side : {&a, &b}) {
        if (side->contains("next_step") && (*side)["next_step"].is_object()) d.rules.insert((*side)["next_step"].value("rule", ""));
      }
    } else if (type == "exam_order" && starts(c.path, "timeline")) {
      if (std::exchange(timeline, true)) continue;
      timeline_rules(a.value("timeline", json()), b.value("timeline", json()), d.rules, d.unattributed);
    } else if (starts(c.path, "errors") && a.contains("errors") && b.contains("errors")) {
      if (std::exchange(errors, true)) continue;
      list_rules(a["errors"], b["errors"], d.rules);  // form errors name their rule
    } else if (std::string_view rule = field_rule(type, c.path); !rule.empty()) {
      d.rules.insert(std::string(rule));
    } else {
      d.unattributed.insert(c.path);
    }
  }
  d.rules.erase("");
  return d;
}

bool same_decision(std::string_view a, std::string_view b) {
  // "policy_version":"…" sits at the same place in both (keys are sorted).
  static constexpr std::string_view kKey = "\"policy_version\":\"";
  const size_t at = a.find(kKey), bt = b.find(kKey);
  if (at == std::string_view::npos || bt == std::string_view::npos || at != bt) return a == b;
  if (a.substr(0, at) != b.substr(0, bt)) return false;
  const size_t a_end = a.find('"', at + kKey.size()), b_end = b.find('"', bt + kKey.size());
  if (a_end == std::string_view::npos || b_end == std::string_view::npos) return a == b;
  return a.substr(a_end) == b.substr(b_end);
}

std::optional<AnswerDiff> answer_change(std::string_view type, std::string_view before, std::string_view after) {
  if (same_decision(before, after)) return std::nullopt;
  AnswerDiff d = diff_answers(type, json::parse(before, nullptr, false), json::parse(after, nullptr, false));
  if (d.empty() && d.unattributed.empty()) return std::nullopt;
  return d;
}

}  // namespace certpolicy::cli
