// The policy document: defaults, run-time patches, validation with paths.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "policy/messages.h"

namespace certpolicy {
namespace {

using nlohmann::json;

std::string create_error(const std::string& patch) {
  std::string error;
  auto engine = Engine::create(patch, error);
  return engine ? "" : error;
}

TEST(Policy, DefaultLoadsWithEveryNumber) {
  std::string error;
  auto engine = Engine::create("", error);
  ASSERT_TRUE(engine) << error;
  const Policy& p = engine->policy();
  EXPECT_EQ(p.version, "2025-04-08");
  EXPECT_EQ(p.zone.offset_minutes(), 480);
  EXPECT_EQ(p.exam_order.refund_window, std::chrono::hours(120));
  EXPECT_EQ(p.exam_order.flow(Flow::kPurchaseThenBook).change_window, std::chrono::hours(72));
  EXPECT_EQ(p.exam_order.flow(Flow::kBookThenPurchase).change_window, std::chrono::hours(240));
  EXPECT_EQ(p.exam_order.flow(Flow::kPurchaseThenBook).validity.months, 12);
  EXPECT_EQ(p.exam_order.flow(Flow::kBookThenPurchase).validity.months, 6);
  EXPECT_EQ(p.exam_order.reminder_days, (std::vector<int>{90, 60, 30, 15}));
  EXPECT_EQ(p.exam_order.check_in_before, std::chrono::minutes(30));
  EXPECT_EQ(p.exam_order.duration, std::chrono::minutes(90));
  EXPECT_FALSE(p.exam_order.method("voucher")->refundable);
  EXPECT_TRUE(p.calendar.verified(2024));
  EXPECT_TRUE(p.calendar.verified(2026));
}

TEST(Policy, PatchExtendsTheCalendarWithoutLosingYears) {
  std::string error;
  auto engine = Engine::create(
      R"({"calendar":{"years":{"2027":{"notice":"TEST ONLY 2027","holidays":["2027-01-01"],"makeup_workdays":[]}}}})", error);
  ASSERT_TRUE(engine) << error;
  EXPECT_TRUE(engine->policy().calendar.verified(2027));
  EXPECT_TRUE(engine->policy().calendar.verified(2026));
  EXPECT_EQ(engine->policy().calendar.kind(CivilDate::from_ymd(2027, 1, 1)), DayKind::kHoliday);
}

// CAL-2: a year is verified only with its official notice cited; without
// one its dates are used and the year reported unverified, as data that
// cites no notice (not as a year without data, which counts Monday–Friday).
TEST(Policy, YearWithoutNoticeIsUsedButUnverified) {
  std::string error;
  auto engine = Engine::create(R"({"calendar":{"years":{"2027":{"holidays":["2027-01-01"],"makeup_workdays":[]}}}})", error);
  ASSERT_TRUE(engine) << error;
  EXPECT_FALSE(engine->policy().calendar.verified(2027));
  EXPECT_EQ(engine->policy().calendar.kind(CivilDate::from_ymd(2027, 1, 1)), DayKind::kHoliday);
  json r = json::parse(engine->evaluate(R"({"type":"working_day","date":"2027-01-01"})"));
  EXPECT_EQ(r["kind"], "holiday");
  EXPECT_EQ(r["verified"], false);
  EXPECT_EQ(r["reasons"].back()["code"], "CALENDAR_YEAR_UNCITED");
  json no_data = json::parse(engine->evaluate(R"({"type":"working_day","date":"2029-01-02"})"));
  EXPECT_EQ(no_data["verified"], false);
  EXPECT_EQ(no_data["reasons"].back()["code"], "CALENDAR_YEAR_UNVERIFIED");
  // The shipped default cites a notice for every year it holds, and holds no 2027 data: only its estimate (CAL-4).
  auto shipped = Engine::create("", error);
  for (int year : shipped->policy().calendar.years()) EXPECT_TRUE(shipped->policy().calendar.verified(year)) << year;
  EXPECT_FALSE(shipped->policy().calendar.has_data(2027));
  EXPECT_TRUE(shipped->policy().calendar.estimated(2027));
  // The year's own data (cited or not, as above) replaces its estimate: 2027-02-05 is a weekday here.
  EXPECT_EQ(engine->policy().calendar.kind(CivilDate::from_ymd(2027, 2, 5)), DayKind::kWeekday);
}

TEST(Policy, PatchChangesANumber) {
  std::string error;
  auto engine = Engine::create(R"({"version":"test","exam_order":{"refund_window":{"hours":48}}})", error);
  ASSERT_TRUE(engine) << error;
  EXPECT_EQ(engine->policy().exam_order.refund_window, std::chrono::hours(48));
  EXPECT_EQ(engine->policy_version(), "test");
}

// POL-1 … POL-6: well-typed but senseless policies are refused, with the
// path of the field that breaks the relation (docs/RULES.md).
TEST(Policy, SenselessPatchesAreRefused) {
  const std::string cert = R"("name":{"zh":"甲","en":"A"},"track":"cloud","kind":"professional")";
  struct {
    std::string patch;
    const char* path;
    const char* detail;
  } cases[] = {
      // POL-1: durations of at most 100 years.
      {R"({"exam_order":{"flows":{"purchase_then_book":{"validity":{"months":100000}}}}})",
       "exam_order.flows.purchase_then_book.validity.months", "OUT_OF_RANGE"},
      {R"({"exam_order":{"flows":{"purchase_then_book":{"validity":{"months":1201}}}}})",
       "exam_order.flows.purchase_then_book.validity.months", "OUT_OF_RANGE"},
      {R"({"certificate":{"validity":{"years":101}}})", "certificate.validity.years", "OUT_OF_RANGE"},
      {R"({"exam_order":{"refund_window":{"hours":876601}}})", "exam_order.refund_window.hours", "OUT_OF_RANGE"},
      {R"({"exam_order":{"duration":{"hours":null,"minutes":52596001}}})", "exam_order.duration.minutes", "OUT_OF_RANGE"},
      // POL-2: a change window shorter than the validity.
      {R"({"exam_order":{"flows":{"purchase_then_book":{"change_window":{"hours":8760}}}}})",
       "exam_order.flows.purchase_then_book.change_window", "INCONSISTENT"},
      {R"({"exam_order":{"flows":{"book_then_purchase":{"change_window":{"days":181}}}}})",
       "exam_order.flows.book_then_purchase.change_window", "INCONSISTENT"},
      // POL-3: reminders between purchase and expiry (6 months span 181 days at the shortest).
      {R"({"exam_order":{"reminders_before_expiry":[{"days":181}]}})", "exam_order.reminders_before_expiry[0].days", "INCONSISTENT"},
      {R"({"exam_codes":{"validity":{"years":null,"days":10},"reminders_before_expiry":[{"days":5},{"days":10}]}})",
       "exam_codes.reminders_before_expiry[1].days", "INCONSISTENT"},
      // POL-4: refund tiers never refund more for a later cancellation.
      {R"({"training":{"refund_tiers":[{"more_than_working_days":10,"percent":70},{"more_than_working_days":5,"percent":100}]}})",
       "training.refund_tiers[1].percent", "INCONSISTENT"},
      {R"({"training":{"refund_tiers":[{"more_than_working_days":5,"percent":70},{"more_than_working_days":10,"percent":50}]}})",
       "training.refund_tiers[1]", "INCONSISTENT"},
      {R"({"training":{"otherwise_percent":80}})", "training.otherwise_percent", "OUT_OF_RANGE"},
      // POL-5: lifecycle dates in order.
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"on_sale_from":"2025-02-01","sale_stops_on":"2025-02-01"}]}})",
       "catalogue.certifications[0].sale_stops_on", "INCONSISTENT"},
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"sale_stops_on":"2025-02-01","exams_until":"2025-01-30"}]}})",
       "catalogue.certifications[0].exams_until", "INCONSISTENT"},
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"sale_stops_on":"2025-02-01","exams_until":"2025-03-01","unused_attempt_refund_from":"2025-01-15"}]}})",
       "catalogue.certifications[0].unused_attempt_refund_from", "INCONSISTENT"},
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"sale_stops_on":"2025-02-01","exams_until":"2025-03-01","unused_attempt_refund_from":"2025-03-03"}]}})",
       "catalogue.certifications[0].unused_attempt_refund_from", "INCONSISTENT"},
      // POL-6: no entry succeeds itself, directly or round a cycle.
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"successor":"a"}]}})",
       "catalogue.certifications[0].successor", "INCONSISTENT"},
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"successor":"b"},{"id":"b",)" + cert +
           R"(,"successor":"c"},{"id":"c",)" + cert + R"(,"successor":"a"}]}})",
       "catalogue.certifications[0].successor", "INCONSISTENT"},
      {R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"renamed_from":"b"},{"id":"b",)" + cert +
           R"(,"renamed_from":"a"}]}})",
       "catalogue.certifications[0].renamed_from", "INCONSISTENT"},
  };
  for (const auto& c : cases) {
    std::string error = create_error(c.patch);
    ASSERT_FALSE(error.empty()) << c.patch;
    json e = json::parse(error);
    EXPECT_EQ(e["error"]["code"], "INVALID_POLICY") << c.patch;
    EXPECT_EQ(e["error"]["path"], c.path) << c.patch;
    EXPECT_EQ(e["error"]["detail"], c.detail) << c.patch;
  }
  // Each relation's edge is accepted.
  const std::string edges[] = {
      R"({"exam_order":{"flows":{"purchase_then_book":{"validity":{"months":1200}}}}})",
      R"({"exam_order":{"flows":{"book_then_purchase":{"change_window":{"days":180}}}}})",
      R"({"exam_order":{"reminders_before_expiry":[{"days":180}]}})",
      R"({"training":{"refund_tiers":[{"more_than_working_days":10,"percent":70},{"more_than_working_days":5,"percent":70}],"otherwise_percent":70}})",
      R"({"catalogue":{"certifications":[{"id":"a",)" + cert + R"(,"on_sale_from":"2025-01-31","sale_stops_on":"2025-02-01","exams_until":"2025-01-31","unused_attempt_refund_from":"2025-02-01","successor":"b"},{"id":"b",)" + cert + R"(}]}})",
  };
  for (const auto& patch : edges) EXPECT_EQ(create_error(patch), "") << patch;
}

