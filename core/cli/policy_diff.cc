// `certpolicy policy diff OLD NEW [--from DATE] [--to DATE] [--json]`: the
// decision impact of a policy change. Builds the boundary corpus of both
// policies over [from, to) (default: this year in China), answers every
// request under each, and reports the decisions that differ: counts per
// request type and per rule, and the first example of each kind of change.
// The policy version itself is not a change.
#include <chrono>
#include <cstring>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "corpus.h"
#include "engine.h"
#include "io.h"
#include "policy_commands.h"

namespace certpolicy::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

struct Change {
  std::string path;
  json before, after;
};

// Leaf paths that differ ("refund.deadline", "order.reminders[]"); reasons
// are compared on their own (by code and rule).
void diff(const json& a, const json& b, const std::string& path, std::vector<Change>& out) {
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.insert(k);
    for (const auto& [k, v] : b.items()) keys.insert(k);
    for (const std::string& k : keys) {
      if (path.empty() && (k == "policy_version" || k == "reasons")) continue;
      const std::string p = path.empty() ? k : path + "." + k;
      diff(a.contains(k) ? a[k] : json(), b.contains(k) ? b[k] : json(), p, out);
    }
    return;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size() && !a.empty() && a[0].is_object()) {
    for (size_t k = 0; k < a.size(); ++k) diff(a[k], b[k], path + "[]", out);
    return;
  }
  if (a != b) out.push_back({path, a, b});
}

std::set<std::string> reason_keys(const json& answer) {
  std::set<std::string> out;
  if (answer.contains("reasons")) {
    for (const auto& r : answer["reasons"]) out.insert(r["code"].get<std::string>() + " (" + r["rule"].get<std::string>() + ")");
  }
  return out;
}

std::string rule_of(const std::string& reason_key) {
  const size_t open = reason_key.find('(');
  return reason_key.substr(open + 1, reason_key.size() - open - 2);
}

struct Kind {
  std::string type;
  std::set<std::string> fields;
  std::set<std::string> added, removed;
  size_t count = 0;
  json request;
  std::vector<Change> changes;
};

// An answer's text without its policy_version member.
std::string without(const std::string& answer, const std::string& tag) {
  const size_t at = answer.find(tag);
  return at == std::string::npos ? answer : answer.substr(0, at) + answer.substr(at + tag.size());
}

std::optional<CivilDate> date_arg(const char* s) {
  auto r = parse_date(s);
  return r ? r.value : std::nullopt;
}

std::string join(const std::set<std::string>& s, const char* sep) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : sep) + x;
  return out;
}

}  // namespace

