// `certpolicy policy diff`: the decisions that differ between two policy
// files, over the boundary corpus of a date range (default: a year from
// today, China date) or over requests replayed from a file, each decided with
// exactly what the pages would use at its moments (its `now`, its order's
// `paid_at`); every changed decision is counted under its rules, and the
// allow-lists give CI an exit status.
#include "cli/policy_diff.h"

#include <cstring>

#include "cli/corpus.h"
#include "cli/io.h"
#include "cli/on_cores.h"
#include "cli/policy_commands.h"
#include "cli/replay.h"

namespace certpolicy::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string join(const std::set<std::string>& s, const char* sep) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : sep) + x;
  return out;
}

ordered_json changes_json(const std::vector<FieldChange>& changes) {
  ordered_json out = ordered_json::array();
  for (const auto& c : changes) out.push_back({{"path", c.path}, {"old", c.before}, {"new", c.after}});
  return out;
}

// "refund-3d (orders paid from 2027-01-01T00:00:00+08:00)" for each dated change.
std::string dated_text(const Schedule& s) {
  std::string out;
  for (const PolicyChange& c : s.changes()) {
    if (!c.effective_from) continue;
    out += (out.empty() ? "" : "; ") + c.id + " (" +
           (c.governs == Governs::kOrdersPaid ? "orders paid from " : "decisions from ") + s.first().zone.format(*c.effective_from) + ")";
  }
  return out.empty() ? "none" : out;
}

}  // namespace

bool Allow::allows(const std::string& type, const AnswerDiff& d) const {
  if (types && !types->count(type)) return false;
  if (rules && !d.unattributed.empty()) return false;
  if (rules) {
    for (const std::string& r : d.rules) {
      if (!rules->count(r)) return false;
    }
  }
  return true;
}

std::optional<AnswerDiff> DiffTally::add(const std::string& type, const std::string& request, std::string_view before,
                                         std::string_view after, const Allow& allow, bool keep_kinds) {
  std::optional<AnswerDiff> change = answer_change(type, before, after);
  add(type, request, change, allow, keep_kinds);
  return change;
}

void DiffTally::add(const std::string& type, const std::string& request, const std::optional<AnswerDiff>& change,
                    const Allow& allow, bool keep_kinds) {
  ++total;
  ++total_by_type[type];
  if (!change) return;
  const AnswerDiff& d = *change;
  ++changed;
  ++changed_by_type[type];
  for (const auto& r : d.rules) ++changed_by_rule[r];
  unattributed.insert(d.unattributed.begin(), d.unattributed.end());
  if (!allow.allows(type, d)) ++disallowed;
  if (keep_kinds) {
    std::set<std::string> fields;
    for (const auto& c : d.fields) fields.insert(c.path);
    const std::string key = type + "|" + join(fields, ",") + "|+" + join(d.added, ",") + "|-" + join(d.removed, ",");
    auto [it, fresh] = kinds.try_emplace(key);
    if (fresh) {
      it->second = ChangeKind{type, fields, d.added, d.removed, d.rules, 0, request, d.fields};
      kind_order.push_back(key);
    }
    ++it->second.count;
  }
}

std::vector<TouchedKey> differing_keys(const Schedule& a, const Schedule& b) {
  std::vector<TouchedKey> out;
  std::set<std::string> seen;
  // Without any dated change, and with every one.
  const std::pair<const std::string*, const std::string*> docs[] = {
      {&a.document_at(Instant(), Instant()), &b.document_at(Instant(), Instant())}, {&a.last_document(), &b.last_document()}};
  for (const auto& [x, y] : docs) {
    for (TouchedKey& k : document_changes(json::parse(*x, nullptr, false), json::parse(*y, nullptr, false))) {
      if (k.path == "version") continue;  // the header names both
      if (seen.insert(k.path).second) out.push_back(std::move(k));
    }
  }
  return out;
}

CorpusInput corpus_input(const Engine& a, const Engine& b, CivilDate from, CivilDate to) {
  CorpusInput in;
  std::set<const Policy*> seen;
  for (const Engine* e : {&a, &b}) {
    for (const Policy* p : e->schedule().policies()) {
      if (seen.insert(p).second) in.policies.push_back(p);
    }
    for (Instant t : e->schedule().instants()) in.instants.push_back(t);
  }
  std::sort(in.instants.begin(), in.instants.end());
  in.instants.erase(std::unique(in.instants.begin(), in.instants.end()), in.instants.end());
  in.from = from;
  in.to = to;
  return in;
}

