// What a valid policy file changes, key by key, and what in it is likely a
// mistake.
#include "cli/review.h"

#include <algorithm>
#include <cstdlib>

namespace certpolicy {

namespace {

using nlohmann::json;

// Keys of the policy that no decision reads (provenance, or numbers kept for
// a screen the engine does not decide): a change to one is said, since it
// changes nothing a candidate is told.
// (practitioner.duration decides `exam_minutes` of the practitioner answer.)
constexpr std::string_view kNotDecided[] = {"region", "source", "calendar.source", "booking_form.seat_hold",
                                            "certificate.levels_renamed_on"};

bool under(std::string_view path, std::string_view key) {
  return path == key || (path.size() > key.size() && path.substr(0, key.size()) == key && path[key.size()] == '.');
}

std::string join_path(const std::string& a, std::string_view b) { return a.empty() ? std::string(b) : a + "." + std::string(b); }

std::string id_of(const json& entry) {
  return entry.is_object() && entry.contains("id") && entry["id"].is_string() ? entry["id"].get<std::string>() : std::string();
}

void changes_below(const json& a, const json& b, const std::string& path, std::vector<TouchedKey>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.push_back(k);
    for (const auto& [k, v] : b.items()) {
      if (!a.contains(k)) keys.push_back(k);
    }
    for (const std::string& k : keys) changes_below(a.value(k, json()), b.value(k, json()), join_path(path, k), out);
    return;
  }
  if (path == "catalogue.certifications" && a.is_array() && b.is_array()) {
    auto find = [](const json& list, const std::string& id) {
      auto it = std::find_if(list.begin(), list.end(), [&](const json& e) { return id_of(e) == id; });
      return it == list.end() ? json() : *it;
    };
    std::vector<std::string> ids;
    for (const json& e : a) ids.push_back(id_of(e));
    for (const json& e : b) {
      if (find(a, id_of(e)).is_null()) ids.push_back(id_of(e));
    }
    for (const std::string& id : ids) changes_below(find(a, id), find(b, id), path + "." + id, out);
    return;
  }
  out.push_back({path, a, b});
}

}  // namespace

std::vector<TouchedKey> document_changes(const json& before, const json& after) {
  std::vector<TouchedKey> out;
  changes_below(before, after, "", out);
  return out;
}

// The years whose estimate a touched key removes: calendar.estimates.<y> set to
// null, or calendar.estimates itself replaced without them.
std::vector<int> removed_estimates(const TouchedKey& t) {
  std::vector<int> out;
  if (under(t.path, "calendar.estimates") && std::count(t.path.begin(), t.path.end(), '.') == 2 && t.after.is_null()) {
    out.push_back(std::atoi(t.path.c_str() + std::string_view("calendar.estimates.").size()));
  } else if (t.path == "calendar.estimates" && t.before.is_object()) {
    for (const auto& [key, value] : t.before.items()) {
      if (!t.after.is_object() || !t.after.contains(key)) out.push_back(std::atoi(key.c_str()));
    }
  }
  return out;
}

bool decides(std::string_view path) {
  // An estimate's basis (CAL-4) is its provenance, as calendar.source is: calendar.estimates.<year>.basis.
  if (under(path, "calendar.estimates") && path.ends_with(".basis")) return false;
  return std::none_of(std::begin(kNotDecided), std::end(kNotDecided), [&](std::string_view k) { return under(path, k); });
}

Review review(const Schedule& s) {
  Review r;
  auto warn = [&](std::string code, std::string path, std::string message) {
    for (const PolicyWarning& w : r.warnings) {
      if (w.code == code && w.path == path) return;
    }
    r.warnings.push_back({std::move(code), std::move(path), std::move(message)});
  };
  const auto& seq = s.sequence();
  for (size_t k = 0; k < s.changes().size() && k + 1 < seq.size(); ++k) {
    const PolicyChange& c = s.changes()[k];
    const std::string at = c.where.empty() ? "" : c.where + ".";
    std::vector<TouchedKey> keys = document_changes(json::parse(seq[k], nullptr, false), json::parse(seq[k + 1], nullptr, false));
    if (keys.empty()) warn("CHANGES_NOTHING", c.where, "change " + c.id + " sets every key to the value it already has");
    for (const TouchedKey& t : keys) {
      if (!decides(t.path)) warn("DECIDES_NOTHING", at + t.path, t.path + " is not read by any decision: no candidate is told anything different");
      if (t.path == "training.refund_tiers" && t.before.is_array() && t.after.is_array() && t.after.size() < t.before.size()) {
        warn("TIER_DROPPED", at + t.path,
             "training.refund_tiers has " + std::to_string(t.after.size()) + " tier(s) instead of " + std::to_string(t.before.size()) +
                 ": a list replaces the whole list, so the tiers not given are dropped");
      }
      if (under(t.path, "calendar.years") && std::count(t.path.begin(), t.path.end(), '.') == 2 && t.after.is_null()) {
        const int y = std::atoi(t.path.c_str() + std::string_view("calendar.years.").size());
        warn("YEAR_REMOVED", at + t.path,
             t.path + " is removed: its days count " +
                 (s.last().calendar.estimated(y) ? "by its estimate (calendar.estimates." + std::to_string(y) + ") again" : "Monday to Friday again"));
      }
      // CAL-4: an estimate removed from a year that gets no data counts Monday to Friday: later dates to apply by.
      for (int y : removed_estimates(t)) {
        if (s.last().calendar.has_data(y)) continue;
        const std::string e = "calendar.estimates." + std::to_string(y);
        warn("ESTIMATE_REMOVED", at + e,
             e + " is removed and " + std::to_string(y) +
                 " has no data: its days count Monday to Friday, so dates to apply by may be later than its published schedule will give");
      }
    }
    r.touched.push_back(std::move(keys));
  }
  for (const Policy* p : s.policies()) {
    for (int y : p->calendar.years()) {
      if (p->calendar.verified(y)) continue;
      const std::string year = "calendar.years." + std::to_string(y);
      warn("YEAR_UNCITED", year + ".notice", year + " has holiday data but cites no official notice: it is used and said to be unverified");
    }
    for (int y : p->calendar.estimate_years()) {
      if (p->calendar.estimated(y)) continue;
      const std::string at = "calendar.estimates." + std::to_string(y);
      warn("ESTIMATE_SUPERSEDED", at, at + " is not used: calendar.years." + std::to_string(y) +
                                          " gives the year's own days; remove the estimate");
    }
  }
  return r;
}

}  // namespace certpolicy
