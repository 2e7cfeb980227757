// The flat request document (json_doc.h) and the result tree (fields.h):
// the same answers nlohmann's DOM gave, and the exact text written.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "json/fields.h"
#include "json/json_doc.h"
#include "json/json_in.h"
#include "json/json_tree.h"
#include "policy/policy.h"
#include "json/raw_scan.h"

namespace certpolicy {
namespace {

TEST(JsonDoc, RepeatedKeyAnswersWithTheLastValueAndMembersAreSortedOnce) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"({"b": 1, "a": "x", "b": 2})"));
  EXPECT_EQ(doc.uint_value(doc.find(doc.root(), "b")), 2u);
  auto members = doc.members(doc.root());
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].first, "a");
  EXPECT_EQ(members[1].first, "b");
  EXPECT_EQ(doc.uint_value(members[1].second), 2u);
  EXPECT_EQ(doc.find(doc.root(), "c"), JsonDoc::kNone);
}

TEST(JsonDoc, NumberKindsAreNlohmanns) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"([5, -5, 1.5, 18446744073709551615, -0])"));
  EXPECT_EQ(doc.kind(doc.element(0, 0)), JsonKind::kUint);
  EXPECT_EQ(doc.kind(doc.element(0, 1)), JsonKind::kInt);
  EXPECT_EQ(doc.int_value(doc.element(0, 1)), -5);
  EXPECT_EQ(doc.kind(doc.element(0, 2)), JsonKind::kFloat);
  EXPECT_EQ(doc.uint_value(doc.element(0, 3)), 18446744073709551615u);
  EXPECT_EQ(doc.kind(doc.element(0, 4)), JsonKind::kInt);
  EXPECT_EQ(doc.element(0, 5), JsonDoc::kNone);
}

TEST(JsonDoc, RefusesWhatJsonRefuses) {
  JsonDoc doc;
  for (const char* bad : {"", "[1,]", "{\"a\":1", "NaN", "[Infinity]", "[1e999]", "\"\\ud800\"", "\"\xC3\x28\"",
                          "01", "[1] x", "{'a':1}"}) {
    EXPECT_FALSE(doc.parse(bad)) << bad;
    EXPECT_EQ(doc.root(), JsonDoc::kNone) << bad;
  }
  ASSERT_TRUE(doc.parse(R"("\ud83d\ude00 \u4e2d")"));
  EXPECT_EQ(doc.string(doc.root()), "\xF0\x9F\x98\x80 \xE4\xB8\xAD");
}

TEST(JsonDoc, NestedArraysKeepTheirOwnElements) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"([[1, 2], {"k": [3, [4, 5]]}, 6])"));
  JsonDoc::Ref root = doc.root();
  ASSERT_EQ(doc.size(root), 3u);
  EXPECT_EQ(doc.uint_value(doc.element(doc.element(root, 0), 1)), 2u);
  JsonDoc::Ref k = doc.find(doc.element(root, 1), "k");
  EXPECT_EQ(doc.uint_value(doc.element(doc.element(k, 1), 0)), 4u);
  EXPECT_EQ(doc.uint_value(doc.element(root, 2)), 6u);
}

TEST(JsonDoc, DepthLimitStopsTheParse) {
  JsonDoc doc;
  EXPECT_TRUE(doc.parse("[[[1]]]", 3));
  EXPECT_FALSE(doc.parse("[[[[1]]]]", 3));
  EXPECT_TRUE(doc.parse(R"({"a":{"b":[1]}})", 3));
}

TEST(JsonDoc, TrimmedDocumentStillParses) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"({"a": 1})"));
  std::string big = "[";
  for (int k = 0; k < 100000; ++k) big += k == 0 ? "\"v\"" : ",\"v\"";
  big += "]";
  ASSERT_TRUE(doc.parse(big));
  EXPECT_EQ(doc.size(doc.root()), 100000u);
  doc.trim();
  ASSERT_TRUE(doc.parse(R"({"a": [true, null]})"));
  EXPECT_TRUE(doc.boolean(doc.element(doc.find(doc.root(), "a"), 0)));
  EXPECT_EQ(doc.kind(doc.element(doc.find(doc.root(), "a"), 1)), JsonKind::kNull);
}

