// `policy diff` sees every leaf of the policy, and counts the same on any
// number of cores. Every leaf (under the sanitizers, a sample that meets every
// kind of leaf; see `sample`): each leaf of the built-in
// policy is changed alone (the first change of it that a published file may
// make) and the diff over one day must report it: decisions that change, each
// under a rule, or, for the keys no decision reads (provenance, numbers no
// rule decides with), the key named as one no decision reads and no decision
// changed. A leaf no published file may change alone is named here with why.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/on_cores.h"
#include "cli/policy_diff.h"

namespace certpolicy {
namespace {

using nlohmann::json;

struct Leaf {
  std::vector<std::string> path;  // keys, and "[k]" for list elements
  json value;
  std::string dotted() const {
    std::string out;
    for (const auto& p : path) out += p[0] == '[' ? p : (out.empty() ? "" : ".") + p;
    return out;
  }
};

void leaves(const json& j, std::vector<std::string>& path, std::vector<Leaf>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      path.push_back(k);
      leaves(v, path, out);
      path.pop_back();
    }
  } else if (j.is_array()) {
    for (size_t k = 0; k < j.size(); ++k) {
      path.push_back("[" + std::to_string(k) + "]");
      leaves(j[k], path, out);
      path.pop_back();
    }
  } else {
    out.push_back({path, j});
  }
}

// Other values a leaf may take, the likeliest to be accepted first.
std::vector<json> candidates(const Leaf& leaf) {
  const std::string& key = leaf.path.back();
  const json& v = leaf.value;
  if (v.is_boolean()) return {!v.get<bool>()};
  if (v.is_number_integer()) return {v.get<int>() + 1, v.get<int>() - 1};
  const std::string s = v.get<std::string>();
  if (key == "notice") return {""};
  if (key == "default_flow") return {s == "purchase_then_book" ? "book_then_purchase" : "purchase_then_book"};
  if (key == "track") return {s == "ai" ? "cloud" : "ai"};
  const bool kind_named = key == "kind" || (leaf.path.size() >= 2 && leaf.path[leaf.path.size() - 2] == "online_kinds");
  if (kind_named) return {s == "specialty" ? "developer" : "specialty"};
  if (key == "level") return {s == "TCCP" ? "TCCA" : "TCCP"};
  if (key == "successor" || key == "renamed_from") return {json()};
  if (key == "prefix") return {"9"};
  if (s.size() == 1) return {"K"};
  if (auto d = parse_date(s)) return {format_date(add_days(*d.value, 1)), format_date(add_days(*d.value, -1)), json("remove")};
  return {"x" + s};
}

// The published file that gives `leaf` the value `to` ("remove": drops the
// list element), every other leaf as built in.
json file_for(const json& base, const Leaf& leaf, const json& to) {
  json patch = json::object();
  const auto& p = leaf.path;
  // A catalogue entry, by its id.
  if (p.size() >= 3 && p[0] == "catalogue" && p[1] == "certifications") {
    const std::string id = base["catalogue"]["certifications"][std::stoul(p[2].substr(1))]["id"];
    json* at = &patch["catalogue"]["certifications"][id];
    for (size_t k = 3; k + 1 < p.size(); ++k) at = &(*at)[p[k]];
    (*at)[p.back()] = to;
    return patch;
  }
  // Anything in a list: the list, or the calendar year, given whole.
  size_t whole = p.size() - 1;
  for (size_t k = 0; k < p.size(); ++k) {
    if (p[k][0] == '[') {
      whole = k - 1;
      break;
    }
  }
  if (p.size() >= 3 && p[0] == "calendar" && p[1] == "years") whole = 2;
  json::json_pointer ptr;
  json* slot = &patch;  // keys only (a pointer would make "2024" an array index)
  for (size_t k = 0; k <= whole; ++k) {
    ptr /= p[k];
    slot = &(*slot)[p[k]];
  }
  json part = base[ptr];
  json::json_pointer inner;
  for (size_t k = whole + 1; k < p.size(); ++k) inner /= p[k][0] == '[' ? std::to_string(std::stoul(p[k].substr(1))) : p[k];
  if (whole + 1 == p.size()) {
    part = to;
  } else if (to == "remove") {
    part[inner.parent_pointer()].erase(std::stoul(inner.back()));
  } else {
    part[inner] = to;
  }
  *slot = part;
  return patch;
}

