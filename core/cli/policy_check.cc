// `certpolicy policy check FILE [--json] [--strict]`: decides whether the
// pages would use a policy file, reading it exactly as they do (the same
// bytes, the same decoder: core/policy/policy_file.h, schedule.h), and says
// what it changes: each change, when and for what it applies, the keys it
// sets (before -> after), the policy with every change, and the warnings.
// Exit 0 valid, 1 refused (or, with --strict, a warning), 2 usage/unreadable.
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/io.h"
#include "cli/policy_commands.h"
#include "cli/review.h"
#include "engine.h"

namespace certpolicy::cli {

namespace {

using nlohmann::ordered_json;

// "72 h", "10 d", "90 min": an elapsed window in its largest whole unit.
std::string elapsed_text(Elapsed e) {
  const auto m = e.count();
  if (m != 0 && m % (24 * 60) == 0) return std::to_string(m / (24 * 60)) + " d";
  if (m != 0 && m % 60 == 0) return std::to_string(m / 60) + " h";
  return std::to_string(m) + " min";
}

std::string period_text(const CalendarPeriod& p) {
  auto unit = [](int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  if (p.months != 0 && p.months % 12 == 0) return unit(p.months / 12, "year", "years");
  if (p.months != 0) return unit(p.months, "month", "months");
  return unit(p.days, "day", "days");
}

ordered_json summary(const Policy& p) {
  ordered_json years = ordered_json::array(), verified = ordered_json::array(), unverified = ordered_json::array();
  for (int y : p.calendar.years()) {
    years.push_back(y);
    (p.calendar.verified(y) ? verified : unverified).push_back(y);
  }
  // CAL-4: the years counted by an estimate (a year with data does not use its estimate).
  ordered_json estimated = ordered_json::array();
  for (int y : p.calendar.estimate_years()) {
    if (p.calendar.estimated(y)) estimated.push_back(y);
  }
  ordered_json flows = ordered_json::object();
  for (Flow f : {Flow::kPurchaseThenBook, Flow::kBookThenPurchase}) {
    const FlowPolicy& fl = p.exam_order.flow(f);
    flows[f == Flow::kPurchaseThenBook ? "purchase_then_book" : "book_then_purchase"] = {
        {"validity", period_text(fl.validity)}, {"change_window", elapsed_text(fl.change_window)}, {"cancel_allowed", fl.cancel_allowed}};
  }
  ordered_json tiers = ordered_json::array();
  for (const auto& t : p.training.refund_tiers) tiers.push_back({{"more_than_working_days", t.more_than_working_days}, {"percent", t.percent}});
  return {
      {"zone_utc_offset_minutes", p.zone.offset_minutes()},
      {"calendar", {{"years", years}, {"verified", verified}, {"unverified", unverified}, {"estimated", estimated}}},
      {"catalogue", {{"entries", p.catalogue.certifications.size()}}},
      {"windows",
       {{"refund", elapsed_text(p.exam_order.refund_window)},
        {"flows", flows},
        {"check_in_before", elapsed_text(p.exam_order.check_in_before)},
        {"duration", elapsed_text(p.exam_order.duration)},
        {"certificate_validity", period_text(p.certificate.validity)},
        {"exam_code_validity", period_text(p.exam_codes.validity)},
        {"training_refund_tiers", tiers},
        {"training_otherwise_percent", p.training.otherwise_percent},
        {"practitioner_attempts", p.practitioner.attempts}}},
  };
}

std::string list_text(const ordered_json& list) {
  if (list.empty()) return "none";
  std::string out;
  for (const auto& y : list) out += (out.empty() ? "" : ", ") + std::to_string(y.get<int>());
  return out;
}

// When a change applies, in words: "at once", "orders paid from …", "decisions from …".
std::string applies_text(const PolicyChange& c, const FixedZone& zone) {
  if (!c.effective_from) return "at once";
  return std::string(c.governs == Governs::kOrdersPaid ? "orders paid from " : "decisions from ") + zone.format(*c.effective_from);
}

std::string text(const Schedule& s, const Review& r, const ordered_json& sum) {
  const auto& w = sum["windows"];
  const FixedZone& zone = s.last().zone;
  std::string out = "policy " + s.version() + ": valid\n";
  out += "  changes (" + std::to_string(s.changes().size()) + ")" + (s.changes().empty() ? ": none (the built-in policy)" : ":") + "\n";
  for (size_t n = 0; n < s.changes().size(); ++n) {
    out += "    " + s.changes()[n].id + ": " + applies_text(s.changes()[n], zone) + "\n";
    for (const TouchedKey& k : r.touched[n]) out += "      " + key_text(k) + (decides(k.path) ? "" : " (no decision reads it)") + "\n";
  }
  out += "  with every change:\n";
  out += "  calendar:  years " + list_text(sum["calendar"]["years"]) + "; verified " + list_text(sum["calendar"]["verified"]) +
         "; unverified " + list_text(sum["calendar"]["unverified"]) + "; estimated " + list_text(sum["calendar"]["estimated"]) + "\n";
  out += "  catalogue: " + std::to_string(sum["catalogue"]["entries"].get<size_t>()) + " entries\n";
  out += "  refund window " + w["refund"].get<std::string>() + "; check-in " + w["check_in_before"].get<std::string>() +
         " before; exam " + w["duration"].get<std::string>() + "\n";
  for (const auto& [name, f] : w["flows"].items()) {
    out += "  " + name + ": valid " + f["validity"].get<std::string>() + ", change window " + f["change_window"].get<std::string>() +
           (f["cancel_allowed"].get<bool>() ? ", cancel allowed" : ", no cancel") + "\n";
  }
  out += "  training refund:";
  for (const auto& t : w["training_refund_tiers"]) {
    out += " " + std::to_string(t["percent"].get<int>()) + " % above " + std::to_string(t["more_than_working_days"].get<int>()) + " working days;";
  }
  out += " otherwise " + std::to_string(w["training_otherwise_percent"].get<int>()) + " %\n";
  out += "  certificate valid " + w["certificate_validity"].get<std::string>() + "; exam codes valid " +
         w["exam_code_validity"].get<std::string>() + "; practitioner attempts " + std::to_string(w["practitioner_attempts"].get<int>());
  if (!r.warnings.empty()) {
    out += "\nwarnings (" + std::to_string(r.warnings.size()) + "):";
    for (const PolicyWarning& warning : r.warnings) out += "\n  " + warning.code + " " + warning.path + ": " + warning.message;
  }
  return out;
}

ordered_json json_report(const Schedule& s, const Review& r, const ordered_json& sum) {
  ordered_json changes = ordered_json::array();
  const FixedZone& zone = s.last().zone;
  for (size_t n = 0; n < s.changes().size(); ++n) {
    const PolicyChange& c = s.changes()[n];
    ordered_json keys = ordered_json::array();
    for (const TouchedKey& k : r.touched[n]) keys.push_back({{"path", k.path}, {"old", k.before}, {"new", k.after}, {"decides", decides(k.path)}});
    changes.push_back({{"id", c.id},
                       {"effective_from", c.effective_from ? ordered_json(zone.format(*c.effective_from)) : ordered_json(nullptr)},
                       {"applies_to", c.effective_from ? ordered_json(governs_name(c.governs)) : ordered_json(nullptr)},
                       {"keys", keys}});
  }
  ordered_json warnings = ordered_json::array();
  for (const PolicyWarning& w : r.warnings) warnings.push_back({{"code", w.code}, {"path", w.path}, {"message", w.message}});
  return {{"ok", true}, {"version", s.version()}, {"changes", changes}, {"with_every_change", sum}, {"warnings", warnings}};
}

}  // namespace

int policy_check(int argc, char** argv) {
  const char* file = nullptr;
  bool as_json = false, strict = false;
  for (int k = 0; k < argc; ++k) {
    if (std::strcmp(argv[k], "--json") == 0) as_json = true;
    else if (std::strcmp(argv[k], "--strict") == 0) strict = true;
    else if (file == nullptr) file = argv[k];
    else return kExitUsage;
  }
  if (file == nullptr) {
    std::fputs("usage: certpolicy policy check FILE [--json] [--strict]\n", stderr);
    return kExitUsage;
  }
  std::string bytes, why, error;
  if (!read_policy_file(file, bytes, why)) return written(unreadable(file, why), kExitUsage) == kExitWrite ? kExitWrite : kExitUsage;
  auto engine = Engine::publish(bytes, error);
  if (!engine) {
    if (as_json) return written(error, kExitPolicy);
    const auto e = nlohmann::json::parse(error, nullptr, false, true);
    if (!e.is_object()) return written(error, kExitPolicy);
    return written("policy refused: " + e["error"]["message"].get<std::string>() + " [" + e["error"]["detail"].get<std::string>() + "]",
                   kExitPolicy);
  }
  const Schedule& s = engine->schedule();
  const Review r = review(s);
  const ordered_json sum = summary(s.last());
  const int code = strict && !r.warnings.empty() ? kExitPolicy : 0;
  return written(as_json ? json_report(s, r, sum).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : text(s, r, sum), code);
}

}  // namespace certpolicy::cli
