// Bad input of every kind gives a structured error naming the field, and the
// engine keeps working afterwards.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "default_engine.h"
#include "engine.h"

namespace certpolicy {
namespace {

using nlohmann::json;

const Engine& engine() { return default_engine(); }

const char* kValid =
    R"({"type":"exam_order","now":"2026-11-26T10:00:00+08:00","order":{"paid_at":"2026-11-25T10:00:00+08:00"}})";

TEST(EngineErrors, HostileTextsNeverAbortAndTheNextRequestWorks) {
  std::string deep(100000, '[');
  std::string huge_string = "{\"type\":\"" + std::string(2 << 20, 'a') + "\"}";
  const std::string inputs[] = {
      "", "   ", "{", "}", "[", "null", "true", "42", "\"x\"", "[]", "{}", deep,
      std::string("{\"type\":\"exam_order\"\0}", 22), "{\"type\":\"\xff\xfe\"}",
      "{\"type\":\"exam_order\",\"now\":NaN}", "{\"type\":\"exam_order\",\"now\":Infinity}",
      "{\"type\":1e999}", huge_string, "{\"a\":" + std::string(40, '{') + std::string(40, '}') + "}",
      "{\"type\":\"exam_order\",\"now\":\"2026-11-26T10:00:00+08:00\",\"order\":{\"paid_at\":\"2026-11-25T10:00:00+08:00\",\"payments\":[" +
          std::string(1000, '1').insert(0, "") + "]}}",
  };
  for (const auto& in : inputs) {
    json out = json::parse(engine().evaluate(in), nullptr, false);
    ASSERT_FALSE(out.is_discarded()) << in.substr(0, 80);
    EXPECT_EQ(out["ok"], false) << in.substr(0, 80);
    EXPECT_TRUE(out["error"]["code"].is_string());
    EXPECT_TRUE(out["error"]["path"].is_string());
    EXPECT_TRUE(out["error"]["message"].is_string());
    json ok = json::parse(engine().evaluate(kValid));
    EXPECT_EQ(ok["ok"], true);
  }
}

// An unknown key is named by a path cut like every field's: 117 bytes and
// "…", however long the key (here 900 000 bytes).
TEST(EngineErrors, AnUnknownKeyAsLongAsTheRequestIsNamedByACutPath) {
  const std::string key(900000, 'k');
  json out = json::parse(engine().evaluate(R"({"type":"working_day","date":"2026-10-10",")" + key + R"(":1})"));
  EXPECT_EQ(out["error"]["detail"], "UNKNOWN_FIELD");
  const std::string path = out["error"]["path"];
  EXPECT_EQ(path, key.substr(0, 117) + "\xE2\x80\xA6");
  EXPECT_LT(out["error"]["message"].get<std::string>().size(), 300u);
}

TEST(EngineErrors, BatchKeepsOrderAndIsolatesFailures) {
  std::string batch = std::string("[") + kValid + ",{\"type\":\"nope\"},42," + kValid + "]";
  json out = json::parse(engine().evaluate_many(batch));
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0]["ok"], true);
  EXPECT_EQ(out[1]["error"]["code"], "UNKNOWN_TYPE");
  EXPECT_EQ(out[2]["error"]["code"], "INVALID_REQUEST");
  EXPECT_EQ(out[3], out[0]);
  EXPECT_EQ(json::parse(engine().evaluate_many("{}"))["error"]["detail"], "WRONG_TYPE");
  EXPECT_EQ(engine().evaluate_many("[]"), "[]");
}

TEST(EngineErrors, EvaluateManyIsEvaluateElementwise) {
  std::string one = engine().evaluate(kValid);
  EXPECT_EQ(engine().evaluate_many(std::string("[") + kValid + "]"), "[" + one + "]");
}

// A batch is bounded in memory (its parsed values, its answers): past either
// it is refused as a whole with TOO_LARGE naming the limit, never aborted,
// and the engine keeps working.
TEST(EngineErrors, BatchOverItsMemoryLimitsIsRefusedNotAborted) {
  // Each element an array of 5 998 ones (5 999 values): 1 001 of them go over
  // the budget, 1 000 and one of 999 values fill it exactly (with the root).
  auto element = [](size_t values) {
    std::string e = "[1";
    for (size_t k = 2; k < values; ++k) e += ",1";
    return e + "]";
  };
  const std::string big = element(5999);
  auto batch_of = [&](size_t n, const std::string& last) {
    std::string text = "[";
    for (size_t k = 0; k < n; ++k) text += (k == 0 ? "" : ",") + big;
    return text + (last.empty() ? "" : "," + last) + "]";
  };
  json out = json::parse(engine().evaluate_many(batch_of(1001, "")));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["error"]["detail"], "TOO_LARGE");
  EXPECT_EQ(out["error"]["path"], "");
  EXPECT_EQ(out["error"]["expected"], "at most 6000000 values (split the batch)");
  static_assert(kMaxBatchValues == 1 + 1000 * 5999 + 999);
  json fits = json::parse(engine().evaluate_many(batch_of(1000, element(999))));
  ASSERT_TRUE(fits.is_array());  // decided: each element refused on its own
  EXPECT_EQ(fits.size(), 1001u);
  EXPECT_EQ(fits[1000]["error"]["detail"], "WRONG_TYPE");

  // Answers over their budget (here 10 KiB): the whole batch is refused.
  std::string batch = "[";
  for (int k = 0; k < 20; ++k) batch += std::string(k == 0 ? "" : ",") + kValid;
  batch += "]";
  TextOut text;
  engine().evaluate_many_into(batch, text, 10 * 1024);
  json refused = json::parse(text.view());
  EXPECT_EQ(refused["error"]["detail"], "TOO_LARGE");
  EXPECT_EQ(refused["error"]["expected"], "answers of at most 10240 bytes (split the batch)");
  engine().evaluate_many_into(batch, text, 1 << 20);  // within the budget: all 20 answered
  EXPECT_EQ(json::parse(text.view()).size(), 20u);
  EXPECT_EQ(json::parse(engine().evaluate(kValid))["ok"], true);
}

}  // namespace
}  // namespace certpolicy
