// The policy file decoder the CLI and the pages share (policy/policy_file.h):
// UTF-8 JSON only, no key twice, and the line and column of a refusal.
#include <gtest/gtest.h>

#include "policy/policy_file.h"

namespace certpolicy {
namespace {

struct Read {
  bool ok;
  std::string detail, path, syntax;
  SourceSpot spot;
};

Read read(std::string_view text) {
  PolicyFile f;
  Issues issues;
  const bool ok = f.read(text, issues);
  return {ok, ok ? "" : issues.first()->detail, ok ? "" : issues.first()->path, f.syntax(), f.spot()};
}

TEST(PolicyFile, ValidTextGivesWhereEachValueStarts) {
  PolicyFile f;
  Issues issues;
  ASSERT_TRUE(f.read("{\n  \"version\": \"x\",\n  \"exam_order\": {\"refund_window\": {\"hours\": 72}},\n  \"list\": [1, {\"a\": 2}]\n}", issues));
  EXPECT_EQ(f.where("version").line, 2);
  EXPECT_EQ(f.where("version").column, 14);
  EXPECT_EQ(f.where("exam_order.refund_window.hours").line, 3);
  EXPECT_EQ(f.where("exam_order.refund_window.hours").column, 45);
  EXPECT_EQ(f.where("list[1].a").column, 21);
  EXPECT_FALSE(f.where("no.such").known());
  EXPECT_EQ(f.tree()["exam_order"]["refund_window"]["hours"], 72);
}

TEST(PolicyFile, ARepeatedKeyIsRefusedAtItsSecondPlace) {
  // nlohmann (and JSON.parse) would keep the last value in silence.
  Read r = read("{\n  \"exam_order\": {\n    \"refund_window\": {\"hours\": 120},\n    \"refund_window\": {\"hours\": 1}\n  }\n}");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.detail, "DUPLICATE_KEY");
  EXPECT_EQ(r.path, "exam_order.refund_window");
  EXPECT_EQ(r.spot.line, 4);
  EXPECT_EQ(r.spot.column, 22);
  // The same key in two different objects is fine.
  EXPECT_TRUE(read(R"({"a": {"x": 1}, "b": {"x": 1}})").ok);
  // In a list's element too, named with its index.
  Read deep = read(R"({"list": [{"x": 1}, {"x": 1, "y": 2, "x": 3}]})");
  EXPECT_EQ(deep.path, "list[1].x");
  EXPECT_EQ(deep.spot.column, 43);
}

TEST(PolicyFile, ASyntaxErrorHasItsLineAndColumn) {
  Read r = read("{\n  \"version\": \"x\",\n  \"effective_from\": 01/01/2027\n}");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.detail, "MALFORMED_JSON");
  EXPECT_EQ(r.spot.line, 3);
  EXPECT_EQ(r.spot.column, 22);
  EXPECT_NE(r.syntax.find("syntax error"), std::string::npos) << r.syntax;
}

TEST(PolicyFile, ColumnsCountCharactersNotBytes) {
  Read r = read("{\"notice\": \"国务院\", \"x\": }");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.spot.line, 1);
  EXPECT_EQ(r.spot.column, 24);
}

TEST(PolicyFile, ALatin1ByteIsRefusedNotReplaced) {
  // A file saved as Latin-1: the page's TextDecoder would have replaced the
  // byte with U+FFFD and applied the file; both now refuse it, at the byte.
  Read r = read("{\"version\": \"caf\xE9\"}");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.detail, "MALFORMED_JSON");
  EXPECT_EQ(r.spot.column, 17);
}

TEST(PolicyFile, ABomIsSkippedAndAnEmptyTextIsNotJson) {
  EXPECT_TRUE(read("\xEF\xBB\xBF{\"version\": \"x\"}").ok);
  EXPECT_EQ(read("").detail, "MALFORMED_JSON");
  EXPECT_EQ(read("  \n").detail, "MALFORMED_JSON");
}

TEST(PolicyFile, NestingBeyondTheLimitIsTooDeep) {
  EXPECT_EQ(read(std::string(40, '[') + std::string(40, ']')).detail, "TOO_DEEP");
}

}  // namespace
}  // namespace certpolicy
