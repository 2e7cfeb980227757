// The `exam_code_order` request: an enterprise order of exam codes
// (COD-3 validity and reminders, COD-4 refund, COD-5 statistics).
//
// COD-4: one refund per order; every bound code must be unbound first; the
// unused codes are what is refunded (none once the order expired).
// COD-5: per certification, registered = bound + examined, attended =
// examined, passed; pass rate = passed / attended, null when nobody attended.
#include <map>

#include "rules/codes/exam_code.h"
#include "requests/handlers.h"
#include "rules/exam/order_validity.h"

namespace certpolicy {

namespace {

constexpr size_t kMaxCodes = 1'000'000;

struct Stats {
  std::int64_t registered = 0, attended = 0, passed = 0;
  void put(Fields::Object out) const {
    out.put("registered", registered)
        .put("attended", attended)
        .put("passed", passed)
        .put("pass_rate", attended == 0 ? Value(nullptr) : Value(static_cast<double>(passed) / static_cast<double>(attended)));
  }
};

}  // namespace

std::optional<Outcome> handle_exam_code_order(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto now = read_instant(req["now"], issues);
  JsonIn order = req["order"];
  if (!now || !read_object(order, issues)) return std::nullopt;
  auto paid = read_instant(order["paid_at"], issues);
  auto refunded = paid ? read_bool(order["refunded"], issues, false) : std::nullopt;
  JsonIn codes = order["codes"];
  auto n = refunded ? read_array(codes, issues, kMaxCodes, false) : std::nullopt;
  if (!n) return std::nullopt;

  const FixedZone& zone = ctx.policy.zone;
  OrderValidity v = decide_validity(zone.date_of(*paid), zone.date_of(*now), ctx.policy.exam_codes.validity,
                                    ctx.policy.exam_codes.reminder_days);
  std::int64_t by_state[6] = {};
  Stats total;
  std::map<std::string, Stats> per_cert;
  // Up to a million codes: read through the document directly (a JsonIn
  // with its path is built only to report an error).
  const JsonDoc& doc = *codes.doc();
  for (size_t k = 0; k < *n; ++k) {
    const JsonDoc::Ref code = doc.element(codes.ref(), k);
    const JsonDoc::Ref state_j = doc.find(code, "state");
    const bool state_is_text = state_j != JsonDoc::kNone && doc.kind(state_j) == JsonKind::kString;
    int state = -1;
    for (int s = 0; state_is_text && s < 6; ++s) {
      if (doc.string(state_j) == kCodeStateNames[s]) state = s;
    }
    if (state < 0) {
      JsonIn in = codes[k];
      if (read_object(in, issues)) {
        read_enum(in["state"], issues, {"unused", "bound", "examined", "void", "expired", "refunded"});
      }
      return std::nullopt;
    }
    bool passed = false;
    std::string cert;
    const JsonDoc::Ref p = doc.find(code, "passed");
    if (p != JsonDoc::kNone && doc.kind(p) != JsonKind::kNull) {
      if (doc.kind(p) != JsonKind::kBool) {
        issues.fail(codes[k]["passed"].path(), detail_code::kWrongType, "boolean");
        return std::nullopt;
      }
      passed = doc.boolean(p);
      if (passed && state != static_cast<int>(CodeState::kExamined)) {
        issues.fail(codes[k]["passed"].path(), detail_code::kInconsistent, "passed only on an examined code");
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
    CodeState effective = effective_code_state(static_cast<CodeState>(state), v.expired);
    ++by_state[static_cast<int>(effective)];
    const bool registered = state == static_cast<int>(CodeState::kBound) || state == static_cast<int>(CodeState::kExamined);
    const bool attended = state == static_cast<int>(CodeState::kExamined);
    for (Stats* s : {&total, &per_cert[cert]}) {
      s->registered += registered;
      s->attended += attended;
      s->passed += passed;
    }
  }

  const std::int64_t unused = by_state[static_cast<int>(CodeState::kUnused)];
  const std::int64_t bound = by_state[static_cast<int>(CodeState::kBound)];
  Outcome out;
  out.reasons.add(v.expired ? "CODE_ORDER_EXPIRED" : "CODE_ORDER_VALID", "COD-3");
  bool allowed = true;
  if (*refunded) {
    allowed = false;
    out.reasons.add("ORDER_ALREADY_REFUNDED", "COD-4");
  } else if (v.expired) {
    allowed = false;
    out.reasons.add("CODES_EXPIRED_WITH_ORDER", "COD-3");
  } else {
    if (bound > 0) {
      allowed = false;
      out.reasons.add("BOUND_CODES_BLOCK_REFUND", "COD-4");
    }
    if (unused == 0) {
      allowed = false;
      out.reasons.add("NO_UNUSED_CODES", "COD-4");
    }
    if (allowed) out.reasons.add("UNUSED_CODES_REFUNDABLE", "COD-4");
  }
  out.reasons.add("CODE_STATISTICS", "COD-5");

  Fields::Object f = out.fields.root();
  Fields::Object order_out = f.object("order");
  order_out.put("valid_until", v.valid_until).put("expired", v.expired).put("codes", *n);
  Fields::Array reminders = order_out.array("reminders");
  for (CivilDate d : v.reminders) reminders.push(d);
  Fields::Object counts = f.object("codes");
  for (int s = 0; s < 6; ++s) counts.put(kCodeStateNames[s], by_state[s]);
  f.object("refund")
      .put("allowed", allowed)
      .put("refundable_codes", allowed ? unused : 0)
      .put("blocking_bound_codes", bound);
  Fields::Object stats = f.object("stats");
  total.put(stats);
  Fields::Array by_cert = stats.array("by_certification");
  for (const auto& [id, s] : per_cert) {
    Fields::Object row = by_cert.object();
    s.put(row);
    row.put("certification", Value::or_null(id));
  }
  return out;
}

}  // namespace certpolicy
