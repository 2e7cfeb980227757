// Reads a JSON text without parsing it: depth, array elements, a member's
// string (see raw_scan.h).
#include "json/raw_scan.h"

namespace certpolicy {

namespace {

constexpr std::size_t kEnd = std::string_view::npos;

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t k) {
  while (k < s.size() && space(s[k])) ++k;
  return k;
}

// One past the closing quote of the string that opens at s[k]; kEnd when the
// text ends first.
std::size_t skip_string(std::string_view s, std::size_t k) {
  for (++k; k < s.size(); ++k) {
    if (s[k] == '\\') ++k;
    else if (s[k] == '"') return k + 1;
  }
  return kEnd;
}

// One past the value that starts at s[k]: a string, an array or an object to
// its closing bracket, anything else to the next separator; kEnd when the
// text ends inside a string, an array or an object.
std::size_t skip_value(std::string_view s, std::size_t k) {
  if (k >= s.size()) return kEnd;
  if (s[k] == '"') return skip_string(s, k);
  if (s[k] == '[' || s[k] == '{') {
    int depth = 0;
    for (; k < s.size(); ++k) {
      const char c = s[k];
      if (c == '"') {
        k = skip_string(s, k);
        if (k == kEnd) return kEnd;
        --k;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return k + 1;
      }
    }
    return kEnd;
  }
  while (k < s.size() && s[k] != ',' && s[k] != ']' && s[k] != '}' && !space(s[k])) ++k;
  return k;
}

}  // namespace

int max_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (in_string) {
      if (c == '\\') ++k;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::size_t value_end(std::string_view s, std::size_t k) {
  const std::size_t end = skip_value(s, k);
  return end == kEnd ? s.size() : end;
}

ArrayElements::ArrayElements(std::string_view text) : text_(text), at_(skip_space(text, 0)) {
  if (at_ < text_.size() && text_[at_] == '[') ++at_;
  else done_ = true;
}

std::string_view ArrayElements::next() {
  if (done_) return {};
  const std::size_t start = skip_space(text_, at_);
  if (start >= text_.size() || text_[start] == ']') {
    done_ = true;
    return {};
  }
  const std::size_t end = skip_value(text_, start);
  if (end == kEnd) {  // the text stops inside this element: what there is of it
    done_ = true;
    return text_.substr(start);
  }
  const std::size_t after = skip_space(text_, end);
  if (after < text_.size() && text_[after] == ',') at_ = after + 1;
  else done_ = true;
  return text_.substr(start, end - start);
}

std::optional<std::string_view> member_string(std::string_view s, std::string_view key) {
  std::size_t k = skip_space(s, 0);
  if (k >= s.size() || s[k] != '{') return std::nullopt;
  std::optional<std::string_view> found;
  k = skip_space(s, k + 1);
  while (k < s.size() && s[k] == '"') {
    const std::size_t key_end = skip_string(s, k);
    if (key_end == kEnd) break;
    const std::string_view name = s.substr(k + 1, key_end - k - 2);
    k = skip_space(s, key_end);
    if (k >= s.size() || s[k] != ':') break;
    k = skip_space(s, k + 1);
    const std::size_t value_end = skip_value(s, k);
    if (value_end == kEnd) break;
    if (name == key) {
      const std::string_view v = s.substr(k, value_end - k);
      if (v.size() >= 2 && v.front() == '"' && v.find('\\') == std::string_view::npos) found = v.substr(1, v.size() - 2);
      else found.reset();
    }
    k = skip_space(s, value_end);
    if (k >= s.size() || s[k] != ',') break;
    k = skip_space(s, k + 1);
  }
  return found;
}

}  // namespace certpolicy
