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

// A complete, valid form (an 8-digit Taiwan permit) and the code one of its
// fields gets after `change`: "" when that field has none.
template <typename Change>
std::string_view problem_of(std::string_view field, Change change) {
  BookingFormPolicy p;
  p.taiwan_digit_counts = {8};
  p.mobile_prefix = "1";
  BookingForm f;
  f.id_type = "taiwan_permit";
  f.id_number = "12345678";
  f.id_valid_until = CivilDate::from_ymd(2030, 1, 1);
  f.surname = "张";
  f.given_name = "三";
  f.phone = "13800138000";
  f.email = f.email_confirm = "candidate@example.com";
  change(f);
  std::string_view problem;
  for (const FormError& e : check_booking_form(f, CivilDate::from_ymd(2026, 12, 1), p)) {
    if (e.field == field) problem = e.code;
  }
  return problem;
}

// BKG-2: the characters a name may hold, at the edges of each range: Latin
// letters (A–Z, a–z, U+00C0–U+024F without × and ÷), Chinese characters
// (U+3400–U+4DBF, U+4E00–U+9FFF, U+20000–U+2FA1F, the last two written in
// four bytes), spaces, hyphens and middle dots (U+00B7, U+30FB, U+2027).
TEST(BKG_2, NameCharactersAtTheEdgesOfTheirRanges) {
  struct {
    const char* name;
    const char* problem;
  } cases[] = {
      {"A", ""}, {"Z", ""}, {"a", ""}, {"z", ""},
      {"@", "NAME_INVALID"}, {"[", "NAME_INVALID"}, {"`", "NAME_INVALID"}, {"{", "NAME_INVALID"},
      {"\u00C0", ""}, {"\u00BF", "NAME_INVALID"},        // À, ¿
      {"\u024F", ""}, {"\u0250", "NAME_INVALID"},        // ɏ, ɐ
      {"\u00D7", "NAME_INVALID"}, {"\u00F7", "NAME_INVALID"},  // ×, ÷
      {"\u00D6", ""}, {"\u00D8", ""}, {"\u00F6", ""}, {"\u00F8", ""},
      {"\u3400", ""}, {"\u33FF", "NAME_INVALID"},        // 㐀
      {"\u4DBF", ""}, {"\u4DC0", "NAME_INVALID"},        // 䶿, ䷀
      {"\u4E00", ""}, {"\u4DFF", "NAME_INVALID"},        // 一
      {"\u9FFF", ""}, {"\uA000", "NAME_INVALID"},
      {"\U00020000", ""}, {"\U0001FFFF", "NAME_INVALID"},  // 𠀀 (four bytes)
      {"\U0002FA1F", ""}, {"\U0002FA20", "NAME_INVALID"},
      {"\U00020BB7\u5409", ""},                           // 𠮷吉: four bytes then three
      {"Li Xin", ""}, {"Li-Xin", ""}, {"A\u00B7B", ""}, {"A\u30FBB", ""}, {"A\u2027B", ""},
      {"\u00B7", "NAME_INVALID"}, {"- -", "NAME_INVALID"},  // separators alone
      {"Xi'an", ""}, {"Xi\u2019an", ""}, {"'Xian", "NAME_INVALID"}, {"Xian'", "NAME_INVALID"},
      {"\xF0\xA0\x80", "NAME_INVALID"},  // a four-byte sequence cut short
  };
  for (const auto& c : cases) {
    EXPECT_EQ(problem_of("form.given_name", [&](BookingForm& f) { f.given_name = c.name; }),
              std::string_view(c.problem))
        << c.name;
  }
}

// BKG-3: a mainland mobile (11 digits from 1; +86, spaces and hyphens
// allowed) or an international number: + and 6 to 15 digits, not from 0.
TEST(BKG_3, PhoneFormat) {
  struct {
    const char* phone;
    const char* problem;
  } cases[] = {
      {"13800138000", ""}, {"138-0013-8000", ""}, {"+86 138 0013 8000", ""},
      {"1380013800", "PHONE_FORMAT"}, {"138001380001", "PHONE_FORMAT"}, {"23800138000", "PHONE_FORMAT"},
      {"+86 238 0013 8000", "PHONE_FORMAT"},  // +86 and 11 digits: a mobile, and this one is not
      {"+86 10 8888 6666", ""},               // +86 and 10 digits: an international number (a landline)
      {"+852 9123 4567", ""}, {"+123456", ""}, {"+12345", "PHONE_FORMAT"},
      {"+123456789012345", ""}, {"+1234567890123456", "PHONE_FORMAT"},
      {"+0123456", "PHONE_FORMAT"}, {"852+91234567", "PHONE_FORMAT"}, {"138 0013 800a", "PHONE_FORMAT"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(problem_of("form.phone", [&](BookingForm& f) { f.phone = c.phone; }), std::string_view(c.problem))
        << c.phone;
  }
}

// BKG-3: an e-mail address is local@domain with one @, a dot in the domain
// with something after it, no spaces; the confirmation must match it (any case).
TEST(BKG_3, EmailFormat) {
  struct {
    const char* email;
    const char* problem;  // the code on form.email, "" when none
  } cases[] = {
      {"candidate@example.com", ""},
      {"a.b+c@mail.example.cn", ""},
      {"a@b.cn", ""},
      {"a@example.c", ""},  // one character after the last dot is enough
      {"a@@example.com", "EMAIL_FORMAT"},         // two @ side by side
      {"a@b@example.com", "EMAIL_FORMAT"},        // two @ apart
      {"candidate@example.com@", "EMAIL_FORMAT"},  // a second @ at the end
      {"@example.com", "EMAIL_FORMAT"},
      {"candidate.example.com", "EMAIL_FORMAT"},
      {"a@b", "EMAIL_FORMAT"},
      {"a@.example.com", "EMAIL_FORMAT"},
      {"a@example.", "EMAIL_FORMAT"},
      {"a@example..com", "EMAIL_FORMAT"},
      {"a..b@example.com", ""},  // dots are checked in the domain only
      {"a b@example.com", "EMAIL_FORMAT"},
      {"a,b@example.com", "EMAIL_FORMAT"},
      {"a\x1F@example.com", "EMAIL_FORMAT"},
      {"a!@example.com", ""},  // '!' (0x21) is allowed
  };
  for (const auto& c : cases) {
    EXPECT_EQ(problem_of("form.email", [&](BookingForm& f) { f.email = f.email_confirm = c.email; }),
              std::string_view(c.problem))
        << c.email;
  }
  // The confirmation matches whatever the letter case, at both ends of A–Z.
  for (const char* confirm : {"AZaz@EXAMPLE.COM", "azAZ@example.com", "aZAz@Example.Com"}) {
    EXPECT_EQ(problem_of("form.email_confirm", [&](BookingForm& f) {
                f.email = "azAZ@example.com";
                f.email_confirm = confirm;
              }),
              std::string_view())
        << confirm;
  }
  EXPECT_EQ(problem_of("form.email_confirm", [&](BookingForm& f) {
              f.email = "a@example.com";
              f.email_confirm = "b@example.com";
            }),
            std::string_view("EMAIL_MISMATCH"));
}

}  // namespace
}  // namespace certpolicy
