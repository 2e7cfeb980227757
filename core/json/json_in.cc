// The field reader: typed, bounded reads that record the first bad field
// (path, detail, expected form).
#include "json/json_in.h"

#include <algorithm>
#include <charconv>
#include <iterator>

namespace certpolicy {

void JsonIn::append(std::string_view s) {
  if (cut_) return;
  if (len_ + s.size() <= kCapacity) {
    std::copy(s.begin(), s.end(), path_.begin() + static_cast<std::ptrdiff_t>(len_));
    len_ += s.size();
    return;
  }
  // Too long: the first bytes of path + s that leave room for "…", cut
  // before a character that does not fit whole.
  static constexpr std::string_view kCut = "\xE2\x80\xA6";  // "…"
  constexpr size_t kRoom = kCapacity - kCut.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(k < len_ ? path_[k] : s[k - len_]); };
  size_t keep = kRoom;
  while (keep > 0 && (byte(keep) & 0xC0) == 0x80) --keep;
  if (len_ < keep) std::copy_n(s.begin(), keep - len_, path_.begin() + static_cast<std::ptrdiff_t>(len_));
  std::copy(kCut.begin(), kCut.end(), path_.begin() + static_cast<std::ptrdiff_t>(keep));
  len_ = keep + kCut.size();
  cut_ = true;
}

JsonIn JsonIn::operator[](std::string_view key) const { return member(doc_->find(ref_, key), key); }

JsonIn JsonIn::member(JsonDoc::Ref ref, std::string_view key) const {
  JsonIn out(*this, ref);
  if (len_ != 0) out.append(".");
  out.append(key);
  return out;
}

JsonIn JsonIn::operator[](size_t index) const {
  JsonIn out(*this, doc_->element(ref_, index));
  char buf[24] = "[";
  char* end = std::to_chars(buf + 1, buf + sizeof buf - 1, index).ptr;
  *end++ = ']';
  out.append({buf, static_cast<size_t>(end - buf)});
  return out;
}

bool JsonIn::is(JsonKind k) const {
  if (ref_ == JsonDoc::kNone) return false;
  JsonKind mine = doc_->kind(ref_);
  return mine == k || (k == JsonKind::kInt && mine == JsonKind::kUint);
}

std::vector<std::pair<std::string_view, JsonIn>> JsonIn::members() const {
  std::vector<std::pair<std::string_view, JsonIn>> out;
  for (const auto& [key, ref] : doc_->members(ref_)) out.emplace_back(key, member(ref, key));
  return out;
}

namespace {

// The detail code of each TimeParseError, in the enum's order.
constexpr const char* kTimeDetail[] = {detail_code::kBadFormat,     detail_code::kImpossibleDate,
                                       detail_code::kImpossibleTime, detail_code::kMissingOffset,
                                       detail_code::kBadOffset,      detail_code::kYearOutOfRange};
static_assert(std::size(kTimeDetail) == static_cast<size_t>(TimeParseError::kYearOutOfRange) + 1);

// Present and of `kind` (kInt takes kUint too); else MISSING (absent or
// null) or WRONG_TYPE, with `expected()`, which is built only then.
template <class Expected>
bool need(const JsonIn& in, Issues& issues, JsonKind kind, Expected expected) {
  if (in.is(kind)) return true;
  issues.fail(in.path(), in.present() ? detail_code::kWrongType : detail_code::kMissing, expected());
  return false;
}

std::optional<std::string_view> need_string(const JsonIn& in, Issues& issues, const char* expected) {
  if (!need(in, issues, JsonKind::kString, [&] { return expected; })) return std::nullopt;
  return in.string();
}

}  // namespace

