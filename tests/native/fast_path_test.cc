// The typed fast path (Engine::decide_exam_order) against the JSON entry:
// the same composition and the one accepted-instant range (TIM-1), at the
// range's ends to the millisecond, with certifications and platform faults.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "default_engine.h"
#include "engine.h"

namespace certpolicy {
namespace {

using nlohmann::json;

double ms(const char* iso) { return static_cast<double>(parse_instant(iso).value->time().time_since_epoch().count()); }

int catalogue_index(std::string_view id) {
  const auto& list = default_engine().policy().catalogue.certifications;
  for (size_t k = 0; k < list.size(); ++k) {
    if (list[k].id == id) return static_cast<int>(k);
  }
  return -1;
}

// evaluate's flags for an exam_order request, or "refused".
std::string via_json(const std::string& now, const std::string& order) {
  json out = json::parse(default_engine().evaluate(R"({"type":"exam_order","now":")" + now + R"(","order":)" + order + "}"));
  if (!out["ok"].get<bool>()) return "refused " + out["error"]["detail"].get<std::string>();
  const json& b = out["booking"];
  return std::string(out["refund"]["allowed"].get<bool>() ? "R" : "-") + (b["can_change"].get<bool>() ? "C" : "-") +
         (b["can_cancel"].get<bool>() ? "X" : "-") + (b["can_book"].get<bool>() ? "B" : "-");
}

std::string via_fast(double paid, double now, double exam, int status, int fault = 0, int cert = -1) {
  auto f = default_engine().decide_exam_order(paid, now, exam, status, 0, false, fault, cert);
  if (!f.decided) return "refused";
  return std::string(f.refund ? "R" : "-") + (f.change ? "C" : "-") + (f.cancel ? "X" : "-") + (f.book ? "B" : "-");
}

// TIM-1: one range for every input, stated once (kMinInstant … kMaxInstant).
TEST(FastPath, TIM_1_one_range_with_evaluate_to_the_millisecond) {
  const double paid = 0.0;  // the range's first instant: paid by every `now` the range holds
  // (Epoch milliseconds written out: the parser itself refuses the instants outside.)
  struct Case {
    const char* now;
    double now_ms;
    bool decided;
  } cases[] = {{"1969-12-31T12:00:00Z", -43200000.0, false},
               {"1969-12-31T23:59:59.999Z", -1.0, false},
               {"1970-01-01T00:00:00Z", 0.0, true},
               {"2199-12-31T23:59:59.999Z", 7258118399999.0, true},
               {"2200-01-01T00:00:00Z", 7258118400000.0, false}};
  for (const Case& c : cases) {
    const std::string json_answer = via_json(c.now, R"({"paid_at":"1970-01-01T00:00:00Z"})");
    EXPECT_EQ(json_answer.rfind("refused", 0) != 0, c.decided) << c.now;
    EXPECT_EQ(via_fast(paid, c.now_ms, 0, 0) != "refused", c.decided) << c.now;
  }
  EXPECT_EQ(via_fast(-1, 0, 0, 0), "refused");          // paid one millisecond before the range
  EXPECT_EQ(via_fast(0, 0, 1e300, 1), "refused");       // an exam far outside it
  EXPECT_EQ(via_fast(0, 0, 1e300, 0), "R--B");          // ignored without a booking
}

// EXO-1: an order whose fields contradict each other is refused by the JSON
// entry (naming the field) and undecided on the fast path, at the same
// instants: paid after now, an exam before the payment, a taken exam after now.
TEST(FastPath, EXO_1_contradictions_refused_by_both_at_the_same_instant) {
  struct Case {
    const char *now, *paid, *exam, *status;
    int status_number;
    const char* json;  // via_json's answer
  } cases[] = {
      {"2026-12-07T10:00:00+08:00", "2026-12-07T10:00:00+08:00", nullptr, nullptr, 0, "R--B"},
      {"2026-12-07T10:00:00+08:00", "2026-12-07T10:00:00.001+08:00", nullptr, nullptr, 0, "refused INCONSISTENT"},
      {"2026-12-07T10:00:00+08:00", "2026-12-01T10:00:00+08:00", "2026-12-01T10:00:00+08:00", "booked", 1, "----"},  // booked, sat at the payment's instant, past
      {"2026-12-07T10:00:00+08:00", "2026-12-01T10:00:00+08:00", "2026-12-01T09:59:59.999+08:00", "booked", 1, "refused INCONSISTENT"},
      {"2026-12-07T10:00:00+08:00", "2026-12-01T10:00:00+08:00", "2026-12-07T10:00:00+08:00", "taken", 3, "----"},
      {"2026-12-07T10:00:00+08:00", "2026-12-01T10:00:00+08:00", "2026-12-07T10:00:00.001+08:00", "taken", 3, "refused INCONSISTENT"},
  };
  for (const Case& c : cases) {
    std::string order = std::string(R"({"paid_at":")") + c.paid + '"';
    if (c.exam) order += std::string(R"(,"booking":{"status":")") + c.status + R"(","exam_at":")" + c.exam + R"("})";
    order += "}";
    EXPECT_EQ(via_json(c.now, order), c.json) << order;
    const std::string fast = via_fast(ms(c.paid), ms(c.now), c.exam ? ms(c.exam) : 0, c.status_number);
    EXPECT_EQ(fast == "refused", std::string(c.json).rfind("refused", 0) == 0) << order << " fast " << fast;
  }
}

// The same composition: certification (CAT-2) and platform faults (EXO-9) included.
TEST(FastPath, CAT_2_and_EXO_9_agree_with_the_json_entry) {
  struct Case {
    const char* now;
    const char* order;
    double paid, exam;
    int status, fault;
    const char* cert;
  } cases[] = {
      {"2025-04-02T10:00:00+08:00", R"({"paid_at":"2024-10-01T10:00:00+08:00","certification":"cloud-operations-professional-v1"})",
       ms("2024-10-01T10:00:00+08:00"), 0, 0, 0, "cloud-operations-professional-v1"},
      {"2024-12-20T10:00:00+08:00", R"({"paid_at":"2024-09-01T10:00:00+08:00","certification":"cloud-operations-engineer","booking":{"status":"booked","exam_at":"2025-01-10T09:00:00+08:00"}})",
       ms("2024-09-01T10:00:00+08:00"), ms("2025-01-10T09:00:00+08:00"), 1, 0, "cloud-operations-engineer"},
      {"2026-03-02T10:00:00+08:00", R"({"paid_at":"2026-03-01T10:00:00+08:00","platform_fault":"exam_time_changed","booking":{"status":"booked","exam_at":"2026-03-20T09:00:00+08:00"}})",
       ms("2026-03-01T10:00:00+08:00"), ms("2026-03-20T09:00:00+08:00"), 1, 1, nullptr},
      {"2026-03-02T10:00:00+08:00", R"({"paid_at":"2026-03-01T10:00:00+08:00","platform_fault":"centre_unavailable","booking":{"status":"booked","exam_at":"2026-03-20T09:00:00+08:00"}})",
       ms("2026-03-01T10:00:00+08:00"), ms("2026-03-20T09:00:00+08:00"), 1, 2, nullptr},
      {"2026-03-02T10:00:00+08:00", R"({"paid_at":"2026-03-01T10:00:00+08:00","platform_fault":"centre_unavailable"})",
       ms("2026-03-01T10:00:00+08:00"), 0, 0, 2, nullptr},
  };
  for (const Case& c : cases) {
    const std::string expected = via_json(c.now, c.order);
    const std::string fast = via_fast(c.paid, ms(c.now), c.exam, c.status, c.fault, c.cert ? catalogue_index(c.cert) : -1);
    EXPECT_EQ(fast, expected.rfind("refused", 0) == 0 ? "refused" : expected) << c.order;
  }
  EXPECT_EQ(via_fast(0, 0, 0, 0, 0, 9999), "refused");  // no such catalogue entry
}

}  // namespace
}  // namespace certpolicy
