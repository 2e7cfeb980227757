// Who may buy what, now, and whether it can be refunded at all (ACC-1, ACC-2,
// CAT-3, TRN-1, PRA-4, EXO-4, COD-4).
#include "rules/catalogue/purchase.h"

namespace certpolicy {

PurchaseDecision decide_purchase(Product product, const PurchaseAccount& account, const Certification* certification,
                                 CivilDate today, const Catalogue& catalogue) {
  PurchaseDecision d;
  const bool codes = product == Product::kExamCodes;
  const char* rule = codes ? "ACC-2" : "ACC-1";
  d.allowed = true;
  if (account.sub_account) {
    d.allowed = false;
    d.reasons.add("SUB_ACCOUNT", rule);
  }
  if (codes != account.enterprise) {
    d.allowed = false;
    d.reasons.add(codes ? "ENTERPRISE_REQUIRED" : "INDIVIDUAL_REQUIRED", rule);
  } else if (!account.real_name_verified) {
    d.allowed = false;
    d.reasons.add("REAL_NAME_REQUIRED", rule);
  }
  if (certification != nullptr) {
    d.certification = decide_certification(*certification, today, catalogue);
    if (!d.certification->purchasable) {
      d.allowed = false;
      d.reasons.add("NOT_ON_SALE", "CAT-3");
    }
  }
  if (d.allowed) d.reasons.add("PURCHASE_ALLOWED", rule);
  switch (product) {
    case Product::kOnlineCourse: d.reasons.add("COURSE_NOT_REFUNDABLE", "TRN-1"); break;
    case Product::kPractitioner: d.reasons.add("NOT_REFUNDABLE_ONCE_SOLD", "PRA-4"); break;
    case Product::kExam: d.reasons.add("EXAM_REFUNDABLE_WITHIN_WINDOW", "EXO-4"); break;
    case Product::kExamCodes: d.reasons.add("CODES_REFUNDABLE_ONCE", "COD-4"); break;
  }
  d.refundable = product == Product::kExam || codes;
  return d;
}

}  // namespace certpolicy
