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

namespace {

// The escaped characters of `s` from `k`, its first byte to escape.
void write_escaped(std::string_view s, size_t k, TextOut& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the current unescaped run
  for (; k < s.size(); k = first_json_escape(s, k + 1)) {
    auto c = static_cast<unsigned char>(s[k]);
    out += s.substr(run, k - run);
    run = k + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(u, 6);
      }
    }
  }
  out += s.substr(run);
}

// `"s"` followed by `tail` (":" after a key); a string that needs no escape is copied whole.
void write_string(std::string_view s, TextOut& out, std::string_view tail = {}) {
  size_t k = first_json_escape(s, 0);
  if (k == s.size()) {
    out.push_back('"');
    out += s;
    out.push_back('"');
    out += tail;
    return;
  }
  out.push_back('"');
  write_escaped(s, k, out);
  out.push_back('"');
  out += tail;
}

}  // namespace

void write_json_string(std::string_view s, TextOut& out) { write_string(s, out); }

void write_json_chars(std::string_view s, TextOut& out) {
  size_t k = first_json_escape(s, 0);
  if (k == s.size()) out += s;
  else write_escaped(s, k, out);
}

void write_json_key(std::string_view key, TextOut& out) { write_string(key, out, ":"); }

}  // namespace certpolicy
