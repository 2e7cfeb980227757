// May this account buy this product now, and can it ever be refunded
// (ACC-1, ACC-2, CAT-3, TRN-1, PRA-4, EXO-4, COD-4).
//
// ACC-1: exams, the practitioner exam and online courses are bought by a
// real-name-verified individual main account. ACC-2: exam codes by a
// real-name-verified enterprise main account. CAT-3: a certification can be
// bought only while it is on sale. Refundable at all: exams (within the
// window) and exam codes (once); never online courses or the practitioner
// exam (a platform fault aside).
//   decide_purchase(Product::kExamCodes, {individual, verified, main}, cert, today, catalogue)
//     → allowed false: ENTERPRISE_REQUIRED (ACC-2)
#pragma once

#include <optional>

#include "calendar/civil_time.h"
#include "rules/catalogue/catalogue.h"
#include "rules/decision.h"
#include "rules/policy_model.h"
#include "rules/enum_names.h"

namespace certpolicy {

enum class Product { kExam, kPractitioner, kOnlineCourse, kExamCodes };
template <>
struct EnumNames<Product> {
  static constexpr std::array<std::string_view, 4> names{"exam", "practitioner", "online_course", "exam_codes"};
};

struct PurchaseAccount {
  bool enterprise = false;
  bool real_name_verified = false;
  bool sub_account = false;
};

struct PurchaseDecision {
  bool allowed = false;
  bool refundable = false;                           // without a platform fault
  std::optional<CertificationStatus> certification;  // of the certification bought, when there is one
  Reasons reasons;
};

// `certification` is null for an online course that names none.
PurchaseDecision decide_purchase(Product product, const PurchaseAccount& account, const Certification* certification,
                                 CivilDate today, const Catalogue& catalogue);

}  // namespace certpolicy
