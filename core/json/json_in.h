// Reading JSON input without exceptions, remembering the path of each field.
//
// Every accessor returns std::nullopt and records the first error (path,
// detail code, expected form) instead of throwing: the WebAssembly build has
// no exception support, so a throw would abort the module (docs/DESIGN.md).
//
//   Issues issues;
//   JsonIn req(&doc, doc.root(), "");
//   auto paid = read_instant(req["order"]["paid_at"], issues);  // path "order.paid_at"
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/civil_time.h"
#include "json/json_doc.h"

namespace certpolicy {

// Stable detail codes of a field error (mirrored in wasm/index.d.ts).
namespace detail_code {
inline constexpr const char* kMissing = "MISSING";
inline constexpr const char* kWrongType = "WRONG_TYPE";
inline constexpr const char* kBadFormat = "BAD_FORMAT";
inline constexpr const char* kImpossibleDate = "IMPOSSIBLE_DATE";
inline constexpr const char* kImpossibleTime = "IMPOSSIBLE_TIME";
inline constexpr const char* kMissingOffset = "MISSING_OFFSET";
inline constexpr const char* kBadOffset = "BAD_OFFSET";
inline constexpr const char* kYearOutOfRange = "YEAR_OUT_OF_RANGE";
inline constexpr const char* kOutOfRange = "OUT_OF_RANGE";
inline constexpr const char* kUnknownValue = "UNKNOWN_VALUE";
inline constexpr const char* kTooLong = "TOO_LONG";
inline constexpr const char* kTooMany = "TOO_MANY";
inline constexpr const char* kInconsistent = "INCONSISTENT";
inline constexpr const char* kMalformedJson = "MALFORMED_JSON";
inline constexpr const char* kTooDeep = "TOO_DEEP";
inline constexpr const char* kTooLarge = "TOO_LARGE";
inline constexpr const char* kUnknownField = "UNKNOWN_FIELD";  // expected: the closest known key, or ""
inline constexpr const char* kDuplicateKey = "DUPLICATE_KEY";  // a policy file's key given twice in one object

}  // namespace detail_code

struct FieldIssue {
  std::string path;
  std::string detail;    // one of detail_code
  std::string expected;  // what would have been accepted, e.g. "rfc3339_instant"
  // `expected` is the known name nearest to the one given (ClosestName): the
  // sentence asks "did you mean …?" (UNKNOWN_FIELD, an unknown catalogue id).
  bool suggestion = false;
  // INCONSISTENT only: the relation the field breaks, a stable code a page can
  // word without reading `expected` ("UP_TO_NOW": a payment after now); "" else.
  const char* relation = "";
};

// Keeps the first error only: a decision is refused on the first bad field.
class Issues {
 public:
  void fail(std::string path, const char* detail, std::string expected) {
    if (!first_) first_ = FieldIssue{std::move(path), detail, std::move(expected)};
  }
  // INCONSISTENT, with the relation the field breaks (a code of codes.json "relation").
  void contradict(std::string path, const char* relation, std::string expected) {
    if (!first_) first_ = FieldIssue{std::move(path), detail_code::kInconsistent, std::move(expected), false, relation};
  }
  // The same, `closest` being the nearest known name (or "" when none is near).
  void suggest(std::string path, const char* detail, std::string closest) {
    const bool near = !closest.empty();
    if (!first_) first_ = FieldIssue{std::move(path), detail, std::move(closest), near};
  }
  bool ok() const { return !first_.has_value(); }
  const std::optional<FieldIssue>& first() const { return first_; }

 private:
  std::optional<FieldIssue> first_;
};

// A possibly-missing JSON node and its path. The path lives in a fixed
// buffer (no allocation per field read; schema paths are short, a longer one
// is cut and ends in "…").
class JsonIn {
 public:
  JsonIn(const JsonDoc* doc, JsonDoc::Ref ref, std::string_view path) : doc_(doc), ref_(ref) { append(path); }

  JsonIn operator[](std::string_view key) const;
  JsonIn operator[](size_t index) const;

  std::string path() const { return std::string(path_.data(), len_); }
  // Present and not null.
  bool present() const { return ref_ != JsonDoc::kNone && doc_->kind(ref_) != JsonKind::kNull; }
  // Present and of this kind (kInt also matches kUint: both are integers).
  bool is(JsonKind k) const;
  // Only when is(kString) / is(kBool) / is(kArray) or is(kObject).
  std::string_view string() const { return doc_->string(ref_); }
  bool boolean() const { return doc_->boolean(ref_); }
  size_t size() const { return doc_->size(ref_); }
  // An object's members, sorted by key, a repeated key once.
  std::vector<std::pair<std::string_view, JsonIn>> members() const;

  const JsonDoc* doc() const { return doc_; }
  JsonDoc::Ref ref() const { return ref_; }

 private:
  static constexpr size_t kCapacity = 120;
  // A node below `parent`, its path the parent's so far (a cut one stays cut).
  JsonIn(const JsonIn& parent, JsonDoc::Ref ref) : JsonIn(parent) { ref_ = ref; }
  // The member `key` found at `ref`, its path this one's + "." + key.
  JsonIn member(JsonDoc::Ref ref, std::string_view key) const;
  void append(std::string_view s);
  const JsonDoc* doc_;
  JsonDoc::Ref ref_;
  // Only the first len_ bytes are ever read: not zero-filled, since a JsonIn
  // is made for every field read.
  std::array<char, kCapacity> path_;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  size_t len_ = 0;
  bool cut_ = false;  // the path ends in "…": nothing more is added
};

// Limits on strings and lists in input.
inline constexpr size_t kMaxStringBytes = 256;
inline constexpr size_t kMaxListItems = 64;

std::optional<Instant> read_instant(const JsonIn& in, Issues& issues);
std::optional<CivilDate> read_date(const JsonIn& in, Issues& issues);
std::optional<bool> read_bool(const JsonIn& in, Issues& issues, std::optional<bool> fallback = {});
std::optional<std::int64_t> read_int(const JsonIn& in, Issues& issues, std::int64_t min,
                                     std::int64_t max, std::optional<std::int64_t> fallback = {});
std::optional<std::string> read_string(const JsonIn& in, Issues& issues,
                                       size_t max_bytes = kMaxStringBytes,
                                       std::optional<std::string> fallback = {});
// One of `choices`; returns its index (an enum's names: read_enum<E>, json/enum_in.h).
std::optional<size_t> read_choice(const JsonIn& in, Issues& issues, std::span<const std::string_view> choices,
                                  std::optional<size_t> fallback = {});
inline std::optional<size_t> read_choice(const JsonIn& in, Issues& issues,
                                         std::initializer_list<std::string_view> choices,
                                         std::optional<size_t> fallback = {}) {
  return read_choice(in, issues, std::span<const std::string_view>(choices.begin(), choices.size()), fallback);
}
// An array (or, when optional and absent, an empty one). Returns its size.
std::optional<size_t> read_array(const JsonIn& in, Issues& issues, size_t max_items,
                                 bool optional);
// Present and an object.
bool read_object(const JsonIn& in, Issues& issues);
// Strict input: a member under `in` that no reader asked for is an error
// naming it (and the closest known key), never dropped in silence.
bool all_fields_known(const JsonIn& in, Issues& issues);

}  // namespace certpolicy
