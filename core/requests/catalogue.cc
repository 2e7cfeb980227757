// The `certification` and `catalogue` requests: one certification's or the
// whole catalogue's lifecycle on a day, and their result fields (CAT-1, CAT-2).
#include <algorithm>

#include "requests/handlers.h"
#include "rules/catalogue/catalogue.h"

namespace certpolicy {

void put_certification(Fields::Object out, const Certification& c, const CertificationStatus& s,
                       const CertificatePolicy& levels) {
  out.put("id", c.id)
      .put("track", c.track)
      .put("kind", c.kind)
      .put("level", Value::or_null(c.level))
      .put("legacy_level", Value::or_null(levels.legacy_level(c.level)))
      .put("beta", c.beta)
      .put("status", name_of(s.status))
      .put("purchasable", s.purchasable)
      .put("can_sit", s.can_sit)
      .put("exam_until", c.exams_until)
      .put("unused_attempt_refund", s.unused_attempt_refund)
      .put("platform", name_of(s.platform))
      .put("successor", Value::or_null(c.successor))
      .put("renamed_from", Value::or_null(c.renamed_from));
  out.object("name").put("zh", c.name_zh).put("zh_hant", c.name_zh_hant).put("en", c.name_en);
  out.object("lifecycle")
      .put("on_sale_from", c.on_sale_from)
      .put("sale_stops_on", c.sale_stops_on)
      .put("exams_until", c.exams_until)
      .put("retired_from", c.exams_until ? std::optional(add_days(*c.exams_until, 1)) : std::nullopt)
      .put("unused_attempt_refund_from", c.unused_attempt_refund_from);
}

const Certification* read_certification(const JsonIn& in, const Catalogue& catalogue, Issues& issues) {
  auto id = read_string(in, issues, 64);
  if (!id) return nullptr;
  if (const Certification* c = catalogue.find(*id)) return c;
  ClosestName near(*id);
  for (const Certification& c : catalogue.certifications) near.consider(c.id);
  if (near.best().empty()) issues.fail(in.path(), detail_code::kUnknownValue, "a catalogue id");
  else issues.suggest(in.path(), detail_code::kUnknownValue, near.best());
  return nullptr;
}

std::optional<Outcome> handle_certification(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  if (!now) return std::nullopt;
  const Certification* c = read_certification(req["id"], ctx.policy.catalogue, issues);
  if (c == nullptr) return std::nullopt;
  CivilDate today = ctx.policy.zone.date_of(*now);
  CertificationStatus s = decide_certification(*c, today, ctx.policy.catalogue);
  Outcome out;
  put_certification(out.fields.root(), *c, s, ctx.policy.certificate);
  out.fields.root().put("date", today);
  out.reasons = s.reasons;
  // CAT-2: the notice's "service stops on X" read one way for every entry.
  if (c->exams_until) out.reasons.add("CERT_READING_SERVICE_STOP", "CAT-2");
  return out;
}

std::optional<Outcome> handle_catalogue(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  if (!now) return std::nullopt;
  CivilDate today = ctx.policy.zone.date_of(*now);
  Outcome out;
  Fields::Object f = out.fields.root();
  f.put("date", today).put("prometric_from", ctx.policy.catalogue.prometric_from);
  Fields::Array list = f.array("certifications");
  for (const Certification& c : ctx.policy.catalogue.certifications) {
    put_certification(list.object(), c, decide_certification(c, today, ctx.policy.catalogue), ctx.policy.certificate);
  }
  out.reasons.add("CATALOGUE", "CAT-1");
  // CAT-2: the reading behind every "last exam day" of a notice's "service stops on X" is said with the list.
  const auto& all = ctx.policy.catalogue.certifications;
  if (std::any_of(all.begin(), all.end(), [](const Certification& c) { return c.exams_until.has_value(); })) {
    out.reasons.add("READING_CATALOGUE_SERVICE_STOP", "CAT-2");
  }
  return out;
}

}  // namespace certpolicy
