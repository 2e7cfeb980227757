// Writing a result's text: TextOut, the growable buffer every answer is
// written into, and JSON strings, quoted with only JSON's own escapes, since
// every string in a result is valid UTF-8 already (the parser rejects invalid
// input, and the engine's own text is UTF-8). The rest of a result is written
// by Fields::write (fields.h) and the envelope by engine.cc.
//
//   TextOut out;
//   out.push_back('{');
//   write_json_key("ok", out);   // "ok":
//   out += "true}";
//   out.view();                  // {"ok":true}
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

#include "json/bytes.h"

namespace certpolicy {

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
  TextOut(TextOut&& o) noexcept { *this = std::move(o); }
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
  void append(const char* s, std::size_t n) { copy_bytes(extend(n), s, n); }
  TextOut& operator+=(std::string_view s) {
    append(s.data(), s.size());
    return *this;
  }
  // Makes room for `n` more bytes and returns where they go (the caller fills all n).
  char* extend(std::size_t n) {
    if (capacity_ - size_ < n) grow(n);
    char* at = data_ + size_;
    size_ += n;
    return at;
  }

  // Gives back the last `n` bytes of the text (room `extend` made and the caller did not fill).
  void drop_last(std::size_t n) { size_ -= n; }

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
// The characters of a JSON string, escaped, without the quotes (for text
// written in pieces).
void write_json_chars(std::string_view s, TextOut& out);
// A member's key: the quoted string and ':'.
void write_json_key(std::string_view key, TextOut& out);

}  // namespace certpolicy