// The same values of the same kinds (== and dump() take an unsigned 5 and an integer 5 for one).
void expect_same_tree(const nlohmann::json& a, const nlohmann::json& b, const std::string& where) {
  ASSERT_EQ(a.type(), b.type()) << where;
  if (a.is_object()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    for (const auto& [k, v] : a.items()) {
      ASSERT_TRUE(b.contains(k)) << where << "." << k;
      expect_same_tree(v, b[k], where + "." + k);
    }
  } else if (a.is_array()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    for (size_t k = 0; k < a.size(); ++k) expect_same_tree(a[k], b[k], where + "[" + std::to_string(k) + "]");
  } else {
    EXPECT_EQ(a.dump(), b.dump()) << where;
  }
}

// The policy readers' tree is built from the flat document (json_tree.h):
// for every text, the tree nlohmann's own DOM parser makes of it.
TEST(JsonTree, IsTheTreeNlohmannsParserMakes) {
  const std::string texts[] = {
      R"({"a": [1, -2, 2.5, "x", true, null, {}], "b": {"c": []}, "a": null})",
      R"([18446744073709551615, -9223372036854775808, 1e300, -0.0, 0.1, "\u00e9\ud83d\ude00"])",
      R"("only a string")",
      R"(7)",
      R"({"deep": [[[[{"k": [{"z": 1, "y": 2, "z": 3}]}]]]]})",
      R"({"kinds": [0, 5, -5, 5.0, 1e2, 9223372036854775808, -9223372036854775809, "", [], {}]})",
      std::string(32, '[') + "1" + std::string(32, ']'),  // PolicyFile's depth limit
      default_policy_text(),
  };
  for (const std::string& text : texts) {
    JsonDoc doc;
    ASSERT_TRUE(doc.parse(text)) << text;
    const nlohmann::json tree = to_tree(doc, doc.root());
    const nlohmann::json expected = nlohmann::json::parse(text);
    EXPECT_EQ(tree, expected) << text;
    expect_same_tree(tree, expected, text.substr(0, 40));
  }
}

TEST(JsonTree, CopyingCountsNoMemberAsRead) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"({"known": 1, "typo": 2})"));
  (void)doc.find(doc.root(), "known");
  (void)to_tree(doc, doc.root());
  auto unread = doc.first_unread(doc.root());
  ASSERT_TRUE(unread.has_value());
  EXPECT_EQ(unread->path, "typo");
}

TEST(Fields, WritesKeysSortedWhateverTheOrderPut) {
  Fields f;
  Fields::Object root = f.root();
  root.put("b", 1).put("a", true).put("c", nullptr);
  root.object("d").put("z", "x").put("y", -2);
  TextOut text;
  f.write(root.ref(), text);
  std::string out(text.view());
  EXPECT_EQ(out, R"({"a":true,"b":1,"c":null,"d":{"y":-2,"z":"x"}})");
}

TEST(Fields, KeysAndTextFromOutsideTheCodeAreEscaped) {
  // A key or a string that comes from elsewhere (a request, the policy) is
  // escaped, even when it looks like an instant.
  const std::string outside_key = "x\"y";
  const std::string instant_like = "2026-11-30T10:00:00+08:00\"}";
  Fields f;
  f.root().put(outside_key, instant_like).put("d", CivilDate::from_ymd(2026, 2, 28));
  f.root().put(std::string_view("tab\t"), 1);
  TextOut text;
  f.write(0, text);
  EXPECT_EQ(text.view(), R"({"d":"2026-02-28","tab\t":1,"x\"y":"2026-11-30T10:00:00+08:00\"}"})");
}

