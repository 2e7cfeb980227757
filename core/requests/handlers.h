// One handler per request type: reads the request's fields (recording the
// first bad one in `issues`), calls the decisions, and returns the result
// fields and the reasons. The engine adds the envelope and the sentences.
#pragma once

#include <optional>

#include "rules/decision.h"
#include "json/fields.h"
#include "json/enum_in.h"
#include "json/json_in.h"
#include "policy/messages.h"
#include "policy/policy.h"
#include "rules/catalogue/catalogue.h"
#include "rules/certs/certificate.h"

namespace certpolicy {

struct Context {
  const Policy& policy;
  Locale locale;
};

struct Outcome {
  Fields fields;
  Reasons reasons;
  // What the reasons' sentences read when it is not the answer's fields (the
  // booking form's words come from the policy in force: its mobile prefix).
  std::optional<Fields> said;
  // Request types that advise (exam_order) set has_next_step: the answer
  // then carries "next_step": {code, rule, message} or null.
  bool has_next_step = false;
  std::optional<Reason> next_step;
};

using Handler = std::optional<Outcome> (*)(const JsonIn& request, const Context& ctx, Issues& issues);

// Result fields written by more than one request type.
// The `certificate` object (certificate, practitioner): requests/certificate.cc.
void put_certificate(Fields::Object out, const CertificateDecision& d);
// One certification (certification, catalogue, purchase): requests/catalogue.cc.
void put_certification(Fields::Object out, const Certification& c, const CertificationStatus& s, const CertificatePolicy& levels);
// A catalogue id (certification's `id`, purchase's `certification`,
// exam_order's `order.certification`): its entry, or null and UNKNOWN_VALUE
// naming the nearest id ("did you mean cloud-computing-engineer?"), or
// "a catalogue id" when none is near. requests/catalogue.cc.
const Certification* read_certification(const JsonIn& in, const Catalogue& catalogue, Issues& issues);

// EXO-1, for every purchase a request names: paid by the moment decided on;
// else false, INCONSISTENT at `field` (requests/practitioner.cc).
bool paid_by_now(const JsonIn& field, Instant paid, Instant now, Issues& issues);

std::optional<Outcome> handle_exam_order(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_working_day(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_working_days(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_booking_form(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_certificate(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_practitioner(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_training(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_purchase(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_contacts(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_exam_code(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_exam_code_order(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_certification(const JsonIn& request, const Context& ctx, Issues& issues);
std::optional<Outcome> handle_catalogue(const JsonIn& request, const Context& ctx, Issues& issues);

}  // namespace certpolicy