// Leaves no published file may change alone, and why (each is asserted refused).
bool fixed(const Leaf& leaf, const json& base) {
  const std::string d = leaf.dotted();
  if (d == "booking_form.cn_id_card.length") return true;  // a resident ID has 18 characters (GB 11643)
  if (d.rfind("certificate.level_names.", 0) == 0) return true;  // the catalogue's levels name them
  if (d.rfind("catalogue.certifications[", 0) == 0 && leaf.path.back() == "id") return true;  // an entry is never removed
  // A day off the law fixes by date, in a year that cites its notice or in an estimate (CAL-4).
  const bool cited = leaf.path.size() == 5 && leaf.path[1] == "years" && leaf.path[3] == "holidays" &&
                     base["calendar"]["years"][leaf.path[2]].contains("notice");
  const bool estimated = leaf.path.size() == 5 && leaf.path[1] == "estimates" && leaf.path[3] == "days_off";
  if (cited || estimated) {
    const std::string md = leaf.value.get<std::string>().substr(5);
    for (const char* f : {"01-01", "05-01", "10-01", "10-02", "10-03"}) {
      if (md == f) return true;
    }
  }
  return false;
}

// What one leaf changed alone showed: the kind of leaf it turned out to be, and
// what went wrong with it (a sentence per failed expectation).
struct LeafOutcome {
  enum Kind { kSkipped, kDecides, kDecidesNothing, kFixed } kind = kSkipped;
  std::vector<std::string> failures;
};

LeafOutcome check_leaf(const json& base, const Leaf& leaf, const Engine& builtin, CivilDate day) {
  LeafOutcome out;
  const std::string d = leaf.dotted();
  if (d == "version") return out;  // the diff's header names both versions
  std::unique_ptr<Engine> changed;
  json given;
  for (const json& to : candidates(leaf)) {
    json file = file_for(base, leaf, to);
    file["version"] = "leaf-test";
    std::string why;
    changed = Engine::publish(file.dump(), why);
    given = to;
    if (changed) break;
  }
  if (!changed) {
    if (!fixed(leaf, base)) out.failures.push_back(d + ": no change of it alone is accepted");
    out.kind = LeafOutcome::kFixed;
    return out;
  }
  if (fixed(leaf, base)) out.failures.push_back(d + " is listed as fixed but " + given.dump() + " was accepted");
  const cli::DiffReport r = cli::diff_corpus(builtin, *changed, day, add_days(day, 1), {});
  // The key the diff names: a catalogue entry by its id, a list as a whole.
  std::string key = d;
  if (leaf.path[0] == "catalogue" && leaf.path.size() > 3) {
    key = "catalogue.certifications." + base["catalogue"]["certifications"][std::stoul(leaf.path[2].substr(1))]["id"].get<std::string>() +
          d.substr(d.find(']') + 1);
  }
  const bool listed = std::any_of(r.keys.begin(), r.keys.end(), [&](const TouchedKey& k) { return key.rfind(k.path, 0) == 0; });
  if (!listed) out.failures.push_back(d + ": not among the keys that differ");
  if (decides(d)) {
    if (r.tally.changed == 0) out.failures.push_back(d + " = " + given.dump() + ": no decision changed");
    if (!r.tally.unattributed.empty()) out.failures.push_back(d + ": fields under no rule: " + *r.tally.unattributed.begin());
    if (r.tally.changed_by_rule.empty()) out.failures.push_back(d + ": changes under no rule");
    out.kind = LeafOutcome::kDecides;
  } else {
    if (r.tally.changed != 0) out.failures.push_back(d + " is said to decide nothing, but decisions changed");
    out.kind = LeafOutcome::kDecidesNothing;
  }
  return out;
}

// Under the sanitizers (where a decision costs ~20 times as much: the test took
// 40 s of the sanitized run's 57) the same check runs on a sample: every leaf
// outside a list; of each list (the catalogue's certifications, a year's
// holidays and makeup days, …) the elements 0, 6, 12, … with all their leaves;
// and the first leaf of every other key a list element may carry (a
// certification's `successor`, `beta`, …), so every kind of leaf is changed.
// The Release tree checks every leaf.
#ifdef CERTPOLICY_SANITIZED
constexpr size_t kEveryNth = 6;
#else
constexpr size_t kEveryNth = 1;
#endif
std::vector<Leaf> sample(const std::vector<Leaf>& all) {
  std::vector<Leaf> out;
  std::set<std::string> shapes;  // a leaf's keys with its list indices left out
  for (const Leaf& leaf : all) {
    std::string shape;
    bool every_nth = true;  // outside a list, or in an element 0, 6, 12, … of its first list
    bool first_list = true;
    for (const std::string& p : leaf.path) {
      if (p[0] != '[') {
        shape += "." + p;
      } else {
        shape += "[]";
        if (first_list) every_nth = std::stoul(p.substr(1)) % kEveryNth == 0;
        first_list = false;
      }
    }
    const bool first_of_its_shape = shapes.insert(shape).second;
    if (every_nth || first_of_its_shape) out.push_back(leaf);
  }
  return out;
}

