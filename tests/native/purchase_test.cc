// ACC-1, ACC-2 and CAT-3 called on plain structs, without JSON: who may buy
// what, and whether it can be refunded at all (rules/catalogue/purchase.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rule_test_util.h"
#include "rules/catalogue/purchase.h"

namespace certpolicy {
namespace {


const CivilDate kToday = CivilDate::from_ymd(2026, 12, 3);

TEST(ACC_1, AVerifiedIndividualMainAccountBuysExamsCoursesAndThePractitionerExam) {
  const Catalogue none;
  struct {
    Product product;
    PurchaseAccount account;
    bool allowed, refundable;
    std::vector<std::string> reasons;
  } cases[] = {
      {Product::kExam, {false, true, false}, true, true, {"PURCHASE_ALLOWED:ACC-1", "EXAM_REFUNDABLE_WITHIN_WINDOW:EXO-4"}},
      {Product::kExam, {false, false, false}, false, true, {"REAL_NAME_REQUIRED:ACC-1", "EXAM_REFUNDABLE_WITHIN_WINDOW:EXO-4"}},
      {Product::kExam, {true, true, false}, false, true, {"INDIVIDUAL_REQUIRED:ACC-1", "EXAM_REFUNDABLE_WITHIN_WINDOW:EXO-4"}},
      {Product::kOnlineCourse, {false, true, true}, false, false, {"SUB_ACCOUNT:ACC-1", "COURSE_NOT_REFUNDABLE:TRN-1"}},
      {Product::kPractitioner, {false, true, false}, true, false, {"PURCHASE_ALLOWED:ACC-1", "NOT_REFUNDABLE_ONCE_SOLD:PRA-4"}},
  };
  for (const auto& c : cases) {
    PurchaseDecision d = decide_purchase(c.product, c.account, nullptr, kToday, none);
    EXPECT_EQ(d.allowed, c.allowed);
    EXPECT_EQ(d.refundable, c.refundable);
    EXPECT_EQ(codes_and_rules(d.reasons), c.reasons);
    EXPECT_FALSE(d.certification);
  }
}

TEST(ACC_2, ExamCodesNeedAVerifiedEnterpriseMainAccount) {
  const Catalogue none;
  EXPECT_EQ(codes_and_rules(decide_purchase(Product::kExamCodes, {true, true, false}, nullptr, kToday, none).reasons),
            (std::vector<std::string>{"PURCHASE_ALLOWED:ACC-2", "CODES_REFUNDABLE_ONCE:COD-4"}));
  EXPECT_EQ(codes_and_rules(decide_purchase(Product::kExamCodes, {false, true, false}, nullptr, kToday, none).reasons),
            (std::vector<std::string>{"ENTERPRISE_REQUIRED:ACC-2", "CODES_REFUNDABLE_ONCE:COD-4"}));
  EXPECT_EQ(codes_and_rules(decide_purchase(Product::kExamCodes, {true, false, true}, nullptr, kToday, none).reasons),
            (std::vector<std::string>{"SUB_ACCOUNT:ACC-2", "REAL_NAME_REQUIRED:ACC-2", "CODES_REFUNDABLE_ONCE:COD-4"}));
}

TEST(CAT_3, OnlyACertificationOnSaleCanBeBought) {
  Catalogue catalogue;
  Certification c;
  c.id = "cloud";
  c.on_sale_from = CivilDate::from_ymd(2026, 12, 4);  // on sale from tomorrow
  PurchaseDecision before = decide_purchase(Product::kExam, {false, true, false}, &c, kToday, catalogue);
  ASSERT_TRUE(before.certification);
  EXPECT_FALSE(before.certification->purchasable);
  EXPECT_FALSE(before.allowed);
  EXPECT_EQ(codes_and_rules(before.reasons).front(), "NOT_ON_SALE:CAT-3");
  PurchaseDecision on_the_day = decide_purchase(Product::kExam, {false, true, false}, &c, CivilDate::from_ymd(2026, 12, 4), catalogue);
  EXPECT_TRUE(on_the_day.allowed);
}

}  // namespace
}  // namespace certpolicy
