// Reads a JSON text without parsing it into values: its nesting depth, where
// a top-level array's elements start and end, and a member's string. For
// limits checked before a parse and for texts that are not parsed at all (too
// large): every scan is one pass over the bytes, with no allocation, and
// stops quietly where the text stops being JSON (it never validates).
//
//   max_depth(R"({"a": [1, {"b": "[["}]})")           == 3
//   ArrayElements e(R"([ {"a": 1} , 2 ])");  e.next() == R"({"a": 1})", e.next() == "2", e.next() == ""
//   member_string(R"({"x": [1], "locale": "en"})", "locale") == "en"
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace certpolicy {

// Nesting depth of arrays and objects (strings skipped).
int max_depth(std::string_view text);

// One past the JSON value that starts at text[k]: a string, an array or an
// object with all it holds, anything else up to the next separator;
// text.size() when the text ends inside it.
//   value_end(R"({"a": [1, "]"], "b": 2})", 6) == 14
std::size_t value_end(std::string_view text, std::size_t k);

// The elements of the array that `text` holds (after whitespace), one at a
// time and in order, each without the whitespace around it; "" after the
// last one, or where the text is not an array.
class ArrayElements {
 public:
  explicit ArrayElements(std::string_view text);
  std::string_view next();

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  bool done_ = false;
};

// The value of member `key` of the object that `text` holds (after
// whitespace), when it is a string written without escapes (as a locale tag
// is); nullopt when there is none, it is another value, or the text stops
// being an object before it. The last such member wins, as in a parse.
std::optional<std::string_view> member_string(std::string_view text, std::string_view key);

}  // namespace certpolicy
