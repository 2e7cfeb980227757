// The practitioner (从业者) exam: attempts, pass, repurchase and refund
// (PRA-1 … PRA-4), and the certificate a pass gives (PRA-3, by CRT-1).
//
// PRA-2: one purchase gives `attempts` tries (3); a score of `pass_score`
// (70 of 100) passes and stops further attempts; after the last fail the
// candidate must buy again, and buying again while attempts remain is
// discouraged. PRA-3: the pass is published on the exam day (China date);
// when its result comes is not documented, so renewal is advised by the
// certification exams' latest results day (`results_within_days`, a reading).
// PRA-4: never refundable except for a platform fault. PRA-5 (a reading):
// the purchase states no validity; read as the certification exam orders'
// 12 months, the attempts are to be used by `use_by` (the earlier reading).
//   decide_practitioner({{t1, 55}, {t2, 70}}, false, now, zone, p, c)
//     → used 2, left 1, passed, can_take false; certificate from t2's date
#pragma once

#include <optional>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/certs/certificate.h"
#include "rules/decision.h"
#include "rules/policy_model.h"

namespace certpolicy {

struct PractitionerAttempt {
  Instant taken_at;
  int score = 0;
};

struct PractitionerDecision {
  int used = 0, left = 0;
  bool passed = false;
  bool can_take = false;            // attempts left and not passed
  bool must_repurchase = false;     // every attempt failed
  bool repurchase_warning = false;  // do not buy again while attempts remain
  bool refund_allowed = false;      // PRA-4: a platform fault only
  std::optional<CivilDate> use_by;  // PRA-5: while attempts can be taken, the last day of the 12-month reading
  // The attempt (its position as given) taken after a pass, which cannot
  // be: the input is inconsistent and nothing else is decided.
  std::optional<size_t> after_pass;
  CertificateDecision certificate;
  Reasons reasons;
};

// `attempts` in any order (they are judged in the order taken); `order_validity`: the certification exam
// orders' (EXO-2, bought before booking), which PRA-5 reads the purchase by.
PractitionerDecision decide_practitioner(const std::vector<PractitionerAttempt>& attempts, bool platform_fault, Instant paid_at,
                                         Instant now, const FixedZone& zone, const PractitionerPolicy& policy,
                                         const CertificatePolicy& certificates, const CalendarPeriod& order_validity,
                                         int results_within_days);

}  // namespace certpolicy
