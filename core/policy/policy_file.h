// Decides whether a policy file's bytes are a JSON text the engine reads, the
// same way for the CLI and the pages (both hand the core the raw bytes):
// UTF-8 only (a leading BOM is skipped; a Latin-1 byte is refused), one JSON
// value nested at most kMaxDepth, no key twice in one object (a repeated key
// would silently keep the last value), and where each value starts, so that
// a refusal names its line and column.
//
//   PolicyFile f;
//   Issues issues;
//   if (!f.read("{\n  \"a\": 1,\n  \"a\": 2\n}", issues)) …   // DUPLICATE_KEY at "a"
//   f.spot()          // {3, 8}: line 3, column 8, the second value (columns count characters)
//   f.where("a")      // {2, 8} on a valid text: where the value of "a" starts
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/json_doc.h"
#include "json/json_in.h"

namespace certpolicy {

// A place in a text: 1-based line and column (columns count Unicode
// characters, as editors do); 0 when unknown.
struct SourceSpot {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
};

class PolicyFile {
 public:
  // Reads `text` (at most kMaxPolicyBytes, checked by the caller). False and
  // the first issue (MALFORMED_JSON, TOO_DEEP, DUPLICATE_KEY) when it is not
  // a JSON text the engine reads; spot() then says where.
  bool read(std::string_view text, Issues& issues);
  // The parsed value (valid after read() returned true), as a tree for merge
  // patches and as the engine's flat document for its field readers.
  const nlohmann::json& tree() const { return tree_; }
  const JsonDoc& doc() const { return doc_; }
  // Where the refusal of read() points (unknown when it is not one place).
  SourceSpot spot() const { return spot_; }
  // What the JSON parser said about a syntax error ("unexpected '}'; expected
  // a value"), "" otherwise.
  const std::string& syntax() const { return syntax_; }
  // Where the value at `path` starts ("changes[1].patch.exam_order", dotted
  // keys and [k] indices as issues name fields); unknown when the file has
  // no such value.
  SourceSpot where(std::string_view path) const;

 private:
  SourceSpot spot_at(std::size_t offset) const;
  std::string text_;
  nlohmann::json tree_;
  JsonDoc doc_;
  SourceSpot spot_;
  std::string syntax_;
};

// "line 3, column 14" (empty when unknown).
std::string spot_text(SourceSpot s);

}  // namespace certpolicy
