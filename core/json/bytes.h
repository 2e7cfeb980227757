// The byte-level helpers that earn their lines: each buys at least 10 % of a
// user-visible figure (docs/DESIGN.md, "Byte helpers", has the A/B); all
// other byte work in the core is the plain standard-library form. Tested on
// every byte value, alignment and length 0–64 (tests/native/bytes_test.cc).
//
//   first_json_escape("ab\"c", 0) == 2       // the quote
//   first_json_escape("plain", 0) == 5       // none: s.size()
//   utf8_to_utf16("a\xE8\xA8\x82", units) == 2   // u'a', u'訂'
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace certpolicy {

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
