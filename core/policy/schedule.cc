// Reads a policy file into its changes, builds and validates every
// combination of them a request's moments can select, and picks one.
#include "policy/schedule.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "engine.h"
#include "json/json_out.h"
#include "json/json_tree.h"
#include "policy/messages.h"

namespace certpolicy {

namespace {

using nlohmann::json;

// Sections whose dated changes govern decisions unless the change says
// otherwise: facts (the calendar, the catalogue's lifecycle notices) and rules
// checked when something is decided (forms, certificates). Every other section
// holds terms of an order (windows, amounts, tiers): orders paid.
bool is_fact(std::string_view section) {
  for (std::string_view f : {"calendar", "catalogue", "booking_form", "certificate", "zone", "region", "source"}) {
    if (section == f) return true;
  }
  return false;
}

// The days off the law fixes by date (全国年节及纪念日放假办法: 元旦, 劳动节,
// 国庆节): every year's State Council notice lists them.
constexpr unsigned kFixedDaysOff[][2] = {{1, 1}, {5, 1}, {10, 1}, {10, 2}, {10, 3}};

std::string join_path(const std::string& a, std::string_view b) { return a.empty() ? std::string(b) : a + "." + std::string(b); }

// Member `key` of `j` when `j` is an object that has it, else null (nlohmann's
// own accessors throw, or insert, on a missing key or a value of another kind).
const json* member(const json* j, const std::string& key) {
  if (j == nullptr || !j->is_object()) return nullptr;
  auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}
const json* member(const json& j, std::initializer_list<const char*> keys) {
  const json* at = &j;
  for (const char* k : keys) at = member(at, k);
  return at;
}
// A catalogue entry's id ("" when it has none, or not as text).
std::string id_of(const json& entry) {
  const json* id = member(&entry, "id");
  return id != nullptr && id->is_string() ? id->get<std::string>() : std::string();
}

// The policy a merged document makes, validated, or the issue.
std::shared_ptr<const Policy> load_document(const std::string& text, Issues& issues) {
  JsonDoc doc;
  if (!doc.parse(text)) {
    issues.fail("", detail_code::kMalformedJson, "JSON");
    return nullptr;
  }
  const JsonIn root(&doc, doc.root(), "");
  std::optional<Policy> p = load_policy(root, issues);
  if (!p || !all_fields_known(root, issues)) return nullptr;
  return std::make_shared<const Policy>(std::move(*p));
}

// A path's parts: "a.b[2].c" → a, b, [2], c.
std::vector<std::string> path_parts(std::string_view path) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : path) {
    if (ch == '.' || ch == '[') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      if (ch == '[') cur.push_back('[');
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

const char* governs_name(Governs g) { return g == Governs::kOrdersPaid ? "orders_paid" : "decisions"; }

std::vector<const Policy*> Schedule::policies() const {
  std::vector<const Policy*> out;
  for (const Slot& s : slots_) out.push_back(s.policy.get());
  return out;
}

// Reads one file; each step fails with the issue in `failure`.
class ScheduleReader {
 public:
  ScheduleReader(PolicyMode mode, PolicyFailure& failure) : mode_(mode), failure_(failure) {}

  std::shared_ptr<const Schedule> read(std::string_view text) {
    Issues issues;
    if (text.size() > kMaxPolicyBytes) {
      issues.fail("", detail_code::kTooLarge, "at most " + std::to_string(kMaxPolicyBytes) + " bytes");
      return fail(issues);
    }
    if (mode_ == PolicyMode::kPublished && text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      issues.fail("", detail_code::kMissing, "a JSON object ({} for the built-in policy)");
      return fail(issues);
    }
    if (!file_.read(text, issues)) {
      failure_.spot = file_.spot();
      failure_.syntax = file_.syntax();
      return fail(issues);
    }
    out_ = std::make_shared<Schedule>();
    if (!read_envelope(issues)) return fail(issues);
    if (!build(issues)) return nullptr;
    if (!version_issue_.ok()) return fail(version_issue_);
    return out_;
  }

 private:
  // The issue of a step that reads the file in its own terms.
  std::shared_ptr<const Schedule> fail(const Issues& issues) {
    failure_.issue = *issues.first();
    if (!failure_.spot.known()) failure_.spot = file_.where(failure_.issue.path);
    return nullptr;
  }

  // version, changes and the top-level patch, in the file's own terms.
  bool read_envelope(Issues& issues) {
    const JsonDoc& doc = file_.doc();
    const JsonIn root(&doc, doc.root(), "");
    if (!read_object(root, issues)) return false;
    const json& tree = file_.tree();
    const std::string builtin = Schedule::builtin()->version();
    // A published file names its own version (the footer and every answer
    // say it): checked once the changes are read, so that a typo in them is
    // said first.
    if (root["version"].present()) {
      auto v = read_string(root["version"], issues, 64);
      if (!v) return false;
      out_->version_ = *v;
      if (mode_ == PolicyMode::kPublished && *v == builtin) {
        version_issue_.fail("version", detail_code::kInconsistent, "a version of this file, not the built-in " + builtin);
      }
    } else {
      out_->version_ = builtin;
      if (mode_ == PolicyMode::kPublished && !tree.empty()) {
        version_issue_.fail("version", detail_code::kMissing, "this file's own version (not the built-in " + builtin + ")");
      }
    }
    version_given_ = root["version"].present();

    // The top level's own patch: every key but version, effective_from, changes.
    json top = tree.is_object() ? tree : json::object();
    for (const char* k : {"version", "effective_from", "changes"}) top.erase(k);
    const bool has_changes = root["changes"].present();
    std::optional<Instant> top_from;
    if (root["effective_from"].present()) {
      if (has_changes) {
        issues.fail("effective_from", detail_code::kInconsistent, "no effective_from beside changes (each change has its own)");
        return false;
      }
      top_from = read_instant(root["effective_from"], issues);
      if (!top_from) return false;
    }
    for (const auto& [key, member] : root.members()) {
      if (key != "version" && key != "effective_from" && key != "changes") doc.mark_read(member.ref());
    }
    if (!top.empty()) {
      PolicyChange c;
      c.id = out_->version_;
      c.effective_from = top_from;
      c.patch = top;
      if (top_from && !governs(c, std::nullopt, "effective_from", issues)) return false;
      changes_.push_back(std::move(c));
    }
    if (has_changes) {
      const JsonIn list = root["changes"];
      auto n = read_array(list, issues, kMaxPolicyChanges, false);
      if (!n) return false;
      std::set<std::string> ids;
      for (std::size_t k = 0; k < *n; ++k) {
        const JsonIn in = list[k];
        if (!read_object(in, issues)) return false;
        PolicyChange c;
        auto id = read_string(in["id"], issues, 40);
        if (!id) return false;
        if (id->empty() || id->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
          issues.fail(in["id"].path(), detail_code::kBadFormat, "lower-case letters, digits, '.', '_' and '-'");
          return false;
        }
        if (!ids.insert(*id).second || *id == out_->version_) {
          issues.fail(in["id"].path(), detail_code::kInconsistent, "an id no other change (nor the file's version) has");
          return false;
        }
        c.id = *id;
        if (in["effective_from"].present()) {
          c.effective_from = read_instant(in["effective_from"], issues);
          if (!c.effective_from) return false;
        }
        auto applies = read_choice(in["applies_to"], issues, {"orders_paid", "decisions"}, 2);
        const JsonIn patch = in["patch"];
        if (!applies || !read_object(patch, issues)) return false;
        doc.mark_read(patch.ref());
        c.where = patch.path();
        c.patch = tree["changes"][k]["patch"];
        for (const char* k2 : {"version", "effective_from", "changes"}) {
          if (c.patch.contains(k2)) {
            issues.fail(join_path(c.where, k2), detail_code::kInconsistent,
                        std::string(k2) == "version" ? "the file's version once, at the top of the file"
                                                     : "a patch of the policy (each change is one entry of changes)");
            return false;
          }
        }
        if (c.patch.empty()) {
          issues.fail(c.where, detail_code::kMissing, "at least one key of the policy");
          return false;
        }
        std::optional<Governs> said;  // applies_to: 0 orders paid, 1 decisions, 2 not said
        if (*applies != 2) said = *applies == 0 ? Governs::kOrdersPaid : Governs::kDecisions;
        if (c.effective_from && !governs(c, said, in["applies_to"].path(), issues)) return false;
        changes_.push_back(std::move(c));
      }
    }
    return all_fields_known(root, issues);
  }

  // Sets what a dated change governs: as it says, else by the sections it sets.
  bool governs(PolicyChange& c, std::optional<Governs> said, const std::string& path, Issues& issues) {
    std::vector<std::string> facts, terms;
    for (const auto& [key, value] : c.patch.items()) (is_fact(key) ? facts : terms).push_back(key);
    if (said == Governs::kOrdersPaid) {
      for (const std::string& f : facts) {
        if (f == "calendar" || f == "catalogue") {
          issues.fail(path, detail_code::kInconsistent,
                      "decisions: the calendar and the catalogue are facts that hold for every order (" + f + ")");
          return false;
        }
      }
    }
    if (!said && !facts.empty() && !terms.empty() && path == "effective_from") {
      // The whole file at one date: the issue's case (a live calendar withheld until a window's date).
      issues.fail(path, detail_code::kInconsistent,
                  "one kind of change per date: order terms (" + terms.front() + ") govern the orders paid from it, facts (" +
                      facts.front() + ") the decisions made from it; give them as separate entries of \"changes\"");
      return false;
    }
    if (!said && !facts.empty() && !terms.empty()) {
      issues.fail(path, detail_code::kMissing,
                  "orders_paid or decisions: the change sets order terms (" + terms.front() + ") and facts (" + facts.front() +
                      "); say which it governs, or split it");
      return false;
    }
    c.governs = said.value_or(terms.empty() ? Governs::kDecisions : Governs::kOrdersPaid);
    return true;
  }

  // The change applied to `doc`: catalogue entries given by id merged into
  // their entries, and, for a published file, what a merge patch would
  // silently lose refused.
  bool apply(json& doc, const PolicyChange& c, bool checks, Issues& issues) {
    json patch = c.patch;
    json* certs = const_cast<json*>(member(patch, {"catalogue", "certifications"}));
    const json* before = member(doc, {"catalogue", "certifications"});
    const json before_certs = before != nullptr && before->is_array() ? *before : json::array();
    const std::string certs_path = join_path(c.where, "catalogue.certifications");
    if (certs != nullptr && certs->is_object()) {
      json list = before_certs;
      for (const auto& item : certs->items()) {
        const std::string& id = item.key();
        const json& entry = item.value();
        const std::string at = certs_path + "." + id;
        auto it = std::find_if(list.begin(), list.end(), [&](const json& e) { return id_of(e) == id; });
        if (entry.is_null()) {
          issues.fail(at, detail_code::kInconsistent, "an entry kept: stop its sale with sale_stops_on and exams_until");
          return false;
        }
        json merged = json::object();
        if (it != list.end()) merged = *it;
        else merged["id"] = id;
        merged.merge_patch(entry);
        if (!merged.is_object() || id_of(merged) != id) {
          issues.fail(at, detail_code::kInconsistent, "an entry whose id is its key \"" + id + "\"");
          return false;
        }
        if (it != list.end()) *it = std::move(merged);
        else list.push_back(std::move(merged));
      }
      *certs = std::move(list);
    } else if (checks && certs != nullptr && certs->is_array()) {
      std::vector<std::string> dropped;
      for (const json& e : before_certs) {
        const std::string id = id_of(e);
        if (std::none_of(certs->begin(), certs->end(), [&](const json& n) { return id_of(n) == id; })) {
          dropped.push_back(id);
        }
      }
      if (!dropped.empty()) {
        std::string names;
        for (std::size_t k = 0; k < dropped.size() && k < 3; ++k) names += (k ? ", " : "") + dropped[k];
        if (dropped.size() > 3) names += ", …";
        issues.fail(certs_path, detail_code::kInconsistent,
                    "every entry of the catalogue it replaces (it drops " + std::to_string(dropped.size()) + ": " + names +
                        "); change entries by id: {\"certifications\": {\"<id>\": {…}}}");
        return false;
      }
    }
    const json* years = member(patch, {"calendar", "years"});
    if (checks && years != nullptr && years->is_object()) {
      for (const auto& [year, given] : years->items()) {
        const bool existed = member(member(doc, {"calendar", "years"}), year) != nullptr;
        const bool lists = given.is_object() && (given.contains("holidays") || given.contains("makeup_workdays"));
        const bool whole = given.is_object() && given.contains("notice") && given.contains("holidays") && given.contains("makeup_workdays");
        if (existed && lists && !whole) {
          issues.fail(join_path(c.where, "calendar.years." + year), detail_code::kInconsistent,
                      "the whole year: notice, holidays and makeup_workdays (a list replaces the year's list whole)");
          return false;
        }
      }
    }
    doc.merge_patch(patch);
    return true;
  }

  // Every combination, validated.
  bool build(Issues& issues) {
    Schedule& s = *out_;
    // The order changes apply in: undated in file order, then dated by instant.
    // (An insertion sort, stable: at most kMaxPolicyChanges + 1 changes; std::stable_sort cost 9 KB of wasm.)
    auto later = [](const PolicyChange& a, const PolicyChange& b) {
      return a.effective_from && (!b.effective_from || *b.effective_from < *a.effective_from);
    };
    for (std::size_t k = 1; k < changes_.size(); ++k) {
      for (std::size_t j = k; j > 0 && later(changes_[j - 1], changes_[j]); --j) std::swap(changes_[j - 1], changes_[j]);
    }
    s.changes_ = changes_;
    for (std::size_t k = 0; k < s.changes_.size(); ++k) {
      if (!s.changes_[k].effective_from) continue;
      (s.changes_[k].governs == Governs::kOrdersPaid ? s.orders_ : s.decisions_).push_back(k);
    }
    JsonDoc builtin;
    if (!builtin.parse(default_policy_text())) {  // never: the build embeds a text the tests parse
      issues.fail("", detail_code::kMalformedJson, "JSON");
      fail(issues);
      return false;
    }
    json base = to_tree(builtin, builtin.root());
    if (version_given_) base["version"] = s.version_;

    // Every change in order, once: the checks of a published file, and the
    // document after each (what each change touches, for `policy check`).
    json doc = base;
    auto text = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    s.sequence_.push_back(text(doc));
    for (PolicyChange& c : s.changes_) {
      if (!apply(doc, c, mode_ == PolicyMode::kPublished, issues)) {
        fail(issues);
        return false;
      }
      s.sequence_.push_back(text(doc));
    }

    const std::size_t rows = s.decisions_.size() + 1, cols = s.orders_.size() + 1;
    s.slots_.resize(rows * cols);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < cols; ++j) {
        std::vector<const PolicyChange*> applied;
        json d = base;
        for (std::size_t k = 0; k < s.changes_.size(); ++k) {
          const PolicyChange& c = s.changes_[k];
          const auto& list = c.governs == Governs::kOrdersPaid ? s.orders_ : s.decisions_;
          const std::size_t limit = c.governs == Governs::kOrdersPaid ? j : i;
          const bool in_force = !c.effective_from || std::find(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(limit), k) !=
                                                         list.begin() + static_cast<std::ptrdiff_t>(limit);
          if (!in_force) continue;
          if (!apply(d, c, false, issues)) {
            fail(issues);
            return false;
          }
          applied.push_back(&c);
        }
        Slot& slot = s.slots_[i * cols + j];
        slot.text = text(d);
        slot.policy = load_document(slot.text, issues);
        if (slot.policy && mode_ == PolicyMode::kPublished) fixed_days_off(*slot.policy, issues);
        if (!issues.ok()) {
          refuse_combination(issues, applied, d);
          return false;
        }
      }
    }
    return true;
  }

