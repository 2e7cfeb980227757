// The `purchase` request: may this account buy this product now (ACC-1,
// ACC-2, TRN-1, PRA-4, CAT-3), and can it ever be refunded.
#include "rules/catalogue/catalogue.h"
#include "requests/handlers.h"

namespace certpolicy {

namespace {

enum Product { kExam, kPractitioner, kOnlineCourse, kExamCodes };

}  // namespace

std::optional<Outcome> handle_purchase(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  auto product = now ? read_enum(req["product"], issues, {"exam", "practitioner", "online_course", "exam_codes"})
                     : std::nullopt;
  JsonIn account = req["account"];
  if (!product || !read_object(account, issues)) return std::nullopt;
  auto kind = read_enum(account["kind"], issues, {"individual", "enterprise"});
  auto verified = kind ? read_bool(account["real_name_verified"], issues) : std::nullopt;
  auto sub = verified ? read_bool(account["sub_account"], issues, false) : std::nullopt;
  if (!sub) return std::nullopt;

  // The certification: required for exams and exam codes, implied for the
  // practitioner exam, none for online courses.
  const Certification* cert = nullptr;
  JsonIn cert_in = req["certification"];
  if (*product == kPractitioner && !cert_in.present()) {
    cert = ctx.policy.catalogue.find("practitioner");
  } else if (*product != kOnlineCourse || cert_in.present()) {
    auto id = read_string(cert_in, issues, 64);
    if (!id) return std::nullopt;
    cert = ctx.policy.catalogue.find(*id);
    const bool practitioner = cert != nullptr && cert->kind == "practitioner";
    if (cert == nullptr || practitioner != (*product == kPractitioner)) {
      issues.fail(cert_in.path(), detail_code::kUnknownValue,
                  *product == kPractitioner ? "practitioner" : "a catalogue id of an exam");
      return std::nullopt;
    }
  }

  Outcome out;
  bool allowed = true;
  const bool enterprise = *kind == 1;
  if (*sub) {
    allowed = false;
    out.reasons.add("SUB_ACCOUNT", *product == kExamCodes ? "ACC-2" : "ACC-1");
  }
  if (*product == kExamCodes) {
    if (!enterprise) {
      allowed = false;
      out.reasons.add("ENTERPRISE_REQUIRED", "ACC-2");
    } else if (!*verified) {
      allowed = false;
      out.reasons.add("REAL_NAME_REQUIRED", "ACC-2");
    }
  } else if (enterprise) {
    allowed = false;
    out.reasons.add("INDIVIDUAL_REQUIRED", "ACC-1");
  } else if (!*verified) {
    allowed = false;
    out.reasons.add("REAL_NAME_REQUIRED", "ACC-1");
  }

  Fields::Object f = out.fields.root();
  f.put("certification", nullptr);
  if (cert != nullptr) {
    CivilDate today = ctx.policy.zone.date_of(*now);
    CertificationStatus s = decide_certification(*cert, today, ctx.policy.catalogue);
    if (!s.purchasable) {
      allowed = false;
      out.reasons.add("NOT_ON_SALE", "CAT-3");
    }
    f.object("certification").put("id", cert->id).put("status", lifecycle_name(s.status)).put("purchasable", s.purchasable);
  }
  if (allowed) out.reasons.add("PURCHASE_ALLOWED", *product == kExamCodes ? "ACC-2" : "ACC-1");

  // Refundable without a platform fault at all?
  bool refundable = true;
  if (*product == kOnlineCourse) out.reasons.add("COURSE_NOT_REFUNDABLE", "TRN-1");
  if (*product == kPractitioner) out.reasons.add("NOT_REFUNDABLE_ONCE_SOLD", "PRA-4");
  if (*product == kOnlineCourse || *product == kPractitioner) refundable = false;
  if (*product == kExam) out.reasons.add("EXAM_REFUNDABLE_WITHIN_WINDOW", "EXO-4");
  if (*product == kExamCodes) out.reasons.add("CODES_REFUNDABLE_ONCE", "COD-4");

  f.put("allowed", allowed).put("refundable", refundable);
  return out;
}

}  // namespace certpolicy
