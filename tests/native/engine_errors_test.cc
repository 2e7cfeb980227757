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
    json out = json::parse(default_engine().evaluate(in), nullptr, false);
    ASSERT_FALSE(out.is_discarded()) << in.substr(0, 80);
    EXPECT_EQ(out["ok"], false) << in.substr(0, 80);
    EXPECT_TRUE(out["error"]["code"].is_string());
    EXPECT_TRUE(out["error"]["path"].is_string());
    EXPECT_TRUE(out["error"]["message"].is_string());
    json ok = json::parse(default_engine().evaluate(kValid));
    EXPECT_EQ(ok["ok"], true);
  }
}

// An unknown key is named by a path cut like every field's: 117 bytes and
// "…", however long the key (here 900 000 bytes).
TEST(EngineErrors, AnUnknownKeyAsLongAsTheRequestIsNamedByACutPath) {
  const std::string key(900000, 'k');
  json out = json::parse(default_engine().evaluate(R"({"type":"working_day","date":"2026-10-10",")" + key + R"(":1})"));
  EXPECT_EQ(out["error"]["detail"], "UNKNOWN_FIELD");
  const std::string path = out["error"]["path"];
  EXPECT_EQ(path, key.substr(0, 117) + "\xE2\x80\xA6");
  EXPECT_LT(out["error"]["message"].get<std::string>().size(), 300u);
}

TEST(EngineErrors, BatchKeepsOrderAndIsolatesFailures) {
  std::string batch = std::string("[") + kValid + ",{\"type\":\"nope\"},42," + kValid + "]";
  json out = json::parse(default_engine().evaluate_many(batch));
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0]["ok"], true);
  EXPECT_EQ(out[1]["error"]["code"], "UNKNOWN_TYPE");
  EXPECT_EQ(out[2]["error"]["code"], "INVALID_REQUEST");
  EXPECT_EQ(out[3], out[0]);
  EXPECT_EQ(json::parse(default_engine().evaluate_many("{}"))["error"]["detail"], "WRONG_TYPE");
  EXPECT_EQ(default_engine().evaluate_many("[]"), "[]");
}

TEST(EngineErrors, EvaluateManyIsEvaluateElementwise) {
  std::string one = default_engine().evaluate(kValid);
  EXPECT_EQ(default_engine().evaluate_many(std::string("[") + kValid + "]"), "[" + one + "]");
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
  json out = json::parse(default_engine().evaluate_many(batch_of(1001, "")));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["error"]["detail"], "TOO_LARGE");
  EXPECT_EQ(out["error"]["path"], "");
  EXPECT_EQ(out["error"]["expected"], "at most 6000000 values (split the batch)");
  static_assert(kMaxBatchValues == 1 + 1000 * 5999 + 999);
  json fits = json::parse(default_engine().evaluate_many(batch_of(1000, element(999))));
  ASSERT_TRUE(fits.is_array());  // decided: each element refused on its own
  EXPECT_EQ(fits.size(), 1001u);
  EXPECT_EQ(fits[1000]["error"]["detail"], "WRONG_TYPE");

  // Answers over their budget (here 10 KiB): the whole batch is refused.
  std::string batch = "[";
  for (int k = 0; k < 20; ++k) batch += std::string(k == 0 ? "" : ",") + kValid;
  batch += "]";
  TextOut text;
  default_engine().evaluate_many_into(batch, text, 10 * 1024);
  json refused = json::parse(text.view());
  EXPECT_EQ(refused["error"]["detail"], "TOO_LARGE");
  EXPECT_EQ(refused["error"]["expected"], "answers of at most 10240 bytes (split the batch)");
  default_engine().evaluate_many_into(batch, text, 1 << 20);  // within the budget: all 20 answered
  EXPECT_EQ(json::parse(text.view()).size(), 20u);
  EXPECT_EQ(json::parse(default_engine().evaluate(kValid))["ok"], true);
}

// Refusals for a limit (docs/API.md "Limits"): a request over 1 MiB is
// refused inside a batch as it is alone, and every refusal for a limit is
// said in the locale the (first) request names, read from its text.

// A request of `bytes` bytes (a padding member after `head`), e.g. 1 MiB + 1.
std::string request_of(size_t bytes, const std::string& head = R"({"type":"working_day","date":"2026-10-10")") {
  const std::string open = head + R"(,"pad":")", close = "\"}";
  return open + std::string(bytes - open.size() - close.size(), 'x') + close;
}

TEST(EngineErrors, ARequestOverOneMebibyteIsRefusedInsideABatchAsItIsAlone) {
  const std::string at_limit = request_of(kMaxRequestBytes), over = request_of(kMaxRequestBytes + 1);
  ASSERT_EQ(over.size(), kMaxRequestBytes + 1);
  const std::string alone = default_engine().evaluate(over);
  EXPECT_EQ(json::parse(alone)["error"]["detail"], "TOO_LARGE");
  // At the limit the request is read (and refused for its unknown member,
  // not for its size).
  EXPECT_EQ(json::parse(default_engine().evaluate(at_limit))["error"]["detail"], "UNKNOWN_FIELD");
  const std::string batch = std::string("[") + kValid + ",\n  " + over + " ,\t" + at_limit + "," + over + "," + kValid + "]";
  const std::string answers = default_engine().evaluate_many(batch);
  json out = json::parse(answers);
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0]["ok"], true);
  EXPECT_EQ(out[1], json::parse(alone));
  EXPECT_EQ(out[2]["error"]["detail"], "UNKNOWN_FIELD");
  EXPECT_EQ(out[3], json::parse(alone));
  EXPECT_EQ(out[4], out[0]);
  // Byte for byte: the batch's answer is each request's own answer.
  EXPECT_EQ(answers, "[" + default_engine().evaluate(kValid) + "," + alone + "," + default_engine().evaluate(at_limit) + "," +
                         alone + "," + default_engine().evaluate(kValid) + "]");
}

