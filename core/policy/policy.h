// Reading the policy document into the rules' model (rules/policy_model.h).
//
// The default document is core/policy/data/default_policy.json, embedded in the
// build. A document passed at run time is applied to it as a JSON merge patch
// (RFC 7386): objects merge key by key, everything else replaces. So
//   {"calendar": {"years": {"2027": {...}}}}   adds a year, and
//   {"exam_order": {"refund_window": {"hours": 48}}}   changes one number.
// The merged document is then validated; the first bad field is reported
// with its path ("exam_order.refund_window.hours").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "json/json_in.h"
#include "rules/policy_model.h"

namespace certpolicy {

// The embedded default document (JSON text).
const std::string& default_policy_text();

// Shared readers of policy documents (policy.cc).
std::optional<Elapsed> read_elapsed(const JsonIn& in, Issues& issues);
std::optional<CalendarPeriod> read_period(const JsonIn& in, Issues& issues);
std::optional<std::vector<int>> read_reminder_days(const JsonIn& in, Issues& issues);
// policy/catalogue.cc
bool load_catalogue(const JsonIn& in, const CertificatePolicy& levels, Catalogue& out, Issues& issues);

// Builds a policy from a validated document. On failure, `issues` names the
// first bad field (path relative to the document root).
std::optional<Policy> load_policy(const JsonIn& root, Issues& issues);

}  // namespace certpolicy
