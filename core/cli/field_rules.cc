// The rule of each answer field, by request type (docs/RULES.md).
#include "cli/field_rules.h"

#include <utility>

namespace certpolicy::cli {

namespace {

struct FieldRule {
  std::string_view type;  // "" for every type
  std::string_view path;  // a field, or a prefix ending in "." or "[]."
  std::string_view rule;
};

// The fields of one certification, in `certification`, `purchase` and each
// element of `catalogue` (prefixed there).
#define CERTIFICATION_FIELDS(T, P)                                                                       \
  {T, P "id", "CAT-1"}, {T, P "name.", "CAT-1"}, {T, P "track", "CAT-1"}, {T, P "kind", "CAT-1"},        \
      {T, P "level", "CAT-1"}, {T, P "legacy_level", "CRT-4"}, {T, P "beta", "CAT-2"},                    \
      {T, P "status", "CAT-2"}, {T, P "lifecycle.", "CAT-2"}, {T, P "platform", "CAT-2"},                 \
      {T, P "purchasable", "CAT-3"}, {T, P "can_sit", "CAT-3"}, {T, P "exam_until", "CAT-3"},             \
      {T, P "unused_attempt_refund", "CAT-3"}, {T, P "successor", "CAT-3"}, {T, P "renamed_from", "CAT-3"}

// The `certificate` object (certificate, practitioner).
#define CERTIFICATE_FIELDS(T, P)                                                                         \
  {T, P "status", "CRT-2"}, {T, P "days_left", "CRT-2"}, {T, P "expiring_from", "CRT-2"},                \
      {T, P "renew_by", "CRT-2"}, {T, P "days_expired", "CRT-2"}, {T, P "valid_from", "CRT-1"},          \
      {T, P "valid_until", "CRT-1"},                                                                     \
      {T, P "electronic_only", "CRT-3"}, {T, P "level", "CRT-4"}, {T, P "legacy_level", "CRT-4"}

constexpr FieldRule kRules[] = {
    // A request answered under one policy and refused under the other: the
    // policy no longer knows what it names (a payment method, an id).
    {"", "ok", "API-1"},
    {"", "type", "API-1"},
    {"", "error.", "API-1"},

    {"exam_order", "order.flow", "EXO-2"},
    {"exam_order", "order.valid_until", "EXO-2"},
    {"exam_order", "order.expired", "EXO-2"},
    {"exam_order", "order.reminders", "EXO-3"},
    {"exam_order", "refund.allowed", "EXO-4"},
    {"exam_order", "refund.deadline", "EXO-4"},
    {"exam_order", "refund.act_by", "EXO-4"},
    {"exam_order", "refund.amount_fen", "EXO-10"},
    {"exam_order", "refund.breakdown", "EXO-10"},
    {"exam_order", "refund.amount_after_cancelling_fen", "EXO-10"},
    {"exam_order", "booking.can_book", "EXO-2"},
    {"exam_order", "booking.can_change", "EXO-5"},
    {"exam_order", "booking.can_cancel", "EXO-5"},
    {"exam_order", "booking.change_only", "EXO-5"},
    {"exam_order", "booking.change_deadline", "EXO-5"},
    {"exam_order", "booking.check_in_by", "EXO-6"},
    {"exam_order", "booking.ends_at", "EXO-7"},
    {"exam_order", "booking.results_at", "EXO-8"},
    {"exam_order", "order.certification", "CAT-2"},
    {"exam_order", "refund.state", "EXO-4"},
    {"exam_order", "refund.tone", "EXO-4"},
    {"exam_order", "booking.state", "EXO-5"},
    {"exam_order", "booking.tone", "EXO-5"},
    {"exam_order", "booking.book_until", "EXO-2"},
    {"exam_order", "booking.move_by", "EXO-5"},
    {"exam_order", "booking.results_by", "EXO-8"},
    {"exam_order", "certificate_if_passed.", "CRT-1"},
    {"exam_order", "certificate_if_passed.renew_from", "CRT-2"},
    {"exam_order", "certificate_if_passed.renew_by", "CRT-2"},

    {"working_day", "date", "CAL-1"},
    {"working_day", "working_day", "CAL-1"},
    {"working_day", "kind", "CAL-1"},
    {"working_day", "verified", "CAL-2"},
    {"working_days", "from", "CAL-3"},
    {"working_days", "to", "CAL-3"},
    {"working_days", "count", "CAL-3"},
    {"working_days", "verified", "CAL-2"},

    {"booking_form", "valid", "BKG-1"},
    {"booking_form", "exam_date", "BKG-1"},

    CERTIFICATE_FIELDS("certificate", ""),
    CERTIFICATE_FIELDS("practitioner", "certificate."),
    {"practitioner", "certificate", "PRA-3"},
    {"practitioner", "attempts_used", "PRA-2"},
    {"practitioner", "attempts_left", "PRA-2"},
    {"practitioner", "attempts_total", "PRA-2"},
    {"practitioner", "can_take", "PRA-2"},
    {"practitioner", "must_repurchase", "PRA-2"},
    {"practitioner", "repurchase_warning", "PRA-2"},
    {"practitioner", "use_by", "PRA-5"},
    {"practitioner", "pass_score", "PRA-1"},
    {"practitioner", "passed", "PRA-1"},
    {"practitioner", "refund.", "PRA-4"},
    {"practitioner", "exam_minutes", "PRA-2"},

    {"training", "today", "TRN-3"},
    {"training", "class_start", "TRN-3"},
    {"training", "working_days_before", "CAL-3"},
    {"training", "full_refund_until", "TRN-3"},
    {"training", "partial_refund_until", "TRN-3"},
    {"training", "full_refund_act_by", "TRN-3"},
    {"training", "partial_refund_act_by", "TRN-3"},
    {"training", "working_days_excluding_today", "CAL-3"},
    {"training", "refund_tiers", "TRN-3"},
    {"training", "refund_otherwise_percent", "TRN-3"},
    {"training", "refund.", "TRN-3"},
    {"training", "deferral.", "TRN-4"},
    {"training", "class_decision_on", "TRN-2"},
    {"training", "opening_notice_on", "TRN-2"},
    {"training", "apply_to", "TRN-6"},
    {"training", "calendar_verified", "CAL-2"},

    {"purchase", "allowed", "ACC-1"},
    {"purchase", "refundable", "ACC-1"},
    {"purchase", "certification.", "CAT-3"},
    {"purchase", "certification", "CAT-3"},

    {"contacts", "channels.", "NTF-1"},
    {"contacts", "shown.", "NTF-1"},
    {"contacts", "warnings", "NTF-2"},

    {"exam_code", "state", "COD-3"},
    {"exam_code", "action", "COD-1"},
    {"exam_code", "allowed", "COD-1"},
    {"exam_code", "next_state", "COD-1"},
    {"exam_code", "creates", "COD-1"},
    {"exam_code", "actions", "COD-1"},
    {"exam_code", "order.", "COD-3"},

    {"exam_code_order", "order.", "COD-3"},
    {"exam_code_order", "codes.", "COD-5"},
    {"exam_code_order", "refund.", "COD-4"},
    {"exam_code_order", "stats.", "COD-5"},

    CERTIFICATION_FIELDS("certification", ""),
    {"certification", "date", "CAT-2"},
    CERTIFICATION_FIELDS("catalogue", "certifications[]."),
    {"catalogue", "date", "CAT-2"},
    {"catalogue", "prometric_from", "CAT-2"},
    // A list of another length is compared whole.
    {"catalogue", "certifications", "CAT-1"},
};

#undef CERTIFICATION_FIELDS
#undef CERTIFICATE_FIELDS

// `path` is `prefix` itself, or lies under it.
bool covers(std::string_view prefix, std::string_view path) {
  if (prefix.ends_with('.')) return path.substr(0, prefix.size()) == prefix || path == prefix.substr(0, prefix.size() - 1);
  return path == prefix || (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix &&
                            (path[prefix.size()] == '.' || path[prefix.size()] == '['));
}

// The exam order's timeline points (`timeline[].key`), each the rule of
// the field it shows.
constexpr std::pair<std::string_view, std::string_view> kTimelinePoints[] = {
    {"paid", "EXO-2"},          {"refund_deadline", "EXO-4"},        {"change_deadline", "EXO-5"},
    {"move_by", "EXO-5"},       {"check_in_by", "EXO-6"},            {"ends_at", "EXO-7"},
    {"results_at", "EXO-8"},    {"results_by", "EXO-8"},             {"reminder", "EXO-3"},
    {"valid_until", "EXO-2"},   {"last_exam_day", "CAT-2"},          {"certificate_renew_from", "CRT-2"},
    {"certificate_renew_by", "CRT-2"}, {"certificate_valid_until", "CRT-1"},
};

}  // namespace

std::string_view timeline_point_rule(std::string_view key) {
  for (const auto& [k, rule] : kTimelinePoints) {
    if (k == key) return rule;
  }
  return {};
}

std::string_view field_rule(std::string_view type, std::string_view path) {
  std::string_view best, rule;
  for (const FieldRule& r : kRules) {
    if ((r.type.empty() || r.type == type) && covers(r.path, path) && r.path.size() > best.size()) {
      best = r.path;
      rule = r.rule;
    }
  }
  return rule;
}

}  // namespace certpolicy::cli
