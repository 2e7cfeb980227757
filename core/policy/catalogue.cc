// Reads the policy's catalogue: every certification's names, level, track
// and lifecycle dates, checked against the levels (CAT-1).
#include <set>

#include "policy/messages.h"
#include "policy/policy.h"
#include "rules/catalogue/catalogue.h"

namespace certpolicy {
namespace {
constexpr std::string_view kTracks[] = {"cloud", "database", "big_data", "ai", "specialty", "developer"};
constexpr std::string_view kKinds[] = {"professional", "specialty", "developer", "practitioner"};
}  // namespace

bool load_catalogue(const JsonIn& in, const CertificatePolicy& levels, Catalogue& out, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto prometric = read_date(in["prometric_from"], issues);
  JsonIn list = in["certifications"];
  auto n = prometric ? read_array(list, issues, 4096, false) : std::nullopt;
  if (!n) return false;
  out.prometric_from = *prometric;
  // The kinds sat online from the certification's page, never on Prometric (absent: none).
  JsonIn online = in["online_kinds"];
  auto kinds = read_array(online, issues, std::size(kKinds), true);
  if (!kinds) return false;
  out.online_kinds.clear();
  for (size_t k = 0; k < *kinds; ++k) {
    auto kind = read_choice(online[k], issues, kKinds);
    if (!kind) return false;
    out.online_kinds.emplace_back(kKinds[*kind]);
  }
  out.certifications.clear();
  std::set<std::string> ids;
  for (size_t k = 0; k < *n; ++k) {
    JsonIn e = list[k];
    if (!read_object(e, issues)) return false;
    Certification c;
    auto id = read_string(e["id"], issues, 64);
    auto zh = id ? read_string(e["name"]["zh"], issues) : std::nullopt;
    auto zh_hant = zh ? read_string(e["name"]["zh_hant"], issues, kMaxStringBytes, std::string()) : std::nullopt;
    auto en = zh_hant ? read_string(e["name"]["en"], issues) : std::nullopt;
    auto track = en ? read_choice(e["track"], issues, kTracks) : std::nullopt;
    auto kind = track ? read_choice(e["kind"], issues, kKinds) : std::nullopt;
    auto level = kind ? read_string(e["level"], issues, 16, std::string()) : std::nullopt;
    auto beta = level ? read_bool(e["beta"], issues, false) : std::nullopt;
    if (!beta) return false;
    if (!ids.insert(*id).second) {
      issues.fail(e["id"].path(), detail_code::kInconsistent, "a unique id");
      return false;
    }
    if (!level->empty() && levels.current_level(*level) != *level) {
      issues.fail(e["level"].path(), detail_code::kUnknownValue, "a current level name (TCCA, TCCP, TCCE)");
      return false;
    }
    c.id = *id;
    c.name_zh = *zh;
    c.name_en = *en;
    // Without a policy's own zh_hant name, the zh one in Traditional characters (once, here).
    c.name_zh_hant = zh_hant->empty() ? Messages::get().traditional(*zh) : *zh_hant;
    c.track = kTracks[*track];
    c.kind = kKinds[*kind];
    c.level = *level;
    c.beta = *beta;
    struct {
      const char* key;
      std::optional<CivilDate>* out;
    } dates[] = {{"on_sale_from", &c.on_sale_from},
                 {"sale_stops_on", &c.sale_stops_on},
                 {"exams_until", &c.exams_until},
                 {"unused_attempt_refund_from", &c.unused_attempt_refund_from}};
    for (auto& d : dates) {
      if (!e[d.key].present()) continue;
      *d.out = read_date(e[d.key], issues);
      if (!*d.out) return false;
    }
    for (auto [key, field] : {std::pair{"successor", &c.successor}, std::pair{"renamed_from", &c.renamed_from}}) {
      auto v = read_string(e[key], issues, 64, std::string());
      if (!v) return false;
      *field = *v;
    }
    out.certifications.push_back(std::move(c));
  }
  // POL-5: an entry's lifecycle dates come in order (a missing one is open).
  for (size_t k = 0; k < out.certifications.size(); ++k) {
    const Certification& c = out.certifications[k];
    const std::optional<CivilDate> exams_end = c.exams_until ? std::optional(add_days(*c.exams_until, 1)) : std::nullopt;
    struct Order {
      const char* later;
      const std::optional<CivilDate>* early;
      std::optional<CivilDate> late;
      bool strict;
      const char* expected;
    } orders[] = {
        {"sale_stops_on", &c.on_sale_from, c.sale_stops_on, true, "a day after on_sale_from"},
        {"exams_until", &c.on_sale_from, c.exams_until, false, "on or after on_sale_from"},
        {"exams_until", &c.sale_stops_on, exams_end, false, "on or after the day before sale_stops_on"},
        {"unused_attempt_refund_from", &c.sale_stops_on, c.unused_attempt_refund_from, false, "on or after sale_stops_on"},
        {"unused_attempt_refund_from", &c.unused_attempt_refund_from, exams_end, false, "at most the day after exams_until"},
    };
    for (const Order& o : orders) {
      if (!*o.early || !o.late) continue;
      if (o.strict ? **o.early < *o.late : **o.early <= *o.late) continue;
      issues.fail(list[k][o.later].path(), detail_code::kInconsistent, o.expected);
      return false;
    }
  }
  // Links must name entries of the catalogue.
  for (size_t k = 0; k < out.certifications.size(); ++k) {
    const Certification& c = out.certifications[k];
    for (auto [key, link] : {std::pair{"successor", &c.successor}, std::pair{"renamed_from", &c.renamed_from}}) {
      if (!link->empty() && !ids.count(*link)) {
        issues.fail(list[k][key].path(), detail_code::kUnknownValue, "the id of a catalogue entry");
        return false;
      }
    }
  }
  // POL-6: following successor (or renamed_from) links never comes back to
  // where it started: no entry succeeds itself, directly or round a cycle.
  for (auto link : {&Certification::successor, &Certification::renamed_from}) {
    const char* key = link == &Certification::successor ? "successor" : "renamed_from";
    for (size_t k = 0; k < out.certifications.size(); ++k) {
      const Certification* at = &out.certifications[k];
      for (size_t steps = 0; at != nullptr && !(at->*link).empty() && steps < out.certifications.size(); ++steps) {
        at = out.find(at->*link);
        if (at == &out.certifications[k]) {
          issues.fail(list[k][key].path(), detail_code::kInconsistent, "a link that does not lead back to this entry");
          return false;
        }
      }
    }
  }
  return true;
}

}  // namespace certpolicy
