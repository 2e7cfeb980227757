// Bad input of every kind gives a structured error naming the field, and the
// engine keeps working afterwards.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "engine.h"

namespace certpolicy {
namespace {

using nlohmann::json;

const Engine& engine() {
  static std::unique_ptr<Engine> e = [] {
    std::string error;
    return Engine::create("", error);
  }();
  return *e;
}

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

}  // namespace
}  // namespace certpolicy
