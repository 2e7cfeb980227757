// The ProScheduler booking form, field by field: document number (GB 11643
// check digit), document validity, names, phone, e-mail (BKG-1 … BKG-3).
#include "rules/exam/booking_form.h"

#include <algorithm>

namespace certpolicy {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool count_allowed(const std::vector<int>& counts, size_t n) {
  return std::find(counts.begin(), counts.end(), static_cast<int>(n)) != counts.end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Bytes of the UTF-8 sequence that starts with `b`; 0 when none starts so.
int sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 0;
}

// Decodes one UTF-8 code point at s[k]; returns 0 on a bad sequence.
char32_t next_code_point(std::string_view s, size_t& k) {
  auto b = static_cast<unsigned char>(s[k]);
  const int len = sequence_length(b);
  if (len == 0 || k + static_cast<size_t>(len) > s.size()) return 0;
  char32_t cp = len == 1 ? b : (b & (0xFF >> (len + 1)));
  for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[k + i]) & 0x3F);
  k += static_cast<size_t>(len);
  return cp;
}

// BKG-2: Chinese characters, Latin letters (pinyin, with ü and tone marks),
// spaces, middle dots and hyphens; at least one letter or character. The
// pinyin syllable apostrophe (Xi'an, Li Xin'an; ' or ’) is accepted between
// two Latin letters only: it is part of the pinyin a document may print.
std::string_view check_name(std::string_view name, const BookingFormPolicy& p) {
  int chars = 0;
  bool letter = false, prev_latin = false, after_apostrophe = false;
  for (size_t k = 0; k < name.size();) {
    char32_t c = next_code_point(name, k);
    ++chars;
    bool latin = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
    bool han = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FA1F);
    bool sep = c == ' ' || c == '-' || c == 0xB7 || c == 0x30FB || c == 0x2027;
    bool apostrophe = c == '\'' || c == 0x2019;
    if (after_apostrophe && !latin) return "NAME_INVALID";
    if (apostrophe && !prev_latin) return "NAME_INVALID";
    if (!latin && !han && !sep && !apostrophe) return "NAME_INVALID";
    letter = letter || latin || han;
    prev_latin = latin;
    after_apostrophe = apostrophe;
  }
  if (!letter || after_apostrophe) return "NAME_INVALID";
  if (chars > p.name_max_chars) return "NAME_TOO_LONG";
  return {};
}

// BKG-3: a mainland mobile number, optionally written +86 / with spaces or
// hyphens, or an international number "+<country><number>".
bool valid_phone(std::string_view raw, const BookingFormPolicy& p) {
  std::string digits;
  bool plus = false;
  for (size_t k = 0; k < raw.size(); ++k) {
    char c = raw[k];
    if (c == ' ' || c == '-') continue;
    if (c == '+' && k == 0) {
      plus = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    digits.push_back(c);
  }
  if (plus && digits.rfind("86", 0) == 0 &&
      digits.size() == 2 + static_cast<size_t>(p.mobile_length)) {
    digits.erase(0, 2);
    plus = false;
  }
  if (plus) {
    return digits.size() >= static_cast<size_t>(p.intl_min_digits) &&
           digits.size() <= static_cast<size_t>(p.intl_max_digits) && digits[0] != '0';
  }
  return digits.size() == static_cast<size_t>(p.mobile_length) &&
         digits.rfind(p.mobile_prefix, 0) == 0;
}

// BKG-3: local@domain with a dot in the domain, no spaces, one @.
bool valid_email(std::string_view e, const BookingFormPolicy& p) {
  if (e.size() > static_cast<size_t>(p.email_max_bytes)) return false;
  size_t at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = e.substr(at + 1);
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos || domain.front() == '.') return false;
  return std::none_of(e.begin(), e.end(), [](char c) {
    return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '<' || c == '>' ||
           static_cast<unsigned char>(c) < 0x20;
  });
}

bool equal_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

char gb11643_check_char(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (size_t k = 0; k < 17 && k < first17.size(); ++k) sum += (first17[k] - '0') * kWeights[k];
  return kCheck[sum % 11];
}