  // A verified year, and a year counted by its estimate (CAL-4: every day
  // that may be off), lists every day off the law fixes by date.
  void fixed_days_off(const Policy& p, Issues& issues) {
    std::vector<std::pair<int, std::string>> years;  // the year, where its days off are listed
    for (int y : p.calendar.years()) {
      if (p.calendar.verified(y)) years.emplace_back(y, "calendar.years." + std::to_string(y) + ".holidays");
    }
    for (int y : p.calendar.estimate_years()) {
      if (p.calendar.estimated(y)) years.emplace_back(y, "calendar.estimates." + std::to_string(y) + ".days_off");
    }
    for (const auto& [y, at] : years) {
      for (const auto& md : kFixedDaysOff) {
        const CivilDate d = CivilDate::from_ymd(y, md[0], md[1]);
        if (p.calendar.kind(d) != DayKind::kHoliday) {
          issues.fail(at, detail_code::kInconsistent,
                      "every day off the law fixes by date (01-01, 05-01, 10-01, 10-02, 10-03) in a year that cites its notice or is "
                      "counted by an estimate: " + format_date(d) + " is missing");
          return;
        }
      }
    }
  }

  // A combination broke a relation: the issue in the terms of the file, at
  // the change that sets the field (or the nearest part of it).
  void refuse_combination(const Issues& issues, const std::vector<const PolicyChange*>& applied, const json& merged) {
    failure_.issue = *issues.first();
    for (const PolicyChange* c : applied) {
      if (c->effective_from) failure_.in_force.push_back(c->id);
    }
    const std::vector<std::string> parts = path_parts(failure_.issue.path);
    std::size_t best_depth = 0;
    std::string best_path;
    for (auto it = applied.rbegin(); it != applied.rend(); ++it) {
      const PolicyChange& c = **it;
      const json* node = &c.patch;
      const json* in_doc = &merged;
      std::string p;
      std::size_t depth = 0;
      for (const std::string& part : parts) {
        const json* next = nullptr;
        std::string step;  // "key" or "[k]" in the patch's own terms
        if (part[0] == '[') {
          std::size_t k = 0;
          std::from_chars(part.data() + 1, part.data() + part.size(), k);
          const json* entry = in_doc != nullptr && in_doc->is_array() && k < in_doc->size() ? &(*in_doc)[k] : nullptr;
          if (node->is_array() && k < node->size()) {
            next = &(*node)[k];
            step = part;
          } else if (entry != nullptr && !id_of(*entry).empty()) {  // a catalogue entry given by id
            step = id_of(*entry);
            next = member(node, step);
          }
          in_doc = entry;
        } else {
          next = member(node, part);
          step = part;
          in_doc = member(in_doc, part);
        }
        if (next == nullptr) break;
        p += step[0] == '[' || p.empty() ? step : "." + step;
        node = next;
        ++depth;
      }
      if (depth > best_depth) {
        best_depth = depth;
        best_path = join_path(c.where, p);
        if (depth == parts.size()) failure_.issue.path = best_path;
      }
    }
    if (best_depth > 0) failure_.spot = file_.where(best_path);
  }

