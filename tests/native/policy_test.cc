// The policy document: defaults, run-time patches, validation with paths.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "messages.h"

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
      R"({"calendar":{"years":{"2027":{"holidays":["2027-01-01"],"makeup_workdays":[]}}}})", error);
  ASSERT_TRUE(engine) << error;
  EXPECT_TRUE(engine->policy().calendar.verified(2027));
  EXPECT_TRUE(engine->policy().calendar.verified(2026));
  EXPECT_EQ(engine->policy().calendar.kind(CivilDate::from_ymd(2027, 1, 1)), DayKind::kHoliday);
}

TEST(Policy, PatchChangesANumber) {
  std::string error;
  auto engine = Engine::create(R"({"version":"test","exam_order":{"refund_window":{"hours":48}}})", error);
  ASSERT_TRUE(engine) << error;
  EXPECT_EQ(engine->policy().exam_order.refund_window, std::chrono::hours(48));
  EXPECT_EQ(engine->policy_version(), "test");
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
      {R"({"calendar":{"years":{"2027":{"holidays":["2028-01-01"],"makeup_workdays":[]}}}})",
       "calendar.years.2027.holidays[0]", "INCONSISTENT"},
      {R"({"calendar":{"years":{"27":{"holidays":[],"makeup_workdays":[]}}}})", "calendar.years.27", "BAD_FORMAT"},
      {R"({"calendar":{"years":{"2027":{"holidays":[]}}}})", "calendar.years.2027.makeup_workdays", "MISSING"},
      {R"({"zone":{"utc_offset_minutes":"480"}})", "zone.utc_offset_minutes", "WRONG_TYPE"},
      {R"({"exam_order":{"refund_windw":{"hours":1}}})", "exam_order.refund_windw", "UNKNOWN_FIELD"},
      {R"({"exam_order":{"refund_window":{"hours":1,"hour":2}}})", "exam_order.refund_window.hour", "UNKNOWN_FIELD"},
      {R"({"catalogue":{"prometric_fromm":"2025-01-01"}})", "catalogue.prometric_fromm", "UNKNOWN_FIELD"},
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

TEST(Messages, EveryReasonHasBothLocales) {
  const json doc = json::parse(messages_text());
  for (const char* section : {"reasons", "errors", "words"}) {
    ASSERT_TRUE(doc.contains(section)) << section;
    for (const auto& [code, entry] : doc[section].items()) {
      EXPECT_TRUE(entry.contains("zh-CN") && entry["zh-CN"].is_string()) << code;
      EXPECT_TRUE(entry.contains("en") && entry["en"].is_string()) << code;
    }
  }
}

}  // namespace
}  // namespace certpolicy