TEST(Fields, PuttingAKeyAgainReplacesItsValue) {
  Fields f;
  f.root().put("certification", nullptr);
  f.root().object("certification").put("id", "tcp");
  f.root().put("n", 1).put("n", 2);
  TextOut text;
  f.write(0, text);
  std::string out(text.view());
  EXPECT_EQ(out, R"({"certification":{"id":"tcp"},"n":2})");
}

TEST(Fields, DatesInstantsTextAndNumbers) {
  const FixedZone china(480);
  Fields f;
  Fields::Object root = f.root();
  Instant at = china.at(CivilDate::from_ymd(2024, 2, 29), 23, 59, 59);
  root.put("date", CivilDate::from_ymd(2024, 2, 29))
      .put("none", std::optional<CivilDate>())
      .put("at", Value(at, china))
      .put("never", Value(std::optional<Instant>(), china))
      .put("text", "quote \" and \\ and \n and \x01")
      .put("rate", 0.5)
      .put("empty", Value::or_null(""));
  root.array("list").push(1).push("two").object().put("k", false);
  TextOut text;
  f.write(0, text);
  std::string out(text.view());
  EXPECT_EQ(out,
            R"({"at":"2024-02-29T23:59:59+08:00","date":"2024-02-29","empty":null,"list":[1,"two",{"k":false}],)"
            R"("never":null,"none":null,"rate":0.5,"text":"quote \" and \\ and \n and \u0001"})");
}

TEST(Fields, FindsByDottedPath) {
  Fields f;
  f.root().object("refund").put("deadline", "2026-11-26T10:00:00+08:00").put("amount_fen", 12800);
  Fields::Ref r = f.find("refund.amount_fen");
  ASSERT_NE(r, Fields::kNone);
  EXPECT_EQ(f.kind(r), Fields::Kind::kInt);
  EXPECT_EQ(f.int_value(r), 12800);
  EXPECT_EQ(f.string(f.find("refund.deadline")), "2026-11-26T10:00:00+08:00");
  EXPECT_EQ(f.find("refund.missing"), Fields::kNone);
  EXPECT_EQ(f.find("refund.deadline.deeper"), Fields::kNone);
}

TEST(Fields, ManyKeysStillSorted) {
  Fields f;
  for (int k = 99; k >= 0; --k) f.root().put("k" + std::to_string(1000 + k), k);
  TextOut text;
  f.write(0, text);
  std::string out(text.view());
  EXPECT_EQ(out.substr(0, 21), R"({"k1000":0,"k1001":1,)");
  EXPECT_EQ(out.substr(out.size() - 11), R"("k1099":99})");
}

TEST(TextOut, GrowsKeepsBytesAndGivesMemoryBack) {
  TextOut out;
  EXPECT_EQ(out.size(), 0u);
  std::string expected;
  for (int k = 0; k < 5000; ++k) {  // many growths from empty
    out += "ab";
    out.push_back(static_cast<char>('0' + k % 10));
    expected += "ab";
    expected.push_back(static_cast<char>('0' + k % 10));
  }
  EXPECT_EQ(out.view(), expected);
  EXPECT_GE(out.capacity(), expected.size());
  out.release_above(256);  // a large answer is done: back to 256 bytes, empty
  EXPECT_EQ(out.size(), 0u);
  EXPECT_EQ(out.capacity(), 256u);
  out.append("x", 1);
  out.release_above(4096);  // already small: kept, emptied
  EXPECT_EQ(out.capacity(), 256u);
  EXPECT_EQ(out.view(), "");
  out += "kept";
  out.reserve(10000);  // room only: nothing written, nothing lost
  EXPECT_GE(out.capacity(), 10000u);
  EXPECT_EQ(out.view(), "kept");
  const size_t capacity = out.capacity();
  out.reserve(100);  // never shrinks
  EXPECT_EQ(out.capacity(), capacity);
}

TEST(TextOut, JsonStringsAndKeys) {
  TextOut out;
  write_json_key("k", out);
  write_json_string("a\"b\\c\n\x01 考试", out);
  EXPECT_EQ(out.view(), "\"k\":\"a\\\"b\\\\c\\n\\u0001 考试\"");
}

