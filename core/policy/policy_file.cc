// Decides whether a policy file's bytes are a JSON text the engine reads
// (UTF-8, depth, no repeated key), and where each of its values starts.
#include "policy/policy_file.h"

#include "engine.h"
#include "json/json_tree.h"
#include "json/raw_scan.h"

namespace certpolicy {

namespace {

using nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string spot_text(SourceSpot s) {
  return s.known() ? "line " + std::to_string(s.line) + ", column " + std::to_string(s.column) : std::string();
}

SourceSpot PolicyFile::spot_at(std::size_t offset) const {
  SourceSpot s{1, 1};
  for (std::size_t k = 0; k < offset && k < text_.size(); ++k) {
    if (text_[k] == '\n') {
      ++s.line;
      s.column = 1;
    } else if ((static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80) {
      ++s.column;  // a character starts here (continuation bytes are not characters)
    }
  }
  return s;
}

bool PolicyFile::read(std::string_view text, Issues& issues) {
  spot_ = {};
  syntax_.clear();
  text_.assign(text);
  // A BOM is not part of the JSON text (editors on Windows write one).
  if (text_.rfind("\xEF\xBB\xBF", 0) == 0) text_.replace(0, 3, "   ");
  if (max_depth(text_) > kMaxDepth) {
    issues.fail("", detail_code::kTooDeep, "at most " + std::to_string(kMaxDepth) + " levels");
    return false;
  }
  // The engine's own parser (the one every request goes through) says
  // whether and where the text stops being JSON.
  if (!doc_.parse(text_)) {
    std::size_t at = doc_.error_at() > 0 ? doc_.error_at() - 1 : 0;
    const std::string& what = doc_.error();
    // A byte that is not UTF-8 is found a byte or two after it: point at it.
    if (what.find("UTF-8") != std::string::npos) {
      while (at > 0 && static_cast<unsigned char>(text_[std::min(at, text_.size() - 1)]) < 0x80) --at;
      while (at > 0 && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) --at;
    }
    spot_ = spot_at(at);
    // "[json.exception…] parse error at line 1, column 9: syntax error …": the
    // part after the place, with what the parser quotes written as ASCII
    // (\xNN for any other byte: it may not be UTF-8 at all).
    const std::size_t colon = what.find(": ");
    for (char c : what.substr(colon == std::string::npos ? 0 : colon + 2)) {
      const auto b = static_cast<unsigned char>(c);
      if (b >= 0x20 && b < 0x7F) {
        syntax_ += c;
      } else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        syntax_ += {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
      }
    }
    issues.fail("", detail_code::kMalformedJson, "JSON");
    return false;
  }
  // A key twice in one object: nlohmann (and JSON.parse) would keep the last in silence.
  if (auto repeated = doc_.first_repeated_key(doc_.root())) {
    spot_ = where(*repeated);
    issues.fail(*repeated, detail_code::kDuplicateKey, "each key once in an object");
    return false;
  }
  tree_ = to_tree(doc_, doc_.root());
  return true;
}

SourceSpot PolicyFile::where(std::string_view path) const {
  // Follows the path through the text: at each object the last member of
  // that key (the one the engine reads), at each list the element.
  std::string_view s = text_;
  std::size_t k = 0;
  auto space = [&] {
    while (k < s.size() && is_space(s[k])) ++k;
  };
  space();
  while (!path.empty() && k < s.size()) {
    const bool index = path[0] == '[';
    const std::size_t cut = index ? path.find(']') + 1 : path.find_first_of(".[");
    const std::string_view part = index ? path.substr(1, cut - 2) : path.substr(0, cut);
    path = cut >= path.size() ? std::string_view() : path.substr(path[cut] == '.' ? cut + 1 : cut);
    if (s[k] != (index ? '[' : '{')) return {};
    std::size_t found = std::string_view::npos, n = 0;
    for (++k, space(); k < s.size() && s[k] != (index ? ']' : '}'); ++n) {
      if (!index) {
        const std::size_t key_end = value_end(s, k);
        const bool match = s.substr(k + 1, key_end - k - 2) == part;
        k = key_end;
        space();
        ++k;  // ':'
        space();
        if (match) found = k;
      } else if (std::to_string(n) == part) {
        found = k;
      }
      k = value_end(s, k);
      space();
      if (k < s.size() && s[k] == ',') ++k;
      space();
    }
    if (found == std::string_view::npos) return {};
    k = found;
  }
  return k < s.size() ? spot_at(k) : SourceSpot{};
}

}  // namespace certpolicy