  PolicyMode mode_;
  PolicyFailure& failure_;
  PolicyFile file_;
  std::shared_ptr<Schedule> out_;
  std::vector<PolicyChange> changes_;
  bool version_given_ = false;
  Issues version_issue_;
  using Slot = Schedule::Slot;
};

std::shared_ptr<const Schedule> Schedule::builtin() {
  static const std::shared_ptr<const Schedule> kBuiltin = [] {
    auto s = std::make_shared<Schedule>();
    Issues issues;
    Slot slot;
    slot.text = default_policy_text();
    slot.policy = load_document(slot.text, issues);
    if (slot.policy) s->version_ = slot.policy->version;
    s->sequence_.push_back(slot.text);
    s->slots_.push_back(std::move(slot));
    return s;
  }();
  return kBuiltin;
}

std::shared_ptr<const Schedule> Schedule::read(std::string_view text, PolicyMode mode, PolicyFailure& failure) {
  return ScheduleReader(mode, failure).read(text);
}

const Schedule::Slot& Schedule::slot(Instant decided, Instant paid) const {
  auto count = [&](const std::vector<std::size_t>& list, Instant t) {
    std::size_t n = 0;
    while (n < list.size() && *changes_[list[n]].effective_from <= t) ++n;
    return n;
  };
  return slots_[count(decisions_, decided) * (orders_.size() + 1) + count(orders_, paid)];
}

