// BKG-1: GB 11643 check character and ID formats (the form as a whole is in
// tests/cases/bkg_booking_form.json).
#include <gtest/gtest.h>

#include "rules/exam/booking_form.h"

namespace certpolicy {
namespace {

TEST(BKG_1, Gb11643CheckCharacter) {
  // The standard's own example and numbers built from it.
  EXPECT_EQ(gb11643_check_char("11010519491231002"), 'X');
  EXPECT_EQ(gb11643_check_char("44052418800101001"), '4');
  EXPECT_EQ(gb11643_check_char("11010120000229001"), '8');
}

TEST(BKG_1, ResidentIdCard) {
  BookingFormPolicy p;
  const auto exam = CivilDate::from_ymd(2026, 12, 1);
  struct {
    const char* id;
    const char* problem;
  } cases[] = {
      {"11010519491231002X", ""},
      {"11010519491231002x", ""},  // lower-case x accepted
      {"310104198506151237", ""},
      {"440524188001010014", "ID_CARD_BIRTH_DATE"},  // born 1880, before min_birth_year
      {"110101200002290018", ""},  // born on a leap day
      {"110101200102290013", "ID_CARD_BIRTH_DATE"},  // 2001-02-29 does not exist
      {"110101202612020012", "ID_CARD_BIRTH_DATE"},  // born after the exam day
      {"110101189912310010", "ID_CARD_BIRTH_DATE"},  // before 1900
      {"110105194912310021", "ID_CARD_CHECK_DIGIT"},
      {"11010519491231002", "ID_CARD_FORMAT"},       // 17 characters
      {"11010519491231002XX", "ID_CARD_FORMAT"},
      {"1101051949123100AX", "ID_CARD_FORMAT"},
      {"11010519491231002Y", "ID_CARD_FORMAT"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(check_cn_id_card(c.id, p, exam), std::string_view(c.problem)) << c.id;
  }
}

}  // namespace
}  // namespace certpolicy