// POL-1: at the longest durations every printed date keeps four digits.
TEST(Policy, LongestValidityPrintsWithinFourDigitYears) {
  std::string error;
  auto engine = Engine::create(R"({"exam_order":{"flows":{"purchase_then_book":{"validity":{"months":1200}}}}})", error);
  ASSERT_TRUE(engine) << error;
  json r = json::parse(engine->evaluate(
      R"({"type":"exam_order","now":"2199-12-31T00:00:00Z","order":{"paid_at":"2199-12-31T00:00:00Z"}})"));
  EXPECT_EQ(r["order"]["valid_until"], "2299-12-31") << r.dump();
  EXPECT_EQ(r["order"]["expired"], false);
  EXPECT_EQ(r["order"]["reminders"][0], "2299-10-02") << r.dump();
}

TEST(Policy, InvalidPatchesNameTheField) {
  struct {
    const char* patch;
    const char* path;
    const char* detail;
  } cases[] = {
      {"{", "", "MALFORMED_JSON"},
      {"[1]", "", "WRONG_TYPE"},
      {R"({"exam_order":{"refund_window":{"hours":-1}}})", "exam_order.refund_window.hours", "OUT_OF_RANGE"},
      {R"({"exam_order":{"refund_window":{"hours":1.5}}})", "exam_order.refund_window.hours", "WRONG_TYPE"},
      {R"({"exam_order":{"refund_window":{"hours":1,"days":1}}})", "exam_order.refund_window", "INCONSISTENT"},
      {R"({"exam_order":{"refund_window":null}})", "exam_order.refund_window", "MISSING"},
      {R"({"calendar":{"years":{"2027":{"holidays":["2027-02-30"],"makeup_workdays":[]}}}})",
       "calendar.years.2027.holidays[0]", "IMPOSSIBLE_DATE"},
      {R"({"calendar":{"years":{"2027":{"holidays":["2029-01-01"],"makeup_workdays":[]}}}})",
       "calendar.years.2027.holidays[0]", "INCONSISTENT"},
      {R"({"calendar":{"years":{"27":{"holidays":[],"makeup_workdays":[]}}}})", "calendar.years.27", "BAD_FORMAT"},
      {R"({"calendar":{"years":{"2027":{"holidays":[]}}}})", "calendar.years.2027.makeup_workdays", "MISSING"},
      // CAL-4: an estimate names its basis, lists days of its year, and has no other keys (no makeup working days:
      // its may_be_makeup weekends count off).
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":["2027-01-01"]}}}})",
       "calendar.estimates.2029.days_off[0]", "INCONSISTENT"},
      {R"({"calendar":{"estimates":{"2029":{"basis":"","days_off":[]}}}})", "calendar.estimates.2029.basis", "BAD_FORMAT"},
      {R"({"calendar":{"estimates":{"2029":{"days_off":[]}}}})", "calendar.estimates.2029.basis", "MISSING"},
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":[]}}}})", "calendar.estimates.2029.may_be_off", "MISSING"},
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":["2029-01-01"],"may_be_off":["2029-01-01"]}}}})",
       "calendar.estimates.2029.may_be_off", "INCONSISTENT"},
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":[],"may_be_off":[],"may_be_makeup":["2029-01-06","2029-01-08"]}}}})",
       "calendar.estimates.2029.may_be_makeup[1]", "INCONSISTENT"},  // a Monday
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":[],"may_be_off":["2029-01-06"],"may_be_makeup":["2029-01-06"]}}}})",
       "calendar.estimates.2029.may_be_makeup", "INCONSISTENT"},  // counted off already
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":[],"may_be_off":[],"may_be_makeup":["2030-01-05"]}}}})",
       "calendar.estimates.2029.may_be_makeup[0]", "INCONSISTENT"},  // another year
      {R"({"calendar":{"estimates":{"2029":{"basis":"test","days_off":[],"may_be_off":[],"makeup_workdays":[]}}}})",
       "calendar.estimates.2029.makeup_workdays", "UNKNOWN_FIELD"},
      {R"({"calendar":{"estimates":{"28":{"basis":"test","days_off":[]}}}})", "calendar.estimates.28", "BAD_FORMAT"},
      {R"({"zone":{"utc_offset_minutes":"480"}})", "zone.utc_offset_minutes", "WRONG_TYPE"},
      {R"({"exam_order":{"refund_windw":{"hours":1}}})", "exam_order.refund_windw", "UNKNOWN_FIELD"},
      {R"({"exam_order":{"refund_window":{"hours":1,"hour":2}}})", "exam_order.refund_window.hour", "UNKNOWN_FIELD"},
      {R"({"catalogue":{"prometric_fromm":"2025-01-01"}})", "catalogue.prometric_fromm", "UNKNOWN_FIELD"},
      {R"({"catalogue":{"online_kinds":["practioner"]}})", "catalogue.online_kinds[0]", "UNKNOWN_VALUE"},
      {R"({"catalogue":{"online_kinds":"practitioner"}})", "catalogue.online_kinds", "WRONG_TYPE"},
      {R"({"versoin":"x"})", "versoin", "UNKNOWN_FIELD"},
      {R"({"exam_order":{"default_flow":"walk_in"}})", "exam_order.default_flow", "UNKNOWN_VALUE"},
      {R"({"exam_order":{"payment_methods":{"voucher":{"refundable":"no"}}}})",
       "exam_order.payment_methods.voucher.refundable", "WRONG_TYPE"},
  };
  // A patch over 1 MiB is refused before it is read (it would be a tree of
  // half a million values); one just under it is read and checked as usual.
  auto ones = [](size_t n, const char* gap) {
    std::string t = std::string(R"({"x":)") + gap + "[";
    for (size_t k = 0; k < n; ++k) t += "1,";
    return t + "1]}";
  };
  const std::string huge = ones(524284, ""), fits = ones(524283, " ");
  ASSERT_EQ(huge.size(), (1u << 20) + 1);
  ASSERT_EQ(fits.size(), 1u << 20);
  EXPECT_EQ(json::parse(create_error(huge))["error"]["detail"], "TOO_LARGE");
  EXPECT_EQ(json::parse(create_error(fits))["error"]["detail"], "UNKNOWN_FIELD") << "read, then refused for its key";
  for (const auto& c : cases) {
    std::string error = create_error(c.patch);
    ASSERT_FALSE(error.empty()) << c.patch;
    json e = json::parse(error);
    EXPECT_EQ(e["ok"], false);
    EXPECT_EQ(e["error"]["code"], "INVALID_POLICY") << c.patch;
    EXPECT_EQ(e["error"]["path"], c.path) << c.patch;
    EXPECT_EQ(e["error"]["detail"], c.detail) << c.patch;
  }
}