namespace {

// A date or instant: a string, then `parse` (parse_date, parse_instant).
template <class T>
std::optional<T> read_time(const JsonIn& in, Issues& issues, const char* expected, Parsed<T> (*parse)(std::string_view)) {
  auto s = need_string(in, issues, expected);
  if (!s) return std::nullopt;
  auto r = parse(*s);
  if (!r) issues.fail(in.path(), kTimeDetail[static_cast<size_t>(r.error)], expected);
  return r.value;
}

}  // namespace

std::optional<Instant> read_instant(const JsonIn& in, Issues& issues) {
  return read_time(in, issues, "rfc3339_instant", parse_instant);
}

std::optional<CivilDate> read_date(const JsonIn& in, Issues& issues) { return read_time(in, issues, "date", parse_date); }

std::optional<bool> read_bool(const JsonIn& in, Issues& issues, std::optional<bool> fallback) {
  if (!in.present() && fallback) return fallback;
  if (!need(in, issues, JsonKind::kBool, [] { return "boolean"; })) return std::nullopt;
  return in.boolean();
}

std::optional<std::int64_t> read_int(const JsonIn& in, Issues& issues, std::int64_t min,
                                     std::int64_t max, std::optional<std::int64_t> fallback) {
  auto expected = [&] { return "integer " + std::to_string(min) + ".." + std::to_string(max); };
  if (!in.present() && fallback) return fallback;
  // Floats (1.5, 1e3) are refused too: amounts are whole fen, counts whole.
  if (!need(in, issues, JsonKind::kInt, expected)) return std::nullopt;
  const JsonDoc& doc = *in.doc();
  const bool is_uint = doc.kind(in.ref()) == JsonKind::kUint;
  const bool too_big = is_uint && doc.uint_value(in.ref()) > static_cast<std::uint64_t>(max);
  const std::int64_t v = is_uint ? static_cast<std::int64_t>(doc.uint_value(in.ref())) : doc.int_value(in.ref());
  if (too_big || v < min || v > max) {
    issues.fail(in.path(), detail_code::kOutOfRange, expected());
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> read_string(const JsonIn& in, Issues& issues, size_t max_bytes,
                                       std::optional<std::string> fallback) {
  if (!in.present() && fallback) return fallback;
  auto s = need_string(in, issues, "string");
  if (!s) return std::nullopt;
  if (s->size() > max_bytes) {
    issues.fail(in.path(), detail_code::kTooLong, "at most " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  return std::string(*s);
}

std::optional<size_t> read_choice(const JsonIn& in, Issues& issues, std::span<const std::string_view> choices,
                                  std::optional<size_t> fallback) {
  auto expected = [&] {
    std::string e = "one of";
    for (auto c : choices) {
      e += ' ';
      e += c;
    }
    return e;
  };
  if (!in.present() && fallback) return fallback;
  if (!need(in, issues, JsonKind::kString, expected)) return std::nullopt;
  const std::string_view s = in.string();
  size_t k = 0;
  for (auto c : choices) {
    if (s == c) return k;
    ++k;
  }
  issues.fail(in.path(), detail_code::kUnknownValue, expected());
  return std::nullopt;
}

std::optional<size_t> read_array(const JsonIn& in, Issues& issues, size_t max_items,
                                 bool optional) {
  if (!in.present() && optional) return 0;
  if (!need(in, issues, JsonKind::kArray, [] { return "array"; })) return std::nullopt;
  if (in.size() > max_items) {
    issues.fail(in.path(), detail_code::kTooMany, "at most " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  return in.size();
}

bool read_object(const JsonIn& in, Issues& issues) {
  return need(in, issues, JsonKind::kObject, [] { return "object"; });
}

bool all_fields_known(const JsonIn& in, Issues& issues) {
  auto unread = in.doc()->first_unread(in.ref());
  if (!unread) return true;
  // The path cut like every field's (at most 120 bytes, then "…"): a key may be as long as the request.
  issues.suggest(JsonIn(in.doc(), JsonDoc::kNone, unread->path).path(), detail_code::kUnknownField, std::move(unread->closest));
  return false;
}

}  // namespace certpolicy