// The leaves are independent (each is its own published file and diff), so they
// are checked on every core: the test took 40-70 s alone under ASan+UBSan; the
// engines are read-only once made (Engine::evaluate_into is const).
TEST(PolicyLeaves, TheDiffSeesEveryLeafChangedAlone) {
  const json base = json::parse(default_policy_text());
  std::vector<Leaf> all;
  std::vector<std::string> path;
  leaves(base, path, all);
  std::string error;
  auto builtin = Engine::create("", error);
  ASSERT_TRUE(builtin);
  const CivilDate day = CivilDate::from_ymd(2026, 12, 1);
  const std::vector<Leaf> checked = sample(all);
  const std::vector<LeafOutcome> outcomes =
      cli::on_cores(checked, [&](const Leaf& leaf) { return check_leaf(base, leaf, *builtin, day); }, 1);
  size_t seen = 0, undecided = 0, refused = 0;
  for (const LeafOutcome& o : outcomes) {
    for (const std::string& f : o.failures) ADD_FAILURE() << f;
    seen += o.kind == LeafOutcome::kDecides;
    undecided += o.kind == LeafOutcome::kDecidesNothing;
    refused += o.kind == LeafOutcome::kFixed;
  }
  // Every leaf was one of the three (the version is the header's), and the
  // built-in policy's leaves were all walked (418 decide, 5 decide nothing,
  // 62 are fixed when this was written; the sanitized sample: 118, 5 and 17;
  // each year's estimate's basis, CAL-4, decides nothing too).
  EXPECT_EQ(seen + undecided + refused + 1, checked.size());
  EXPECT_GE(seen, kEveryNth == 1 ? 400u : 100u);
  EXPECT_EQ(undecided, 5u + base["calendar"]["estimates"].size());
  EXPECT_GE(refused, kEveryNth == 1 ? 60u : 15u);
  RecordProperty("leaves_seen", std::to_string(seen));
  RecordProperty("leaves_deciding_nothing", std::to_string(undecided));
  RecordProperty("leaves_fixed", std::to_string(refused));
}

// The diff decides its corpus on every core, a batch at a time; what it
// reports must be what one thread deciding the corpus in order reports: the
// same counts, the same kinds of change in the same order, each with the same
// first example. Small batches make several of a few days, with a dated
// change among them.
TEST(PolicyDiff, ReportsTheSameOnEveryCoreAsInCorpusOrder) {
  std::string error;
  auto builtin = Engine::create("", error);
  auto patched = Engine::publish(
      R"({"version": "cores-test", "exam_order": {"refund_window": {"hours": 168}},
          "changes": [{"id": "refund-3d", "effective_from": "2026-12-20T00:00:00+08:00",
                       "patch": {"exam_order": {"refund_window": {"hours": 72}}}}]})",
      error);
  ASSERT_TRUE(builtin && patched) << error;
  const CivilDate from = CivilDate::from_ymd(2026, 12, 18), to = CivilDate::from_ymd(2026, 12, 22);
  constexpr size_t kBatch = 256;
  const cli::DiffReport r = cli::diff_corpus(*builtin, *patched, from, to, {}, kBatch);

  cli::DiffTally one;
  TextOut before, after;
  cli::boundary_corpus(cli::corpus_input(*builtin, *patched, from, to), [&](const std::string& request) {
    builtin->evaluate_into(request, before);
    patched->evaluate_into(request, after);
    one.add(json::parse(request)["type"].get<std::string>(), request, before.view(), after.view(), {}, true);
  });
  ASSERT_GT(one.total, 4 * kBatch) << "several batches";
  ASSERT_GT(one.changed, 100u);
  EXPECT_EQ(r.tally.total, one.total);
  EXPECT_EQ(r.tally.changed, one.changed);
  EXPECT_EQ(r.tally.total_by_type, one.total_by_type);
  EXPECT_EQ(r.tally.changed_by_type, one.changed_by_type);
  EXPECT_EQ(r.tally.changed_by_rule, one.changed_by_rule);
  EXPECT_EQ(r.tally.unattributed, one.unattributed);
  EXPECT_EQ(r.tally.disallowed, one.disallowed);
  EXPECT_EQ(r.tally.kind_order, one.kind_order);
  for (const std::string& k : one.kind_order) {
    const cli::ChangeKind &x = r.tally.kinds.at(k), &y = one.kinds.at(k);
    EXPECT_EQ(x.request, y.request) << k;
    EXPECT_EQ(x.count, y.count) << k;
    EXPECT_EQ(x.rules, y.rules) << k;
    EXPECT_EQ(x.changes.size(), y.changes.size()) << k;
  }
}

}  // namespace
}  // namespace certpolicy
