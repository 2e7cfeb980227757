// The `exam_code_order` request: reads an enterprise order of up to a million
// exam codes straight from the document (an entry with `count` stands for
// that many identical codes), counts them, and answers its validity and
// reminders (COD-3), refund (COD-4: a refunded code spends the order's one
// refund) and statistics (COD-5) from rules/codes/code_order.h.
#include <map>

#include "requests/handlers.h"
#include "rules/codes/code_order.h"
#include "rules/exam/order_validity.h"

namespace certpolicy {

namespace {

constexpr size_t kMaxCodes = 1'000'000;

void put_stats(Fields::Object out, const CodeStats& s) {
  auto rate = s.pass_rate();
  out.put("registered", s.registered)
      .put("attended", s.attended)
      .put("passed", s.passed)
      .put("results_unknown", s.results_unknown)
      .put("pass_rate", rate ? Value(*rate) : Value(nullptr));
}

}  // namespace

std::optional<Outcome> handle_exam_code_order(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  JsonIn order = req["order"];
  if (!now || !read_object(order, issues)) return std::nullopt;
  auto paid = read_instant(order["paid_at"], issues);
  const bool refunded_said = order["refunded"].present();
  auto refunded = read_bool(order["refunded"], issues, false);
  JsonIn codes = order["codes"];
  auto n = read_array(codes, issues, kMaxCodes, false);
  if (!issues.ok()) return std::nullopt;
  if (!paid_by_now(order["paid_at"], *paid, *now, issues)) return std::nullopt;

  const FixedZone& zone = ctx.policy.zone;
  OrderValidity v = decide_validity(zone.date_of(*paid), zone.date_of(*now), ctx.policy.exam_codes.validity,
                                    ctx.policy.exam_codes.reminder_days);
  CodeCounts counts;
  CodeStats total;
  std::int64_t all = 0;  // codes, counting each entry's `count`
  std::map<std::string, CodeStats> per_cert;
  // Up to a million codes: read through the document directly (a JsonIn
  // with its path is built only to report an error).
  const JsonDoc& doc = *codes.doc();
  for (size_t k = 0; k < *n; ++k) {
    const JsonDoc::Ref code = doc.element(codes.ref(), k);
    const JsonDoc::Ref state_j = doc.find(code, "state");
    const bool state_is_text = state_j != JsonDoc::kNone && doc.kind(state_j) == JsonKind::kString;
    const std::optional<CodeState> state = state_is_text ? enum_named<CodeState>(doc.string(state_j)) : std::nullopt;
    if (!state) {
      JsonIn in = codes[k];
      if (read_object(in, issues)) read_enum<CodeState>(in["state"], issues);
      return std::nullopt;
    }
    std::optional<bool> passed;
    std::string cert;
    const JsonDoc::Ref p = doc.find(code, "passed");
    if (p != JsonDoc::kNone && doc.kind(p) != JsonKind::kNull) {
      if (doc.kind(p) != JsonKind::kBool) {
        issues.fail(codes[k]["passed"].path(), detail_code::kWrongType, "boolean");
        return std::nullopt;
      }
      passed = doc.boolean(p);
      if (*passed && *state != CodeState::kExamined) {
        issues.contradict(codes[k]["passed"].path(), "ON_AN_EXAMINED_CODE", "passed only on an examined code");
        return std::nullopt;
      }
    }
    const JsonDoc::Ref c = doc.find(code, "certification");
    if (c != JsonDoc::kNone && doc.kind(c) != JsonKind::kNull) {
      if (doc.kind(c) != JsonKind::kString || doc.string(c).size() > 64) {
        issues.fail(codes[k]["certification"].path(), detail_code::kWrongType, "string");
        return std::nullopt;
      }
      cert = doc.string(c);
    }
    std::int64_t count = 1;
    if (doc.find(code, "count") != JsonDoc::kNone) {
      auto given = read_int(codes[k]["count"], issues, 1, static_cast<std::int64_t>(kMaxCodes), 1);
      if (!given) return std::nullopt;
      count = *given;
    }
    all += count;
    if (all > static_cast<std::int64_t>(kMaxCodes)) {
      issues.fail(codes[k]["count"].path(), detail_code::kTooMany, "at most 1000000 codes in all");
      return std::nullopt;
    }
    const CodeState own = *state;
    // COD-4: an order said not refunded cannot hold a refunded code.
    if (own == CodeState::kRefunded && refunded_said && !*refunded) {
      issues.contradict(order["refunded"].path(), "WITH_A_REFUNDED_CODE", "true when a code is refunded");
      return std::nullopt;
    }
    counts.by_state[static_cast<size_t>(effective_code_state(own, v.expired))] += count;
    total.add(own, passed, count);
    per_cert[cert].add(own, passed, count);
  }

  CodeOrderDecision refund = decide_code_order(*refunded, v.expired, counts);
  Outcome out;
  out.reasons = refund.reasons;
  out.reasons.add(total.reason_code(), "COD-5");

  Fields::Object f = out.fields.root();
  Fields::Object order_out = f.object("order");
  order_out.put("valid_until", v.valid_until).put("expired", v.expired).put("codes", all);
  Fields::Array reminders = order_out.array("reminders");
  for (CivilDate d : v.reminders) reminders.push(d);
  Fields::Object by_state = f.object("codes");
  for (size_t s = 0; s < EnumNames<CodeState>::names.size(); ++s) by_state.put(EnumNames<CodeState>::names[s], counts.by_state[s]);
  f.object("refund")
      .put("allowed", refund.refund_allowed)
      .put("refundable_codes", refund.refundable_codes)
      .put("blocking_bound_codes", refund.blocking_bound_codes);
  Fields::Object stats = f.object("stats");
  put_stats(stats, total);
  Fields::Array by_cert = stats.array("by_certification");
  for (const auto& [id, s] : per_cert) {
    Fields::Object row = by_cert.object();
    put_stats(row, s);
    row.put("certification", Value::or_null(id));
  }
  return out;
}

}  // namespace certpolicy
