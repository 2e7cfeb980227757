// The ProScheduler booking form (rules BKG-1 … BKG-3).
//
// BKG-1 documents: mainland resident ID card (18 characters, GB 11643 check
// character, a real birth date), Hong Kong/Macao permit (H or M then 8 or 10
// digits), Taiwan permit (8 digits); valid on the exam day (China date).
// BKG-2 surname and given name required, characters or pinyin.
// BKG-3 phone (mainland mobile: 11 digits starting with 1; or +international)
// and e-mail typed twice, matching.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/policy_model.h"

namespace certpolicy {

struct FormError {
  std::string_view field;  // "form.id_number"
  std::string_view code;   // "ID_CARD_CHECK_DIGIT"
  std::string_view rule;   // "BKG-1"
};

// GB 11643-1999 check character for the first 17 digits ('0'..'9' or 'X').
char gb11643_check_char(std::string_view first17);

// Empty when the ID number is a valid resident ID card number; otherwise the
// code of the first problem (ID_CARD_FORMAT, ID_CARD_BIRTH_DATE, ID_CARD_CHECK_DIGIT).
std::string_view check_cn_id_card(std::string_view id, const BookingFormPolicy& p,
                                  std::optional<CivilDate> latest_birth);

struct BookingForm {
  std::optional<std::string> id_type, id_number, surname, given_name, phone, email, email_confirm;
  std::optional<CivilDate> id_valid_until;
};

std::vector<FormError> check_booking_form(const BookingForm& form, CivilDate exam_date,
                                          const BookingFormPolicy& p);

}  // namespace certpolicy
