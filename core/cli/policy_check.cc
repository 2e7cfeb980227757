// `certpolicy policy check FILE [--json]`: validates a policy patch (or a whole
// document) with the same rules as createEngine and summarises the policy it
// makes: version, when it applies, calendar years covered and verified,
// catalogue entries, the windows. Exit 0 valid, 1 refused, 2 usage/unreadable.
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "io.h"
#include "policy_commands.h"

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
  ordered_json flows = ordered_json::object();
  for (Flow f : {Flow::kPurchaseThenBook, Flow::kBookThenPurchase}) {
    const FlowPolicy& fl = p.exam_order.flow(f);
    flows[f == Flow::kPurchaseThenBook ? "purchase_then_book" : "book_then_purchase"] = {
        {"validity", period_text(fl.validity)}, {"change_window", elapsed_text(fl.change_window)}, {"cancel_allowed", fl.cancel_allowed}};
  }
  ordered_json tiers = ordered_json::array();
  for (const auto& t : p.training.refund_tiers) tiers.push_back({{"more_than_working_days", t.more_than_working_days}, {"percent", t.percent}});
  return {
      {"ok", true},
      {"version", p.version},
      {"effective_from", p.effective_from ? ordered_json(p.zone.format(*p.effective_from)) : ordered_json(nullptr)},
      {"zone_utc_offset_minutes", p.zone.offset_minutes()},
      {"calendar", {{"years", years}, {"verified", verified}, {"unverified", unverified}}},
      {"catalogue", {{"entries", p.catalogue.certifications.size()}}},
      {"windows",
       {{"refund", elapsed_text(p.exam_order.refund_window)},
        {"flows", flows},
        {"check_in_before", elapsed_text(p.exam_order.check_in_before)},
        {"duration", elapsed_text(p.exam_order.duration)},
        {"certificate_validity", period_text(p.certificate.validity)},
        {"exam_code_validity", period_text(p.exam_codes.validity)},
        {"training_refund_tiers", tiers},
        {"practitioner_attempts", p.practitioner.attempts}}},
  };
}

std::string list_text(const ordered_json& list) {
  if (list.empty()) return "none";
  std::string out;
  for (const auto& y : list) out += (out.empty() ? "" : ", ") + std::to_string(y.get<int>());
  return out;
}

std::string text(const ordered_json& s) {
  const auto& w = s["windows"];
  std::string out = "policy " + s["version"].get<std::string>() + ": valid\n";
  out += "  applies:   " + (s["effective_from"].is_null() ? std::string("at once") : "from " + s["effective_from"].get<std::string>()) + "\n";
  out += "  calendar:  years " + list_text(s["calendar"]["years"]) + "; verified " + list_text(s["calendar"]["verified"]) +
         "; unverified " + list_text(s["calendar"]["unverified"]) + "\n";
  out += "  catalogue: " + std::to_string(s["catalogue"]["entries"].get<size_t>()) + " entries\n";
  out += "  refund window " + w["refund"].get<std::string>() + "; check-in " + w["check_in_before"].get<std::string>() +
         " before; exam " + w["duration"].get<std::string>() + "\n";
  for (const auto& [name, f] : w["flows"].items()) {
    out += "  " + name + ": valid " + f["validity"].get<std::string>() + ", change window " + f["change_window"].get<std::string>() +
           (f["cancel_allowed"].get<bool>() ? ", cancel allowed" : ", no cancel") + "\n";
  }
  out += "  certificate valid " + w["certificate_validity"].get<std::string>() + "; exam codes valid " +
         w["exam_code_validity"].get<std::string>() + "; practitioner attempts " + std::to_string(w["practitioner_attempts"].get<int>());
  return out;
}

}  // namespace

int policy_check(int argc, char** argv) {
  const char* file = nullptr;
  bool json = false;
  for (int k = 0; k < argc; ++k) {
    if (std::strcmp(argv[k], "--json") == 0) json = true;
    else if (file == nullptr) file = argv[k];
    else return kExitUsage;
  }
  if (file == nullptr) {
    std::fputs("usage: certpolicy policy check FILE [--json]\n", stderr);
    return kExitUsage;
  }
  std::string patch, why, error;
  if (!read_policy_file(file, patch, why)) return written(unreadable(file, why), kExitUsage) == kExitWrite ? kExitWrite : kExitUsage;
  auto engine = Engine::create(patch, error);
  if (!engine) {
    if (json) return written(error, kExitPolicy);
    const auto e = nlohmann::json::parse(error, nullptr, false);
    return written("policy refused: " + e["error"]["message"].get<std::string>() + " [" +
                       e["error"]["detail"].get<std::string>() + "]",
                   kExitPolicy);
  }
  const ordered_json s = summary(engine->policy());
  return written(json ? s.dump() : text(s), 0);
}

}  // namespace certpolicy::cli
