// The answer writer: a text buffer and JSON string escaping.
#include "json/json_out.h"

#include "json/bytes.h"

#include <cstdlib>

namespace certpolicy {

TextOut::~TextOut() { std::free(data_); }

void TextOut::grow(std::size_t more) {
  std::size_t want = capacity_ * 2;
  if (want < size_ + more) want = size_ + more;
  if (want < 256) want = 256;
  void* p = std::realloc(data_, want);
  // Out of memory: what std::string does without exceptions (inputs are
  // capped, so an answer never needs more than a few hundred MiB).
  if (p == nullptr) std::abort();
  data_ = static_cast<char*>(p);
  capacity_ = want;
}

void TextOut::release_above(std::size_t capacity) {
  size_ = 0;
  if (capacity_ <= capacity) return;
  std::free(data_);
  data_ = nullptr;
  capacity_ = 0;
  grow(capacity);
}

void write_json_chars(std::string_view s, TextOut& out) {
  // The escapes with a letter of their own; every other byte below 0x20 is \u00XX.
  static constexpr std::string_view kShort = "\"\\\n\r\t\b\f", kLetter = "\"\\nrtbf";
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the current unescaped run
  for (size_t k = first_json_escape(s, 0); k < s.size(); k = first_json_escape(s, k + 1)) {
    const auto c = static_cast<unsigned char>(s[k]);
    out += s.substr(run, k - run);
    run = k + 1;
    if (const size_t e = kShort.find(static_cast<char>(c)); e != std::string_view::npos) {
      out.push_back('\\');
      out.push_back(kLetter[e]);
    } else {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(u, 6);
    }
  }
  out += s.substr(run);
}

void write_json_string(std::string_view s, TextOut& out) {
  out.push_back('"');
  write_json_chars(s, out);
  out.push_back('"');
}

void write_json_key(std::string_view key, TextOut& out) {
  write_json_string(key, out);
  out.push_back(':');
}

}  // namespace certpolicy
