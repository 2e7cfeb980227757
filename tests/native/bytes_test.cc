// The byte helpers (json/bytes.h) against their plain forms (std::copy,
// ==, a byte or a code point at a time): every length 0–80, every alignment of source
// and destination, every byte value at every position, every code point.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "json/bytes.h"

namespace certpolicy {
namespace {

// Plain UTF-8 → UTF-16, a code point at a time; a cut sequence → U+FFFD and the end.
std::u16string reference_utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;  // valid input only
    if (i + len > s.size()) {
      out.push_back(u'\uFFFD');
      break;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

std::u16string converted(std::string_view s) {
  std::u16string out(s.size(), u'\0');
  out.resize(utf8_to_utf16(s, out.data()));
  return out;
}

// A text of `len` bytes starting `align` bytes into a buffer.
struct Placed {
  std::array<char, 96> buffer{};
  std::string_view at(size_t align, std::string_view text) {
    std::copy(text.begin(), text.end(), buffer.begin() + static_cast<std::ptrdiff_t>(align));
    return {buffer.data() + align, text.size()};
  }
};

bool must_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// 0, 1, …: a pattern where every byte of a copy is told apart from its neighbours.
std::string pattern(size_t len) {
  std::string s(len, '\0');
  for (size_t k = 0; k < len; ++k) s[k] = static_cast<char>(k * 37 + 11);
  return s;
}

TEST(Bytes, CopyBytesAtEveryLengthAndAlignmentTouchesOnlyItsBytes) {
  for (size_t len = 0; len <= 80; ++len) {
    const std::string text = pattern(len);
    for (size_t from_align = 0; from_align < 8; ++from_align) {
      Placed source;
      const std::string_view from = source.at(from_align, text);
      for (size_t to_align = 0; to_align < 8; ++to_align) {
        std::array<char, 96> to;
        to.fill('#');
        copy_bytes(to.data() + to_align, from.data(), len);
        std::array<char, 96> want;
        want.fill('#');
        std::copy(text.begin(), text.end(), want.begin() + static_cast<std::ptrdiff_t>(to_align));
        ASSERT_EQ(to, want) << "len " << len << " from " << from_align << " to " << to_align;
      }
    }
  }
  copy_bytes(nullptr, nullptr, 0);  // nothing to copy: no pointer is used
}

TEST(Bytes, SameTextFindsEveryDifferingByteAtEveryPositionAlignmentAndLength) {
  for (size_t len = 0; len <= 80; ++len) {
    const std::string text = pattern(len);
    for (size_t align = 0; align < 8; ++align) {
      Placed a, b;
      const std::string_view x = a.at(align, text), y = b.at((align + 3) % 8, text);
      ASSERT_TRUE(same_text(x, y)) << "len " << len << " align " << align;
      char* bytes = b.buffer.data() + (align + 3) % 8;
      for (size_t pos = 0; pos < len; ++pos) {
        for (unsigned v = 0; v < 256; ++v) {
          bytes[pos] = static_cast<char>(v);
          ASSERT_EQ(same_text(x, y), x == y) << "len " << len << " align " << align << " pos " << pos << " byte " << v;
        }
        bytes[pos] = text[pos];
      }
    }
    if (len > 0) {
      EXPECT_FALSE(same_text(text, text.substr(0, len - 1)));  // lengths differ
      EXPECT_FALSE(same_text(text.substr(0, len - 1), text));
    }
  }
  EXPECT_TRUE(same_text({}, ""));
}

TEST(Bytes, HasJsonEscapeFindsEveryEscapedByteInEveryLane) {
  for (unsigned b = 0; b < 256; ++b) {
    for (int lane = 0; lane < 8; ++lane) {
      const std::uint64_t clean = 0x6161616161616161ull;  // "aaaaaaaa"
      const std::uint64_t w = (clean & ~(0xFFull << (8 * lane))) | (std::uint64_t{b} << (8 * lane));
      EXPECT_EQ(has_json_escape(w), must_escape(static_cast<unsigned char>(b))) << "byte " << b << " lane " << lane;
    }
  }
  EXPECT_FALSE(has_json_escape(0x7F7F7F7F7F7F7F7Full));
  EXPECT_FALSE(has_json_escape(0xFFFFFFFFFFFFFFFFull));  // UTF-8 bytes are never escaped
  EXPECT_TRUE(has_json_escape(0));
}

TEST(Bytes, FirstJsonEscapeAtEveryPositionAlignmentAndLength) {
  Placed placed;
  for (size_t len = 0; len <= 64; ++len) {
    const std::string clean(len, 'a');
    for (size_t align = 0; align < 8; ++align) {
      EXPECT_EQ(first_json_escape(placed.at(align, clean), 0), len);
      const std::string_view s = placed.at(align, clean);
      char* bytes = placed.buffer.data() + align;
      for (size_t pos = 0; pos < len; ++pos) {
        for (unsigned b = 0; b < 256; ++b) {
          bytes[pos] = static_cast<char>(b);
          const size_t want = must_escape(static_cast<unsigned char>(b)) ? pos : len;
          ASSERT_EQ(first_json_escape(s, 0), want) << "len " << len << " align " << align << " pos " << pos << " byte " << b;
        }
        bytes[pos] = 'a';
      }
    }
  }
}

TEST(Bytes, FirstJsonEscapeStartsAtFrom) {
  const std::string s = std::string("\"") + std::string(20, 'x') + "\n" + std::string(30, 'y') + "\\";
  EXPECT_EQ(first_json_escape(s, 0), 0u);
  for (size_t from = 1; from <= 21; ++from) EXPECT_EQ(first_json_escape(s, from), 21u) << from;
  for (size_t from = 22; from <= 52; ++from) EXPECT_EQ(first_json_escape(s, from), 52u) << from;
  EXPECT_EQ(first_json_escape(s, 53), 53u);  // from == size: none
}

TEST(Bytes, Utf16OfEveryAsciiByteAtEveryPositionAlignmentAndLength) {
  Placed placed;
  std::array<char16_t, 64> units{};
  for (size_t len = 0; len <= 64; ++len) {
    for (size_t align = 0; align < 8; ++align) {
      const std::string_view s = placed.at(align, std::string(len, 'a'));
      char* bytes = placed.buffer.data() + align;
      EXPECT_EQ(utf8_to_utf16(s, units.data()), len);
      for (size_t pos = 0; pos < len; ++pos) {
        for (unsigned b = 0; b < 128; ++b) {
          bytes[pos] = static_cast<char>(b);
          ASSERT_EQ(utf8_to_utf16(s, units.data()), len);
          for (size_t k = 0; k < len; ++k) {
            ASSERT_EQ(units[k], k == pos ? b : u'a') << "len " << len << " align " << align << " pos " << pos << " byte " << b;
          }
        }
        bytes[pos] = 'a';
      }
    }
  }
}

TEST(Bytes, Utf16OfMultiByteCharactersAtEveryPositionAndAlignment) {
  Placed placed;
  for (char32_t cp : {U'\u00FC', U'\u07FF', U'\u0800', U'\u8A02', U'\uFFFD', U'\uFFFF', U'\U00010000', U'\U0001F600', U'\U0010FFFF'}) {
    const std::string ch = utf8(cp);
    for (size_t len = ch.size(); len <= 64; ++len) {
      for (size_t pos = 0; pos + ch.size() <= len; ++pos) {
        for (size_t align = 0; align < 8; ++align) {
          std::string text(len, 'a');
          text.replace(pos, ch.size(), ch);
          const std::string_view s = placed.at(align, text);
          ASSERT_EQ(converted(s), reference_utf16(s)) << "U+" << std::hex << static_cast<unsigned>(cp) << " len " << std::dec << len << " pos " << pos;
        }
      }
    }
  }
}

TEST(Bytes, Utf16OfEveryCodePoint) {
  std::string text;
  std::u16string want;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // not characters: never in UTF-8
    text += utf8(cp);
  }
  want = reference_utf16(text);
  EXPECT_EQ(want.size(), 0x10000u - 0x800u + 2u * 0x100000u);
  EXPECT_EQ(converted(text), want);
}

TEST(Bytes, Utf16OfACutSequenceEndsInTheReplacementCharacter) {
  for (char32_t cp : {U'\u00FC', U'\u8A02', U'\U0001F600'}) {
    const std::string ch = utf8(cp);
    for (size_t keep = 1; keep < ch.size(); ++keep) {
      const std::string text = "ab" + ch.substr(0, keep);
      EXPECT_EQ(converted(text), std::u16string(u"ab\uFFFD")) << keep;
    }
  }
  EXPECT_EQ(converted(""), std::u16string());
}

}  // namespace
}  // namespace certpolicy
