// The policy as the rules read it: every number and date they use, as plain
// structs (docs/RULES.md). Nothing here knows JSON: policy/policy.h reads a
// document into these, validates it, and says which field is wrong.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "calendar/working_days.h"
#include "rules/enum_names.h"

namespace certpolicy {

// Elapsed time: {"days": n} is n x 24 h (TIM-2), or {"hours": n}, {"minutes": n}.
using Elapsed = std::chrono::minutes;

// Calendar arithmetic on civil dates: {"months": n}, {"years": n} or {"days": n}.
struct CalendarPeriod {
  int months = 0;
  int days = 0;
  CivilDate after(CivilDate d) const { return add_days(add_months(d, months), days); }
  // The fewest days it can span from any start date (month ends clamp:
  // {"months": 1} from 31 Jan spans 28 days in a common year).
  int shortest_days() const;
};

enum class Flow { kPurchaseThenBook = 0, kBookThenPurchase = 1 };
template <>
struct EnumNames<Flow> {
  static constexpr std::array<std::string_view, 2> names{"purchase_then_book", "book_then_purchase"};
};

struct FlowPolicy {
  CalendarPeriod validity;   // EXO-2
  Elapsed change_window{};   // EXO-5: change/cancel allowed until exam - window
  bool cancel_allowed = true;
};

struct PaymentMethodPolicy {
  std::string name;
  bool refundable = true;  // EXO-10: vouchers are not
};

struct ExamOrderPolicy {
  FlowPolicy flows[2];
  Flow default_flow = Flow::kPurchaseThenBook;
  std::vector<int> reminder_days;  // EXO-3, days before the last valid date
  Elapsed refund_window{};         // EXO-4
  Elapsed check_in_before{};       // EXO-6
  Elapsed duration{};              // EXO-7
  Elapsed theory_results_after_end{};  // EXO-8, the guide: 30 minutes after the end
  int theory_results_terms_days = 0;   // EXO-8, service terms 3.8: three days after the exam day
  int lab_results_days = 0;
  int interview_results_days = 0;
  std::vector<PaymentMethodPolicy> payment_methods;

  const FlowPolicy& flow(Flow f) const { return flows[static_cast<int>(f)]; }
  const PaymentMethodPolicy* method(std::string_view name) const;
};

struct BookingFormPolicy {
  int id_card_length = 18;
  int min_birth_year = 1900;
  std::string hk_macao_prefixes;  // one character each
  std::vector<int> hk_macao_digit_counts;
  std::vector<int> taiwan_digit_counts;
  int mobile_length = 11;
  std::string mobile_prefix;
  int intl_min_digits = 6;
  int intl_max_digits = 15;
  int name_max_chars = 50;
  int email_max_bytes = 254;
  Elapsed seat_hold{};  // BKG-4
};

// Certificates (CRT-1 … CRT-4).
struct CertificatePolicy {
  CalendarPeriod validity;          // CRT-1
  int expiring_within_days = 90;    // CRT-2
  CivilDate electronic_only_since;  // CRT-3
  CivilDate levels_renamed_on;      // CRT-4
  std::vector<std::pair<std::string, std::string>> level_names;  // legacy → current

  // "TCA" → "TCCA"; a current name maps to itself; "" when unknown.
  std::string current_level(std::string_view name) const;
  // "TCCA" → "TCA"; "" when it has no legacy name.
  std::string legacy_level(std::string_view name) const;
};

// Practitioner exam (PRA-1, PRA-2).
struct PractitionerPolicy {
  int attempts = 3;
  int pass_score = 70;
  int max_score = 100;
  Elapsed duration{};
};

// Offline classes (TRN-2 … TRN-6).
struct TrainingPolicy {
  struct Tier {
    int more_than_working_days;  // N > this …
    int percent;                 // … refunds this percentage
  };
  std::vector<Tier> refund_tiers;  // TRN-3, thresholds descending
  int otherwise_percent = 0;
  int deferral_min_working_days = 5;  // TRN-4: N >= this
  int class_decision_days = 10;       // TRN-2, calendar days before start
  int opening_notice_days = 7;
  std::string office_email;           // TRN-6
};

// Enterprise exam codes (COD-3).
struct ExamCodePolicy {
  CalendarPeriod validity;
  std::vector<int> reminder_days;
};

// One certification of the catalogue (CAT-1, CAT-2); dates are China dates.
struct Certification {
  std::string id;
  std::string name_zh, name_en;
  std::string name_zh_hant;  // Traditional Chinese (derived from name_zh when the policy gives none)
  std::string track;  // cloud, database, big_data, ai, specialty, developer
  std::string kind;   // professional, specialty, developer, practitioner
  std::string level;  // TCCA, TCCP, TCCE or "" (current names)
  bool beta = false;
  std::optional<CivilDate> on_sale_from;               // not purchasable before
  std::optional<CivilDate> sale_stops_on;              // not purchasable from
  std::optional<CivilDate> exams_until;                // last day an existing buyer may sit it
  std::optional<CivilDate> unused_attempt_refund_from;  // unused attempts refundable from
  std::string successor;     // id or ""
  std::string renamed_from;  // id or ""
};

struct Catalogue {
  CivilDate prometric_from;  // exams on Prometric from this date (CAT-2) …
  std::vector<std::string> online_kinds;  // … except these kinds': online, any time, from the certification's page
  std::vector<Certification> certifications;
  const Certification* find(std::string_view id) const;
};

struct Policy {
  std::string version;
  std::string region;
  FixedZone zone;
  WorkCalendar calendar;
  ExamOrderPolicy exam_order;
  BookingFormPolicy booking_form;
  CertificatePolicy certificate;
  PractitionerPolicy practitioner;
  TrainingPolicy training;
  ExamCodePolicy exam_codes;
  Catalogue catalogue;
};

}  // namespace certpolicy