DiffReport diff_corpus(const Engine& a, const Engine& b, CivilDate from, CivilDate to, const Allow& allow,
                       size_t batch_size) {
  DiffReport r;
  r.keys = differing_keys(a.schedule(), b.schedule());
  // The corpus is made here, a batch at a time (its memory stays bounded);
  // each batch is decided and compared on every core, then counted in order.
  struct Decided {
    std::string type;
    std::optional<AnswerDiff> change;
  };
  const auto decide = [&](const std::string& request) {
    thread_local TextOut before, after;
    a.evaluate_into(request, before);
    b.evaluate_into(request, after);
    const size_t at = request.find("\"type\":\"") + 8;
    std::string type = request.substr(at, request.find('"', at) - at);
    std::optional<AnswerDiff> change = answer_change(type, before.view(), after.view());
    return Decided{std::move(type), std::move(change)};
  };
  std::vector<std::string> batch;
  const auto flush = [&] {
    std::vector<Decided> decided = on_cores(batch, decide);
    for (size_t i = 0; i < batch.size(); ++i) r.tally.add(decided[i].type, batch[i], decided[i].change, allow, true);
    batch.clear();
  };
  boundary_corpus(corpus_input(a, b, from, to), [&](const std::string& request) {
    batch.push_back(request);
    if (batch.size() >= batch_size) flush();
  });
  flush();
  return r;
}

namespace {

std::string report_text(const Engine& a, const Engine& b, const std::string& range, const DiffReport& r) {
  const DiffTally& t = r.tally;
  std::string s = "policy diff " + a.policy_version() + " -> " + b.policy_version() + ", " + range + "\n";
  if (a.schedule().dated() || b.schedule().dated()) {
    s += "dated changes: old " + dated_text(a.schedule()) + "; new " + dated_text(b.schedule()) + "\n";
  }
  s += "keys that differ (" + std::to_string(r.keys.size()) + ")" + (r.keys.empty() ? "" : ":") + "\n";
  for (const TouchedKey& k : r.keys) s += "  " + key_text(k) + (decides(k.path) ? "" : " (no decision reads it)") + "\n";
  s += "requests: " + std::to_string(t.total) + "\n";
  if (t.changed == 0) {
    s += "no decision changes";
    if (!r.keys.empty()) s += ": the keys that differ change nothing a candidate is told";
    return s;
  }
  s += "changed: " + std::to_string(t.changed) + " decisions\n\nby request type (changed of tried):\n";
  for (const auto& [type, c] : t.changed_by_type) s += "  " + type + ": " + std::to_string(c) + " of " + std::to_string(t.total_by_type.at(type)) + "\n";
  s += "\nby rule:\n";
  for (const auto& [rule, c] : t.changed_by_rule) s += "  " + rule + ": " + std::to_string(c) + "\n";
  if (!t.unattributed.empty()) s += "\nfields under no rule: " + join(t.unattributed, ", ") + "\n";
  if (!t.kind_order.empty()) {
    s += "\nkinds of change (" + std::to_string(t.kind_order.size()) + "), first example of each:\n";
    for (const auto& key : t.kind_order) {
      const ChangeKind& k = t.kinds.at(key);
      s += "- " + k.type + " x" + std::to_string(k.count) + " [" + join(k.rules, ", ") + "]: " +
           (k.fields.empty() ? std::string("(sentences only)") : join(k.fields, ", "));
      if (!k.added.empty()) s += "; reasons + " + join(k.added, ", ");
      if (!k.removed.empty()) s += "; reasons - " + join(k.removed, ", ");
      s += "\n    request: " + k.request + "\n";
      for (const auto& c : k.changes) s += "    " + c.path + ": " + c.before.dump() + " -> " + c.after.dump() + "\n";
    }
  }
  if (t.disallowed > 0) s += "\nnot allowed: " + std::to_string(t.disallowed) + " changed decisions are outside --allow-types / --allow-rules\n";
  s.pop_back();
  return s;
}

ordered_json report_json(const Engine& a, const Engine& b, const DiffReport& r) {
  const DiffTally& t = r.tally;
  ordered_json keys = ordered_json::array();
  for (const TouchedKey& k : r.keys) keys.push_back({{"path", k.path}, {"old", k.before}, {"new", k.after}, {"decides", decides(k.path)}});
  ordered_json out = {{"ok", true}, {"old_version", a.policy_version()}, {"new_version", b.policy_version()}, {"keys", keys}};
  out["requests"] = {{"total", t.total}, {"by_type", t.total_by_type}};
  out["changed"] = {{"total", t.changed}, {"by_type", t.changed_by_type}, {"by_rule", t.changed_by_rule},
                    {"unattributed_fields", t.unattributed}, {"not_allowed", t.disallowed}};
  ordered_json list = ordered_json::array();
  for (const auto& key : t.kind_order) {
    const ChangeKind& k = t.kinds.at(key);
    list.push_back({{"type", k.type}, {"count", k.count}, {"rules", k.rules}, {"fields", k.fields}, {"reasons_added", k.added},
                    {"reasons_removed", k.removed},
                    {"example", {{"request", json::parse(k.request, nullptr, false)}, {"changes", changes_json(k.changes)}}}});
  }
  out["kinds"] = list;
  return out;
}

}  // namespace