TEST(EngineErrors, ARefusalForALimitIsSaidInTheRequestsLocale) {
  struct {
    const char* locale;  // the member written, "" for none
    const char* says;    // in the message
  } cases[] = {
      {"", "请求过大"},          {R"("locale":"zh-CN",)", "请求过大"}, {R"("locale":"zh-Hant",)", "請求過大"},
      {R"("locale":"zh-TW",)", "請求過大"}, {R"("locale":"en",)", "the request is too large"},
      {R"("locale":"en-GB",)", "the request is too large"},
      {R"("locale":"fr",)", "请求过大"},  // not a locale the engine reads: the default
      {R"("locale":5,)", "请求过大"},
  };
  for (const auto& c : cases) {
    const std::string over = request_of(kMaxRequestBytes + 1, std::string("{") + c.locale + R"("type":"working_day")");
    for (const std::string& answer : {default_engine().evaluate(over), default_engine().evaluate_many("[" + over + "]")}) {
      json out = json::parse(answer);
      if (out.is_array()) out = out[0];
      EXPECT_EQ(out["error"]["detail"], "TOO_LARGE") << c.locale;
      EXPECT_NE(out["error"]["message"].get<std::string>().find(c.says), std::string::npos)
          << c.locale << ": " << out["error"]["message"];
    }
  }
  // The locale member after the padding counts too, within the first 1 MiB + 1 byte read.
  const std::string after = R"({"type":"working_day","pad":")" + std::string(kMaxRequestBytes, 'x') + R"(","locale":"en"})";
  EXPECT_EQ(json::parse(default_engine().evaluate(after))["error"]["message"].get<std::string>().find("too large"), std::string::npos);
  const std::string late = R"({"type":"working_day","pad":")" + std::string(1000, 'x') + R"(","locale":"en","x":")" +
                           std::string(kMaxRequestBytes, 'x') + "\"}";
  EXPECT_NE(json::parse(default_engine().evaluate(late))["error"]["message"].get<std::string>().find("too large"), std::string::npos);
  // Too deep: a limit too.
  const std::string deep = R"({"locale":"en","type":"working_day","x":)" + std::string(40, '[') + std::string(40, ']') + "}";
  json d = json::parse(default_engine().evaluate(deep));
  EXPECT_EQ(d["error"]["detail"], "TOO_DEEP");
  EXPECT_EQ(d["error"]["message"].get<std::string>().rfind("the JSON is nested too deeply", 0), 0u) << d;
  // Not JSON: nothing in it is trusted, the default locale.
  json m = json::parse(default_engine().evaluate(R"({"locale":"en","type":)"));
  EXPECT_EQ(m["error"]["detail"], "MALFORMED_JSON");
  EXPECT_EQ(m["error"]["message"].get<std::string>().rfind("请求不是有效的 JSON", 0), 0u) << m;
}

TEST(EngineErrors, ABatchRefusedAsAWholeIsSaidInItsFirstRequestsLocale) {
  // Answers over their budget (10 KiB here): the first request names en.
  std::string batch = "[";
  for (int k = 0; k < 20; ++k) batch += (k == 0 ? R"({"locale":"en",)" + std::string(kValid).substr(1) : std::string(",") + kValid);
  batch += "]";
  TextOut text;
  default_engine().evaluate_many_into(batch, text, 10 * 1024);
  json refused = json::parse(text.view());
  EXPECT_EQ(refused["error"]["detail"], "TOO_LARGE");
  EXPECT_EQ(refused["error"]["message"].get<std::string>().rfind("the request is too large", 0), 0u) << refused;
  // More requests than a batch takes: TOO_MANY, the same as refuse_count says.
  std::string many = R"([{"locale":"zh-HK"})";
  for (size_t k = 0; k < kMaxBatchItems; ++k) many += ",0";
  many += "]";
  const std::string answer = default_engine().evaluate_many(many);
  json too_many = json::parse(answer);
  EXPECT_EQ(too_many["error"]["detail"], "TOO_MANY");
  EXPECT_EQ(too_many["error"]["expected"], "at most 2000000 requests");
  EXPECT_EQ(too_many["error"]["message"].get<std::string>().rfind("條目過多", 0), 0u) << too_many;
  Engine::refuse_count("zh-HK", text);
  EXPECT_EQ(text.view(), answer);
  Engine::refuse_count("", text);
  EXPECT_EQ(json::parse(text.view())["error"]["message"].get<std::string>().rfind("条目过多", 0), 0u);
  Engine::refuse_count("en", text);
  EXPECT_EQ(json::parse(text.view())["error"]["message"].get<std::string>().rfind("too many items", 0), 0u);
  Engine::refuse_count(std::string(36, 'e'), text);  // longer than any tag read: the default
  EXPECT_EQ(json::parse(text.view())["error"]["message"].get<std::string>().rfind("条目过多", 0), 0u);
}

}  // namespace
}  // namespace certpolicy