// JSON's escapes, written out: the short ones, else \u00XX below 0x20.
std::string escaped_byte(unsigned b) {
  const std::map<unsigned, std::string> short_forms = {
      {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}, {'\b', "\\b"}, {'\f', "\\f"}};
  if (auto it = short_forms.find(b); it != short_forms.end()) return it->second;
  if (b >= 0x20) return std::string(1, static_cast<char>(b));
  char u[7];
  std::snprintf(u, sizeof u, "\\u%04x", b);
  return u;
}

TEST(JsonOut, EveryByteValueIsEscapedOnlyWhereJsonSaysSo) {
  for (unsigned b = 0; b < 256; ++b) {
    TextOut out;
    write_json_chars(std::string("ab") + static_cast<char>(b) + "cd", out);
    EXPECT_EQ(out.view(), "ab" + escaped_byte(b) + "cd") << "byte " << b;
  }
  EXPECT_EQ(escaped_byte(0x1f), "\\u001f");
}

}  // namespace
}  // namespace certpolicy

namespace certpolicy {
namespace {

// A field's path is kept in 120 bytes: a longer one ends in "…" after the
// bytes that fit, cut at a whole character, whatever the pieces' lengths.
TEST(JsonIn, ALongPathKeepsItsFirstBytesAndEndsInAnEllipsis) {
  const std::string ellipsis = "\xE2\x80\xA6";
  for (size_t first : {0u, 1u, 50u, 100u, 116u, 117u, 118u, 119u, 120u, 150u}) {
    for (size_t second : {1u, 2u, 3u, 19u, 20u, 30u, 200u}) {
      for (const std::string unit : {"a", "\xE8\xA8\x82"}) {  // ASCII, a 3-byte character
        std::string a, b;
        while (a.size() < first) a += unit;
        while (b.size() < second) b += unit;
        JsonDoc doc;
        ASSERT_TRUE(doc.parse("{}"));
        const JsonIn in = JsonIn(&doc, doc.root(), "")[a][b];
        const std::string full = a.empty() ? b : a + "." + b;
        if (full.size() <= 120) {
          EXPECT_EQ(in.path(), full) << first << " " << second;
          continue;
        }
        size_t keep = 117;
        while (keep > 0 && (static_cast<unsigned char>(full[keep]) & 0xC0) == 0x80) --keep;
        EXPECT_EQ(in.path(), full.substr(0, keep) + ellipsis) << first << " " << second << " " << unit.size();
        EXPECT_EQ(in["more"][size_t{3}].path(), in.path());  // below a cut path: the same path
      }
    }
  }
}

// API-1: the first member no reader asked for, with its path and the closest
// key asked for on the same object.
TEST(JsonDocStrict, FirstUnreadNamesThePathAndTheClosestKey) {
  struct {
    const char* text;
    std::vector<const char*> asked;  // looked up on the root object
    const char* path;
    const char* closest;
  } cases[] = {
      {R"({"platformFault":true})", {"platform_fault"}, "platformFault", "platform_fault"},   // folded
      {R"({"refund_windw":1})", {"refund_window"}, "refund_windw", "refund_window"},          // one edit
      {R"({"locle":1})", {"locale", "type"}, "locle", "locale"},                              // transposition
      {R"({"amount":1})", {"amount_fen"}, "amount", "amount_fen"},                            // words added
      {R"({"fault":1})", {"platform_fault"}, "fault", "platform_fault"},                      // words dropped
      {R"({"coupon":1})", {"platform_fault", "paid_at"}, "coupon", ""},                       // nothing near
      {R"({"ab":1})", {"ba", "xy"}, "ab", ""},                                                // 2 letters: 1 edit is half
      {R"({"a":1,"b":{"c":[{"d":1,"e":2}]}})", {"a", "b"}, "b", ""},  // b asked, its insides not: b.c is unread
  };
  for (const auto& c : cases) {
    JsonDoc doc;
    ASSERT_TRUE(doc.parse(c.text));
    for (const char* k : c.asked) doc.find(doc.root(), k);
    auto u = doc.first_unread(doc.root());
    ASSERT_TRUE(u.has_value()) << c.text;
    EXPECT_EQ(u->path, std::string(c.path) == "b" ? "b.c" : c.path) << c.text;
    EXPECT_EQ(u->closest, c.closest) << c.text;
  }
}

TEST(JsonDocStrict, ArraysListsAndRepeatedKeys) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"({"list":[{"x":1},{"x":2,"y":3}],"map":{"k1":1,"k2":2},"r":1,"r":2})"));
  const auto list = doc.find(doc.root(), "list");
  for (size_t k = 0; k < 2; ++k) doc.find(doc.element(list, k), "x");
  doc.members(doc.find(doc.root(), "map"));  // listing members reads them all
  doc.find(doc.root(), "r");                 // a repeated key: every copy read
  auto u = doc.first_unread(doc.root());
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->path, "list[1].y");
  EXPECT_EQ(u->closest, "") << "one edit from x, but a one-letter key is too short for a hint";
  doc.find(doc.element(list, 1), "y");
  EXPECT_FALSE(doc.first_unread(doc.root()).has_value());
  // Misses forgotten: the hint has nothing to offer, the member is still unread.
  JsonDoc again;
  ASSERT_TRUE(again.parse(R"({"platformFault":1})"));
  again.find(again.root(), "platform_fault");
  again.forget_misses();
  EXPECT_EQ(again.first_unread(again.root())->closest, "");
}