int policy_diff(int argc, char** argv) {
  const char* files[2] = {nullptr, nullptr};
  const char* requests = nullptr;
  bool as_json = false;
  std::optional<CivilDate> from, to;
  std::optional<Instant> at;
  Allow allow;
  int n = 0;
  for (int k = 0; k < argc; ++k) {
    const std::string arg = argv[k];
    const bool has_value = k + 1 < argc;
    if (arg == "--json") {
      as_json = true;
    } else if ((arg == "--from" || arg == "--to") && has_value) {
      auto d = parse_date(argv[++k]);
      if (!d) {
        std::fprintf(stderr, "certpolicy: %s is not a date (YYYY-MM-DD)\n", argv[k]);
        return kExitUsage;
      }
      (arg == "--from" ? from : to) = d.value;
    } else if (arg == "--at" && has_value) {
      at = at_arg(argv[++k]);
      if (!at) {
        std::fprintf(stderr, "certpolicy: %s is not an RFC 3339 instant\n", argv[k]);
        return kExitUsage;
      }
    } else if (arg == "--requests" && has_value) {
      requests = argv[++k];
    } else if (arg == "--allow-types" && has_value) {
      allow.types = list_arg(argv[++k]);
    } else if (arg == "--allow-rules" && has_value) {
      allow.rules = list_arg(argv[++k]);
    } else if (n < 2 && arg.rfind("--", 0) != 0) {
      files[n++] = argv[k];
    } else {
      n = 3;
    }
  }
  if (n != 2 || (requests && (from || to))) {
    std::fputs(
        "usage: certpolicy policy diff OLD NEW [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--allow-types T,…] [--allow-rules R,…] [--json]\n"
        "       certpolicy policy diff OLD NEW --requests FILE.ndjson [--at INSTANT] [--allow-types T,…] [--allow-rules R,…] [--json]\n",
        stderr);
    return kExitUsage;
  }
  int status = 0;
  auto old_engine = engine_from_file(files[0], status);
  if (!old_engine) return status;
  auto new_engine = engine_from_file(files[1], status);
  if (!new_engine) return status;
  if (requests) return replay(*old_engine, *new_engine, requests, at.value_or(clock_now()), allow, as_json);

  // Default: a year of decisions from today (China date).
  if (!from) from = kChina.date_of(clock_now());
  if (!to) to = add_months(*from, 12);
  if (*to <= *from || days_between(*from, *to) > 3660) {
    std::fputs("certpolicy: --to must be after --from, at most 10 years later\n", stderr);
    return kExitUsage;
  }
  const DiffReport r = diff_corpus(*old_engine, *new_engine, *from, *to, allow);
  const int code = r.tally.disallowed > 0 ? kExitFound : 0;
  if (as_json) {
    ordered_json out = report_json(*old_engine, *new_engine, r);
    out["from"] = format_date(*from);
    out["to"] = format_date(*to);
    return written(out.dump(-1, ' ', false, json::error_handler_t::replace), code);
  }
  const std::string range = format_date(*from) + " .. " + format_date(*to) + " (exclusive)";
  return written(report_text(*old_engine, *new_engine, range, r), code);
}

}  // namespace certpolicy::cli
