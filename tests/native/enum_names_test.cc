// Each enum's wire-name table (rules/enum_names.h): one name per value, no
// two alike, and the lookups agree with it in both directions.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "calendar/working_days.h"
#include "rules/catalogue/catalogue.h"
#include "rules/catalogue/contacts.h"
#include "rules/catalogue/purchase.h"
#include "rules/certs/certificate.h"
#include "rules/codes/exam_code.h"
#include "rules/enum_names.h"
#include "rules/exam/booking_times.h"
#include "rules/exam/exam_order.h"
#include "rules/exam/refund.h"
#include "rules/training/training.h"

namespace certpolicy {
namespace {

template <class E>
void expect_one_table(const char* enum_name) {
  SCOPED_TRACE(enum_name);
  const auto& names = EnumNames<E>::names;
  std::set<std::string_view> seen;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const E e = static_cast<E>(k);
    EXPECT_FALSE(names[k].empty()) << k;
    EXPECT_TRUE(seen.insert(names[k]).second) << names[k] << " twice";
    EXPECT_EQ(name_of(e), names[k]);
    EXPECT_EQ(enum_named<E>(names[k]), e) << names[k];
    EXPECT_EQ(enum_at<E>(static_cast<int>(k)), e);
    // A name is a C string too (the wasm binding registers names[k].data()).
    EXPECT_EQ(std::string(names[k].data()), std::string(names[k]));
  }
  EXPECT_EQ(enum_named<E>(""), std::nullopt);
  EXPECT_EQ(enum_named<E>(std::string(names[0]) + " "), std::nullopt);
  EXPECT_EQ(enum_at<E>(-1), std::nullopt);
  EXPECT_EQ(enum_at<E>(static_cast<int>(names.size())), std::nullopt);
}

TEST(EnumNames, EveryTableHasOneDistinctNamePerValue) {
  expect_one_table<BookingStatus>("BookingStatus");
  expect_one_table<PlatformFault>("PlatformFault");
  expect_one_table<RefundState>("RefundState");
  expect_one_table<Tone>("Tone");
  expect_one_table<BookingState>("BookingState");
  expect_one_table<ExamKind>("ExamKind");
  expect_one_table<Flow>("Flow");
  expect_one_table<CodeState>("CodeState");
  expect_one_table<CodeAction>("CodeAction");
  expect_one_table<CertificateStatus>("CertificateStatus");
  expect_one_table<Lifecycle>("Lifecycle");
  expect_one_table<Product>("Product");
  expect_one_table<ContactState>("ContactState");
  expect_one_table<ClassStatus>("ClassStatus");
  expect_one_table<DayKind>("DayKind");
}

// The last value of each table is its last enumerator: a value added to an
// enum without its name would be named by the next table entry or by none.
TEST(EnumNames, TablesEndAtTheEnumsLastValue) {
  EXPECT_EQ(name_of(BookingStatus::kNoShow), "no_show");
  EXPECT_EQ(name_of(PlatformFault::kCentreUnavailable), "centre_unavailable");
  EXPECT_EQ(name_of(RefundState::kRefunded), "refunded");
  EXPECT_EQ(name_of(Tone::kBad), "bad");
  EXPECT_EQ(name_of(BookingState::kVoid), "void");
  EXPECT_EQ(name_of(ExamKind::kInterview), "interview");
  EXPECT_EQ(name_of(Flow::kBookThenPurchase), "book_then_purchase");
  EXPECT_EQ(name_of(CodeState::kRefunded), "refunded");
  EXPECT_EQ(name_of(CodeAction::kViewScore), "view_score");
  EXPECT_EQ(name_of(CertificateStatus::kExpired), "expired");
  EXPECT_EQ(name_of(Lifecycle::kRetired), "retired");
  EXPECT_EQ(name_of(Product::kExamCodes), "exam_codes");
  EXPECT_EQ(name_of(ContactState::kUnbound), "unbound");
  EXPECT_EQ(name_of(ClassStatus::kNotOpened), "not_opened");
  EXPECT_EQ(name_of(DayKind::kMakeupWorkday), "makeup_workday");
}

// Looking from a later value: a BookingStatus "none" is said by leaving the
// booking out, so a request's "none" is not one of the names read there.
TEST(EnumNames, LookingFromALaterValueSkipsTheEarlierNames) {
  EXPECT_EQ(enum_named<BookingStatus>("none", BookingStatus::kBooked), std::nullopt);
  EXPECT_EQ(enum_named<BookingStatus>("booked", BookingStatus::kBooked), BookingStatus::kBooked);
  EXPECT_EQ(enum_named<BookingStatus>("no_show", BookingStatus::kBooked), BookingStatus::kNoShow);
  EXPECT_EQ(enum_named<PlatformFault>("none", PlatformFault::kExamTimeChanged), std::nullopt);
}

}  // namespace
}  // namespace certpolicy