// The scans of a text that is not parsed (json/raw_scan.h): depth, the
// elements of a batch, a member's string.
TEST(RawScan, DepthElementsAndMemberStrings) {
  EXPECT_EQ(max_depth(R"({"a": [1, {"b": "[[\"{"}]})"), 3);
  EXPECT_EQ(max_depth("[]"), 1);
  EXPECT_EQ(max_depth("\"[[\""), 0);

  ArrayElements e(" [ {\"a\": [1, \"],\"]} ,\n 2,\"x\\\"y\" ,[[]], null ] ");
  EXPECT_EQ(e.next(), R"({"a": [1, "],"]})");
  EXPECT_EQ(e.next(), "2");
  EXPECT_EQ(e.next(), R"("x\"y")");
  EXPECT_EQ(e.next(), "[[]]");
  EXPECT_EQ(e.next(), "null");
  EXPECT_EQ(e.next(), "");
  EXPECT_EQ(e.next(), "");
  EXPECT_EQ(ArrayElements("[]").next(), "");
  EXPECT_EQ(ArrayElements("{}").next(), "");
  EXPECT_EQ(ArrayElements("[{\"a\": \"cut he").next(), "{\"a\": \"cut he");  // a cut text: what there is

  EXPECT_EQ(member_string(R"({"x": [1, {"locale": "fr"}], "locale": "en"})", "locale"), "en");
  EXPECT_EQ(member_string(R"( { "locale" : "zh-Hant" , "x": 1 })", "locale"), "zh-Hant");
  EXPECT_EQ(member_string(R"({"locale": "en", "locale": "zh-CN"})", "locale"), "zh-CN");  // the last, as parsed
  EXPECT_EQ(member_string(R"({"locale": "en", "locale": 5})", "locale"), std::nullopt);
  EXPECT_EQ(member_string(R"({"locale": "e\u006e"})", "locale"), std::nullopt);  // escapes: not read
  EXPECT_EQ(member_string(R"({"a": {"locale": "en"}})", "locale"), std::nullopt);  // not at the top
  EXPECT_EQ(member_string(R"(["locale", "en"])", "locale"), std::nullopt);
  EXPECT_EQ(member_string(R"({"a": "x", "locale": "en)", "locale"), std::nullopt);  // cut inside it
  EXPECT_EQ(member_string(R"({"locale": "en", "a": "cut)", "locale"), "en");
}

}  // namespace
}  // namespace certpolicy