std::optional<Instant> Schedule::next_change_after(Instant t) const {
  std::optional<Instant> next;
  for (const PolicyChange& c : changes_) {
    if (c.effective_from && *c.effective_from > t && (!next || *c.effective_from < *next)) next = c.effective_from;
  }
  return next;
}

std::vector<Instant> Schedule::instants() const {
  std::vector<Instant> out;
  for (const PolicyChange& c : changes_) {
    if (c.effective_from && (out.empty() || out.back() != *c.effective_from)) out.push_back(*c.effective_from);
  }
  return out;
}

std::shared_ptr<const Schedule> read_policy(std::string_view text, PolicyMode mode, std::string& error) {
  PolicyFailure failure;
  auto schedule = Schedule::read(text, mode, failure);
  if (schedule) return schedule;
  const FieldIssue& issue = failure.issue;
  std::string message;
  if (mode == PolicyMode::kPublished && failure.spot.known()) message = spot_text(failure.spot) + ": ";
  if (issue.detail == detail_code::kMalformedJson) {
    message += Messages::get().word("policy_not_json", Locale::kEn);
    if (!failure.syntax.empty()) message += " (" + failure.syntax + ")";
  } else {
    message += Messages::get().field_error(issue, Locale::kEn);
  }
  if (!failure.in_force.empty()) {
    message += " (with the dated change";
    message += failure.in_force.size() > 1 ? "s " : " ";
    for (size_t k = 0; k < failure.in_force.size(); ++k) message += (k ? ", " : "") + failure.in_force[k];
    message += " in force)";
  }
  TextOut out;
  write_error_envelope(out, "INVALID_POLICY", issue, message, failure.spot);
  error = std::string(out.view());
  return nullptr;
}


std::string Schedule::changes_json() const {
  TextOut out;
  out.push_back('[');
  for (const PolicyChange& c : changes_) {
    if (out.size() > 1) out.push_back(',');
    out += "{\"applies_to\":";
    if (c.effective_from) write_json_string(governs_name(c.governs), out);
    else out += "null";
    out += ",\"effective_from\":";
    out += c.effective_from ? std::to_string(c.effective_from->time().time_since_epoch().count()) : std::string("null");
    out += ",\"id\":";
    write_json_string(c.id, out);
    out.push_back('}');
  }
  out.push_back(']');
  return std::string(out.view());
}

}  // namespace certpolicy
