// The practitioner exam's attempts, pass, repurchase and refund, and its
// certificate (PRA-1 … PRA-4).
#include "rules/certs/practitioner.h"

#include <cstddef>

#include "rules/exam/order_validity.h"

namespace certpolicy {

PractitionerDecision decide_practitioner(const std::vector<PractitionerAttempt>& attempts, bool platform_fault, Instant paid_at,
                                         Instant now, const FixedZone& zone, const PractitionerPolicy& policy,
                                         const CertificatePolicy& certificates, const CalendarPeriod& order_validity,
                                         int results_within_days) {
  PractitionerDecision d;
  // The order taken: an insertion sort of the positions (a handful, and
  // equal times keep the order given).
  std::vector<size_t> order;
  for (size_t k = 0; k < attempts.size(); ++k) {
    size_t at = order.size();
    while (at > 0 && attempts[k].taken_at < attempts[order[at - 1]].taken_at) --at;
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), k);
  }
  std::vector<CivilDate> passes;
  for (size_t k : order) {
    if (!passes.empty()) {  // nothing can follow a pass
      d.after_pass = k;
      return d;
    }
    if (attempts[k].score >= policy.pass_score) passes.push_back(zone.date_of(attempts[k].taken_at));
  }
  d.used = static_cast<int>(attempts.size());
  d.left = policy.attempts - d.used;
  d.passed = !passes.empty();
  d.can_take = !d.passed && d.left > 0;
  d.must_repurchase = !d.passed && d.left == 0;
  d.repurchase_warning = !d.passed && d.left > 0;  // (PRA-5: not once the year's reading has passed)
  d.refund_allowed = platform_fault;
  if (d.passed) {
    d.reasons.add("PRACTITIONER_PASSED", "PRA-2");
  } else if (d.left > 0) {
    d.reasons.add("PRACTITIONER_ATTEMPTS_LEFT", "PRA-2");
    // PRA-5: "随时参加线上考试" and no stated validity, or the exam orders' 12 months: the earlier is the date to use them by.
    const OrderValidity v = decide_validity(zone.date_of(paid_at), zone.date_of(now), order_validity, {});
    d.use_by = v.valid_until;
    d.reasons.add(v.expired ? "READING_PRACTITIONER_USE_BY_PASSED" : "READING_PRACTITIONER_USE_BY", "PRA-5");
    // Past it, "do not buy again" would contradict the reading the answer applies: ask first instead.
    d.repurchase_warning = !v.expired;
    if (d.repurchase_warning) d.reasons.add("PRACTITIONER_REPURCHASE_WARNING", "PRA-2");
  } else {
    d.reasons.add("PRACTITIONER_MUST_REPURCHASE", "PRA-2");
  }
  d.reasons.add(platform_fault ? "PLATFORM_FAULT_REFUND_ONLY" : "NOT_REFUNDABLE_ONCE_SOLD", "PRA-4");
  // PRA-3: when a renewal exam's result comes is not documented for this exam: renewal by the certification
  // exams' latest results day, the earlier date to sit it by (as the certificates page advises it), said as
  // this exam's reading.
  d.certificate = decide_certificate(passes, zone.date_of(now), certificates, results_within_days);
  for (const Reason& r : d.certificate.reasons) {
    if (r.code == "READING_RENEWAL_RESULTS") d.reasons.add("READING_PRACTITIONER_RENEWAL_RESULTS", "PRA-3");
    else if (r.code == "CERTIFICATE_EXPIRING_RENEWAL_PASSED") d.reasons.add("PRACTITIONER_EXPIRING_RENEWAL_PASSED", "PRA-3");
    else if (r.code != "CERTIFICATE_NONE") d.reasons.add(r.code, r.rule);
  }
  return d;
}

}  // namespace certpolicy