std::string_view check_cn_id_card(std::string_view id, const BookingFormPolicy& p,
                                  std::optional<CivilDate> latest_birth) {
  if (id.size() != static_cast<size_t>(p.id_card_length) || !all_digits(id.substr(0, 17))) {
    return "ID_CARD_FORMAT";
  }
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!(last == 'X' || (last >= '0' && last <= '9'))) return "ID_CARD_FORMAT";
  auto number = [&](size_t pos, size_t n) {
    int v = 0;
    for (size_t k = pos; k < pos + n; ++k) v = v * 10 + (id[k] - '0');
    return v;
  };
  int y = number(6, 4);
  auto m = static_cast<unsigned>(number(10, 2));
  auto d = static_cast<unsigned>(number(12, 2));
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok() || y < p.min_birth_year ||
      (latest_birth && CivilDate(std::chrono::sys_days(ymd)) > *latest_birth)) {
    return "ID_CARD_BIRTH_DATE";
  }
  if (gb11643_check_char(id) != last) return "ID_CARD_CHECK_DIGIT";
  return {};
}

std::vector<FormError> check_booking_form(const BookingForm& f, CivilDate exam_date,
                                          const BookingFormPolicy& p) {
  std::vector<FormError> errors;
  auto required = [&](const std::optional<std::string>& v, std::string_view field, std::string_view rule) {
    if (v && !trim(*v).empty()) return true;
    errors.push_back({field, "REQUIRED", rule});
    return false;
  };

  // BKG-1: document type and number.
  if (required(f.id_type, "form.id_type", "BKG-1")) {
    std::string_view type = *f.id_type;
    bool known = type == "cn_id_card" || type == "hk_macao_permit" || type == "taiwan_permit";
    if (!known) errors.push_back({"form.id_type", "ID_TYPE_NOT_ACCEPTED", "BKG-1"});
    if (known && required(f.id_number, "form.id_number", "BKG-1")) {
      std::string_view id = trim(*f.id_number);
      std::string_view problem;
      if (type == "cn_id_card") {
        problem = check_cn_id_card(id, p, exam_date);
      } else if (type == "hk_macao_permit") {
        bool ok = id.size() > 1 && p.hk_macao_prefixes.find(id[0]) != std::string::npos &&
                  all_digits(id.substr(1)) && count_allowed(p.hk_macao_digit_counts, id.size() - 1);
        if (!ok) problem = "HK_MACAO_PERMIT_FORMAT";
      } else if (!(all_digits(id) && count_allowed(p.taiwan_digit_counts, id.size()))) {
        problem = "TAIWAN_PERMIT_FORMAT";
      }
      if (!problem.empty()) errors.push_back({"form.id_number", problem, "BKG-1"});
    }
  }
  // BKG-1: valid on the exam day.
  if (!f.id_valid_until) {
    errors.push_back({"form.id_valid_until", "REQUIRED", "BKG-1"});
  } else if (*f.id_valid_until < exam_date) {
    errors.push_back({"form.id_valid_until", "ID_EXPIRED_ON_EXAM_DAY", "BKG-1"});
  }
  // BKG-2: names.
  for (auto [value, field] : {std::pair{&f.surname, "form.surname"}, std::pair{&f.given_name, "form.given_name"}}) {
    if (!required(*value, field, "BKG-2")) continue;
    std::string_view problem = check_name(trim(**value), p);
    if (!problem.empty()) errors.push_back({field, problem, "BKG-2"});
  }
  // BKG-3: phone and e-mail twice.
  if (required(f.phone, "form.phone", "BKG-3") && !valid_phone(trim(*f.phone), p)) {
    errors.push_back({"form.phone", "PHONE_FORMAT", "BKG-3"});
  }
  bool email_ok = required(f.email, "form.email", "BKG-3");
  if (email_ok && !valid_email(trim(*f.email), p)) {
    errors.push_back({"form.email", "EMAIL_FORMAT", "BKG-3"});
    email_ok = false;
  }
  if (required(f.email_confirm, "form.email_confirm", "BKG-3") && email_ok &&
      !equal_ignore_case(trim(*f.email), trim(*f.email_confirm))) {
    errors.push_back({"form.email_confirm", "EMAIL_MISMATCH", "BKG-3"});
  }
  return errors;
}

}  // namespace certpolicy
