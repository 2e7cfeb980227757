// The byte helpers that earn their lines in the wasm build, where memcpy,
// memcmp and std::string's members are calls: the short copies and compares
// of keys and codes done inline, the scan for bytes a JSON string must escape
// eight at a time, and the UTF-8 → UTF-16 hand-over of an answer to
// JavaScript with ASCII widened eight bytes at a time. The A/B that
// keeps them (and the plain forms that replaced the rest) is in
// docs/DESIGN.md, "Byte helpers and the wasm boundary". Tested on every byte
// value, alignment and length 0-64 (tests/native/bytes_test.cc).
//
//   copy_bytes(to, "2026-11-26", 10);           // to[0..9] = the date
//   same_text("EXO-4", "EXO-4") == true
//   first_json_escape("ab\"c", 0) == 2           // the quote; s.size() when none
//   utf8_to_utf16("a\xE8\xA8\x82", units) == 2   // u'a', u'訂'
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace certpolicy {

// memcpy, with the short copies that make up most of an answer (keys, dates,
// instants, words, template pieces) done inline: in the wasm build memcpy is
// a call. Up to 64 bytes: 8-byte moves, the last one overlapping.
inline void copy_bytes(char* to, const char* from, std::size_t n) {
  if (n < 8) {
    for (std::size_t k = 0; k < n; ++k) to[k] = from[k];
  } else if (n <= 64) {
    std::uint64_t w;
    for (std::size_t k = 0; k + 8 < n; k += 8) {
      std::memcpy(&w, from + k, 8);
      std::memcpy(to + k, &w, 8);
    }
    std::memcpy(&w, from + n - 8, 8);
    std::memcpy(to + n - 8, &w, 8);
  } else {
    std::memcpy(to, from, n);
  }
}

// a == b, for the short keys and codes looked up on every field read: length
// and first byte first, then 8 bytes at a time inline (memcmp is a call in
// the wasm build).
inline bool same_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n == 0) return true;
  if (a[0] != b[0]) return false;
  if (n < 8) {
    for (std::size_t k = 1; k < n; ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  std::uint64_t x, y;
  for (std::size_t k = 0; k + 8 < n; k += 8) {
    std::memcpy(&x, a.data() + k, 8);
    std::memcpy(&y, b.data() + k, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a.data() + n - 8, 8);
  std::memcpy(&y, b.data() + n - 8, 8);
  return x == y;
}

// True when one of the 8 bytes of `w` is below 0x20, '"' or '\\' (the bytes
// a JSON string must escape): per byte at once, with the has-zero-byte trick
// (x - 0x01…) & ~x & 0x80… on w, w ^ '"'… and w ^ '\\'….
constexpr bool has_json_escape(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const bool below_space = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
  return below_space || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'));
}

// Index of the first byte of `s` at or after `from` that JSON must escape,
// or s.size(). Eight clean bytes are skipped at a time (most strings of an
// answer need no escape at all).
inline std::size_t first_json_escape(std::string_view s, std::size_t from) {
  std::size_t k = from;
  for (; k + 8 <= s.size(); k += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + k, 8);
    if (has_json_escape(w)) break;
  }
  for (; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (c < 0x20 || c == '"' || c == '\\') return k;
  }
  return s.size();
}

// Valid UTF-8 (every answer is) → UTF-16 at `out`, which has room for
// s.size() units (never more units than bytes); a sequence cut off by the
// end of `s` becomes U+FFFD. Returns the units written. Runs of ASCII (keys,
// dates, numbers: most of an answer) are widened eight bytes at a time.
std::size_t utf8_to_utf16(std::string_view s, char16_t* out);

}  // namespace certpolicy
