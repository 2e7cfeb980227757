// The `purchase` request: reads the product, the account and the
// certification (implied for the practitioner exam) and answers
// rules/catalogue/purchase.h (ACC-1, ACC-2, CAT-3, TRN-1, PRA-4).
#include "requests/handlers.h"
#include "rules/catalogue/purchase.h"

namespace certpolicy {

std::optional<Outcome> handle_purchase(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  auto product = read_enum<Product>(req["product"], issues);
  JsonIn account = req["account"];
  if (!issues.ok() || !read_object(account, issues)) return std::nullopt;
  auto kind = read_choice(account["kind"], issues, {"individual", "enterprise"});
  auto verified = read_bool(account["real_name_verified"], issues);
  auto sub = read_bool(account["sub_account"], issues, false);
  if (!issues.ok()) return std::nullopt;

  // The certification: required for exams and exam codes, implied for the
  // practitioner exam, none for online courses.
  const Certification* cert = nullptr;
  JsonIn cert_in = req["certification"];
  if (*product == Product::kPractitioner && !cert_in.present()) {
    cert = ctx.policy.catalogue.find("practitioner");
  } else if (*product != Product::kOnlineCourse || cert_in.present()) {
    cert = read_certification(cert_in, ctx.policy.catalogue, issues);
    if (cert == nullptr) return std::nullopt;
    const bool practitioner = cert->kind == "practitioner";
    if (practitioner != (*product == Product::kPractitioner)) {
      issues.fail(cert_in.path(), detail_code::kUnknownValue,
                  *product == Product::kPractitioner ? "practitioner" : "a catalogue id of an exam");
      return std::nullopt;
    }
  }

  PurchaseAccount who{*kind == 1, *verified, *sub};
  PurchaseDecision d = decide_purchase(*product, who, cert, ctx.policy.zone.date_of(*now), ctx.policy.catalogue);
  Outcome out;
  Fields::Object f = out.fields.root();
  f.put("certification", nullptr);
  if (cert != nullptr) {
    f.object("certification").put("id", cert->id).put("status", name_of(d.certification->status))
        .put("purchasable", d.certification->purchasable);
  }
  f.put("allowed", d.allowed).put("refundable", d.refundable);
  out.reasons = d.reasons;
  return out;
}

}  // namespace certpolicy