int policy_diff(int argc, char** argv) {
  const char* files[2] = {nullptr, nullptr};
  bool as_json = false;
  std::optional<CivilDate> from, to;
  int n = 0;
  for (int k = 0; k < argc; ++k) {
    if (std::strcmp(argv[k], "--json") == 0) {
      as_json = true;
    } else if ((std::strcmp(argv[k], "--from") == 0 || std::strcmp(argv[k], "--to") == 0) && k + 1 < argc) {
      auto d = date_arg(argv[k + 1]);
      if (!d) {
        std::fprintf(stderr, "certpolicy: %s is not a date (YYYY-MM-DD)\n", argv[k + 1]);
        return kExitUsage;
      }
      (argv[k][2] == 'f' ? from : to) = d;
      ++k;
    } else if (n < 2) {
      files[n++] = argv[k];
    } else {
      n = 3;
    }
  }
  if (n != 2) {
    std::fputs("usage: certpolicy policy diff OLD NEW [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n", stderr);
    return kExitUsage;
  }
  if (!from) {
    const CivilDate today = FixedZone(480).date_of(Instant(std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now())));
    from = CivilDate::from_ymd(today.year(), 1, 1);
  }
  if (!to) to = add_months(*from, 12);
  if (*to <= *from || days_between(*from, *to) > 3660) {
    std::fputs("certpolicy: --to must be after --from, at most 10 years later\n", stderr);
    return kExitUsage;
  }
  int status = 0;
  auto old_engine = engine_from_file(files[0], status);
  if (!old_engine) return status;
  auto new_engine = engine_from_file(files[1], status);
  if (!new_engine) return status;

  const std::string old_tag = "\"policy_version\":" + json(old_engine->policy_version()).dump() + ",";
  const std::string new_tag = "\"policy_version\":" + json(new_engine->policy_version()).dump() + ",";
  const auto corpus = boundary_corpus(old_engine->policy(), new_engine->policy(), *from, *to);
  std::map<std::string, size_t> total_by_type, changed_by_type, changed_by_rule;
  std::map<std::string, Kind> kinds;  // by a key of type, fields and reasons
  std::vector<std::string> kind_order;
  size_t changed = 0;
  for (const json& request : corpus) {
    const std::string type = request["type"].get<std::string>();
    ++total_by_type[type];
    const std::string text = request.dump();
    const std::string a_text = old_engine->evaluate(text), b_text = new_engine->evaluate(text);
    // Most answers are the same but for the version: compared as text first,
    // parsed only when they differ (a year's corpus: 9 s → 1.6 s).
    if (without(a_text, old_tag) == without(b_text, new_tag)) continue;
    const json a = json::parse(a_text, nullptr, false), b = json::parse(b_text, nullptr, false);
    std::vector<Change> changes;
    diff(a, b, "", changes);
    const auto ra = reason_keys(a), rb = reason_keys(b);
    std::set<std::string> added, removed, rules;
    for (const auto& r : rb) if (!ra.count(r)) added.insert(r);
    for (const auto& r : ra) if (!rb.count(r)) removed.insert(r);
    // A reason kept but worded differently (its date moved) counts for its rule too.
    if (a.contains("reasons") && b.contains("reasons") && a["reasons"].size() == b["reasons"].size()) {
      for (size_t k = 0; k < a["reasons"].size(); ++k) {
        if (a["reasons"][k]["message"] != b["reasons"][k]["message"]) rules.insert(a["reasons"][k]["rule"].get<std::string>());
      }
    }
    if (changes.empty() && added.empty() && removed.empty() && rules.empty()) continue;
    ++changed;
    ++changed_by_type[type];
    for (const auto& r : added) rules.insert(rule_of(r));
    for (const auto& r : removed) rules.insert(rule_of(r));
    for (const auto& r : rules) ++changed_by_rule[r];
    std::set<std::string> fields;
    for (const auto& c : changes) fields.insert(c.path);
    const std::string key = type + "|" + join(fields, ",") + "|+" + join(added, ",") + "|-" + join(removed, ",");
    auto [it, fresh] = kinds.try_emplace(key);
    if (fresh) {
      it->second = Kind{type, fields, added, removed, 0, request, changes};
      kind_order.push_back(key);
    }
    ++it->second.count;
  }

  const std::string old_version = old_engine->policy_version(), new_version = new_engine->policy_version();
  if (as_json) {
    ordered_json out = {{"ok", true}, {"old_version", old_version}, {"new_version", new_version},
                        {"from", format_date(*from)}, {"to", format_date(*to)}};
    out["corpus"] = {{"total", corpus.size()}, {"by_type", total_by_type}};
    out["changed"] = {{"total", changed}, {"by_type", changed_by_type}, {"by_rule", changed_by_rule}};
    ordered_json list = ordered_json::array();
    for (const auto& key : kind_order) {
      const Kind& k = kinds[key];
      ordered_json ch = ordered_json::array();
      for (const auto& c : k.changes) ch.push_back({{"path", c.path}, {"old", c.before}, {"new", c.after}});
      list.push_back({{"type", k.type}, {"count", k.count}, {"fields", k.fields}, {"reasons_added", k.added},
                      {"reasons_removed", k.removed}, {"example", {{"request", k.request}, {"changes", ch}}}});
    }
    out["kinds"] = list;
    return written(out.dump(), 0);
  }
  std::string t = "policy diff " + old_version + " -> " + new_version + ", " + format_date(*from) + " .. " + format_date(*to) +
                  " (exclusive)\n";
  t += "corpus: " + std::to_string(corpus.size()) + " requests\n";
  if (changed == 0) return written(t + "no decision changes", 0);
  t += "changed: " + std::to_string(changed) + " decisions\n\nby request type (changed of tried):\n";
  for (const auto& [type, c] : changed_by_type) t += "  " + type + ": " + std::to_string(c) + " of " + std::to_string(total_by_type[type]) + "\n";
  t += "\nby rule:\n";
  for (const auto& [rule, c] : changed_by_rule) t += "  " + rule + ": " + std::to_string(c) + "\n";
  t += "\nkinds of change (" + std::to_string(kind_order.size()) + "), first example of each:\n";
  for (const auto& key : kind_order) {
    const Kind& k = kinds[key];
    t += "- " + k.type + " x" + std::to_string(k.count) + ": " + (k.fields.empty() ? std::string("(sentences only)") : join(k.fields, ", "));
    if (!k.added.empty()) t += "; reasons + " + join(k.added, ", ");
    if (!k.removed.empty()) t += "; reasons - " + join(k.removed, ", ");
    t += "\n    request: " + k.request.dump() + "\n";
    for (const auto& c : k.changes) t += "    " + c.path + ": " + c.before.dump() + " -> " + c.after.dump() + "\n";
  }
  t.pop_back();
  return written(t, 0);
}

}  // namespace certpolicy::cli
