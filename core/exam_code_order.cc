// The `exam_code_order` request: an enterprise order of exam codes
// (COD-3 validity and reminders, COD-4 refund, COD-5 statistics).
//
// COD-4: one refund per order; every bound code must be unbound first; the
// unused codes are what is refunded (none once the order expired).
// COD-5: per certification, registered = bound + examined, attended =
// examined, passed; pass rate = passed / attended, null when nobody attended.
#include <map>

#include "exam_code.h"
#include "handlers.h"
#include "order_validity.h"

namespace certpolicy {

namespace {

constexpr size_t kMaxCodes = 1'000'000;

struct Stats {
  std::int64_t registered = 0, attended = 0, passed = 0;
  json to_json() const {
    return {{"registered", registered},
            {"attended", attended},
            {"passed", passed},
            {"pass_rate", attended == 0 ? json(nullptr) : json(static_cast<double>(passed) / static_cast<double>(attended))}};
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
  const json& list = *codes.node();
  for (size_t k = 0; k < *n; ++k) {
    const json& code = list[k];
    // Read fields directly (no path strings) on this hot loop; build the
    // path only when reporting an error.
    const json* state_j = code.is_object() && code.contains("state") ? &code["state"] : nullptr;
    const std::string* state_s = state_j ? state_j->get_ptr<const std::string*>() : nullptr;
    int state = -1;
    for (int s = 0; state_s && s < 6; ++s) {
      if (*state_s == kCodeStateNames[s]) state = s;
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
    auto p = code.find("passed");
    if (p != code.end() && !p->is_null()) {
      if (!p->is_boolean()) {
        issues.fail(codes[k]["passed"].path(), detail_code::kWrongType, "boolean");
        return std::nullopt;
      }
      passed = p->get<bool>();
      if (passed && state != static_cast<int>(CodeState::kExamined)) {
        issues.fail(codes[k]["passed"].path(), detail_code::kInconsistent, "passed only on an examined code");
        return std::nullopt;
      }
    }
    auto c = code.find("certification");
    if (c != code.end() && !c->is_null()) {
      if (!c->is_string() || c->get_ref<const std::string&>().size() > 64) {
        issues.fail(codes[k]["certification"].path(), detail_code::kWrongType, "string");
        return std::nullopt;
      }
      cert = c->get<std::string>();
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

  json reminders = json::array();
  for (CivilDate d : v.reminders) reminders.push_back(format_date(d));
  json counts = json::object();
  for (int s = 0; s < 6; ++s) counts[std::string(kCodeStateNames[s])] = by_state[s];
  json by_cert = json::array();
  for (const auto& [id, s] : per_cert) {
    json row = s.to_json();
    row["certification"] = id.empty() ? json(nullptr) : json(id);
    by_cert.push_back(std::move(row));
  }
  json stats = total.to_json();
  stats["by_certification"] = std::move(by_cert);
  out.fields = {{"order",
                 {{"valid_until", format_date(v.valid_until)},
                  {"expired", v.expired},
                  {"reminders", std::move(reminders)},
                  {"codes", static_cast<std::int64_t>(*n)}}},
                {"codes", std::move(counts)},
                {"refund",
                 {{"allowed", allowed},
                  {"refundable_codes", allowed ? unused : 0},
                  {"blocking_bound_codes", bound}}},
                {"stats", std::move(stats)}};
  return out;
}

}  // namespace certpolicy