// Every sentence exists in every shipped locale and names the same fields
// (a translation that drops {refund.deadline} would hide the deadline). A
// zh-Hant sentence not written out is derived from the zh-CN one
// (zh_hant_chars), so it has its placeholders by construction.
TEST(Messages, EveryMessageHasEveryLocaleWithTheSamePlaceholders) {
  const json doc = json::parse(messages_text());
  auto placeholders = [](const std::string& s) {
    std::set<std::string> names;
    for (size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
      size_t close = s.find('}', open);
      // "{n|s}" is a language's own grammar (English's plural ending), not a value the others must say.
      if (close != std::string::npos && s.compare(close - 2, 2, "|s") != 0) names.insert(s.substr(open, close - open + 1));
    }
    return names;
  };
  ASSERT_TRUE(doc.contains("zh_hant_chars") && doc["zh_hant_chars"].is_string());
  EXPECT_EQ(doc["zh_hant_chars"].get<std::string>().size() % 6, 0u) << "pairs of 3-byte characters";
  for (const char* section : {"reasons", "errors", "words"}) {
    ASSERT_TRUE(doc.contains(section)) << section;
    for (const auto& [code, entry] : doc[section].items()) {
      for (const char* locale : {"zh-CN", "en"}) {
        ASSERT_TRUE(entry.contains(locale) && entry[locale].is_string()) << code << " " << locale;
        EXPECT_EQ(placeholders(entry[locale].get<std::string>()), placeholders(entry["zh-CN"].get<std::string>()))
            << code << " " << locale;
      }
      if (entry.contains("zh-Hant")) {
        EXPECT_EQ(placeholders(entry["zh-Hant"].get<std::string>()), placeholders(entry["zh-CN"].get<std::string>())) << code;
      }
    }
  }
}

// The derived zh-Hant: every character of the pairs replaced, all else kept.
TEST(Messages, TraditionalReplacesThePairsCharactersOnly) {
  const Messages& m = Messages::get();
  EXPECT_EQ(m.traditional("腾讯云计算工程师认证"), "騰訊雲計算工程師認證");
  EXPECT_EQ(m.traditional("订单 {order.valid_until} ¥1200.00 ABC"), "訂單 {order.valid_until} ¥1200.00 ABC");
  EXPECT_EQ(m.traditional(""), "");
  EXPECT_EQ(m.traditional("\xe8\xae"), "\xe8\xae") << "a cut sequence is kept as it is";
  EXPECT_EQ(m.reason("ONE_ATTEMPT", Locale::kZhHant, Fields()), "每次購買僅含一次考試機會，不含免費重考；再次參加考試需重新購買。");
  EXPECT_NE(m.reason("ONE_ATTEMPT", Locale::kZhHant, Fields()), m.reason("ONE_ATTEMPT", Locale::kZhCN, Fields()));
}

}  // namespace
}  // namespace certpolicy
