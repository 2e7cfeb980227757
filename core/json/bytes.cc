// UTF-8 → UTF-16 for the hand-over of an answer to JavaScript (wasm/bindings.cc).
#include "json/bytes.h"

namespace certpolicy {

namespace {

// Four ASCII bytes (the low half of `x`) as four UTF-16 units, in one word.
constexpr std::uint64_t widen(std::uint64_t x) {
  x = (x | (x << 16)) & 0x0000FFFF0000FFFFull;
  return (x | (x << 8)) & 0x00FF00FF00FF00FFull;
}

}  // namespace

std::size_t utf8_to_utf16(std::string_view s, char16_t* __restrict out) {
  const auto* __restrict p = reinterpret_cast<const unsigned char*>(s.data());  // never overlaps `out`
  const std::size_t n = s.size();
  char16_t* __restrict q = out;
  std::size_t i = 0;
  while (i < n) {
    for (; i + 8 <= n; i += 8, q += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      const std::uint64_t lo = widen(w & 0xFFFFFFFFull), hi = widen(w >> 32);
      std::memcpy(q, &lo, 8);
      std::memcpy(q + 4, &hi, 8);
    }
    // Then one character at a time up to the next ASCII byte (a run of CJK
    // text is 3-byte sequences back to back).
    while (i < n) {
      const unsigned c = p[i];
      if (c < 0x80) {
        *q++ = static_cast<char16_t>(c);
        ++i;
        break;
      }
      if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
        *q++ = static_cast<char16_t>(((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F));
        i += 3;
      } else if (c < 0xE0 && i + 1 < n) {
        *q++ = static_cast<char16_t>(((c & 0x1F) << 6) | (p[i + 1] & 0x3F));
        i += 2;
      } else if (c >= 0xF0 && i + 3 < n) {
        const unsigned cp = (((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F)) - 0x10000;
        *q++ = static_cast<char16_t>(0xD800 + (cp >> 10));
        *q++ = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        i += 4;
      } else {
        *q++ = u'\uFFFD';
        i = n;
      }
    }
  }
  return static_cast<std::size_t>(q - out);
}

}  // namespace certpolicy
