// Writing a result's text: TextOut, the growable buffer every answer is
// written into, and JSON strings, quoted with only JSON's own escapes, since
// every string in a result is valid UTF-8 already (the parser rejects invalid
// input, and the engine's own text is UTF-8). The rest of a result is written
// by Fields::write (fields.h) and the envelope by engine.cc.
//
//   TextOut out;
//   out += '{';
//   write_json_key("ok", out);   // "ok":
//   out += "true}";
//   out.view();                  // {"ok":true}
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

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

// A growable byte buffer whose appends are inline (std::string's are calls
// into the prebuilt libc++ in the wasm build) and never zero-fill. Growth
// doubles the capacity; `release_above` gives memory back after a large answer.
class TextOut {
 public:
  TextOut() = default;
  explicit TextOut(std::size_t capacity) { grow(capacity); }
  ~TextOut();
  TextOut(const TextOut&) = delete;
  TextOut& operator=(const TextOut&) = delete;
  TextOut(TextOut&& o) noexcept : data_(o.data_), size_(o.size_), capacity_(o.capacity_) {
    o.data_ = nullptr;
    o.size_ = o.capacity_ = 0;
  }
  TextOut& operator=(TextOut&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(capacity_, o.capacity_);
    return *this;
  }

  void push_back(char c) {
    if (size_ == capacity_) grow(1);
    data_[size_++] = c;
  }
  void append(const char* s, std::size_t n) {
    copy_bytes(extend(n), s, n);
  }
  TextOut& operator+=(std::string_view s) {
    append(s.data(), s.size());
    return *this;
  }
  TextOut& operator+=(char c) {
    push_back(c);
    return *this;
  }
  // Makes room for `n` more bytes and returns where they go (the caller fills all n).
  char* extend(std::size_t n) {
    if (capacity_ - size_ < n) grow(n);
    char* at = data_ + size_;
    size_ += n;
    return at;
  }

  // Room for at least `n` bytes in all, without writing any.
  void reserve(std::size_t n) {
    if (capacity_ < n) grow(n - size_);
  }
  void clear() { size_ = 0; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  const char* data() const { return data_; }
  std::string_view view() const { return {data_, size_}; }
  // Empties the buffer; one larger than `capacity` goes back to that size.
  void release_above(std::size_t capacity);

 private:
  void grow(std::size_t more);
  char* data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};

// One JSON string (quoted and escaped).
void write_json_string(std::string_view s, TextOut& out);
// A string known to need no escaping (a checked literal, a date, an
// instant), quoted, then `tail` (":" after a key). No scan.
inline void write_json_plain(std::string_view s, TextOut& out, std::string_view tail = {}) {
  char* p = out.extend(s.size() + 2 + tail.size());
  *p = '"';
  copy_bytes(p + 1, s.data(), s.size());
  p[s.size() + 1] = '"';
  copy_bytes(p + s.size() + 2, tail.data(), tail.size());
}
// The characters of a JSON string, escaped, without the quotes (for text
// written in pieces).
void write_json_chars(std::string_view s, TextOut& out);
// A member's key: the quoted string and ':'.
void write_json_key(std::string_view key, TextOut& out);

}  // namespace certpolicy
