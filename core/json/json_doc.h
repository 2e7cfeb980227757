// A parsed JSON text held flat: one vector of nodes in document order and one
// pool of decoded string bytes, instead of a tree of maps and strings.
//
// nlohmann/json still reads the text (its SAX parser: the same strict
// RFC 8259 grammar, UTF-8 validation, number kinds and refusal of NaN and
// infinities as before); only the nodes are stored differently, so reading a
// request costs a handful of allocations instead of one per value.
//
//   JsonDoc doc;
//   if (!doc.parse(R"({"a": [1, "x"]})")) …;          // false: malformed
//   JsonDoc::Ref a = doc.find(doc.root(), "a");        // the array
//   doc.element(a, 1)                                  // the string "x"
//
// An object with a key given twice answers lookups with the last value (as
// nlohmann's DOM did); `members` lists keys in sorted order, each once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/json_out.h"

namespace certpolicy {

enum class JsonKind : std::uint8_t { kNull, kBool, kInt, kUint, kFloat, kString, kArray, kObject };

class JsonDoc {
 public:
  // A node's index; kNone when absent.
  using Ref = std::uint32_t;
  static constexpr Ref kNone = 0xFFFFFFFFu;

  // Parses `text` (replacing any earlier content). False when it is not one
  // JSON value, nests arrays and objects deeper than `max_depth`, or holds
  // more than `max_values` values (the parse stops there; too_many() tells).
  bool parse(std::string_view text, std::size_t max_depth = 1u << 30, std::size_t max_values = SIZE_MAX);
  // The last parse stopped at its value budget.
  bool too_many() const { return too_many_; }
  // Why the last parse failed on a text that is not JSON: the bytes read
  // when it stopped, and the parser's words ("[json.exception.parse_error.101]
  // parse error at line 1, column 9: syntax error while parsing value - …").
  std::size_t error_at() const { return error_at_; }
  const std::string& error() const { return error_; }

  Ref root() const { return nodes_.empty() ? kNone : 0; }
  JsonKind kind(Ref r) const { return nodes_[r].kind; }
  bool boolean(Ref r) const { return nodes_[r].b; }
  std::int64_t int_value(Ref r) const { return nodes_[r].i; }
  std::uint64_t uint_value(Ref r) const { return nodes_[r].u; }
  std::string_view string(Ref r) const { return {pool_.data() + nodes_[r].str, nodes_[r].str_len}; }
  double float_value(Ref r) const { return nodes_[r].d; }
  // Children of an array or object.
  std::size_t size(Ref r) const { return nodes_[r].count; }

  // The member `key` of an object (the last one if repeated), else kNone.
  Ref find(Ref object, std::string_view key) const;
  // Element `k` of an array, else kNone.
  Ref element(Ref array, std::size_t k) const;
  // An object's members by key, sorted, a repeated key once (its last value).
  std::vector<std::pair<std::string_view, Ref>> members(Ref object) const;
  // An object's members in document order, a repeated key each time, none
  // counted as read (for copying a document whole): f(key, member).
  template <class F>
  void each_member(Ref object, F&& f) const {
    for (Ref c = object + 1; c < nodes_[object].end; c = nodes_[c].end) f(key(c), c);
  }

  // Strict input: every member looked up with `find` (found or not) or
  // listed with `members` counts as known. The first member under `root`
  // (document order) that no reader asked for, with its path and the
  // closest key that was asked for on the same object ("" when none is
  // near), e.g. {"order.platformFault", "platform_fault"}.
  struct Unread {
    std::string path;
    std::string closest;
  };
  std::optional<Unread> first_unread(Ref root) const;
  // Counts every member under `r` as known (a part read by another reader).
  void mark_read(Ref r) const {
    for (Ref c = r + 1; c < nodes_[r].end; ++c) nodes_[c].asked = true;
  }
  // The first member (document order) whose key its object already had
  // before it, as a path ("exam_order.refund_window"); nullopt when none.
  std::optional<std::string> first_repeated_key(Ref root) const;
  // The unread member that is the missing field at `missing` (a path) in
  // another case or separator (folded the same: camelCase, PascalCase,
  // kebab-case), the spelling that left it missing:
  //   {"order": {"paidAt": …}}, "order.paid_at" → {"order.paidAt", "paid_at"}
  std::optional<Unread> unread_spelling_of(Ref root, std::string_view missing) const;
  // Forgets the keys looked up and not found so far (a batch does this before
  // each request: its misses would otherwise pile up, ~20 bytes each).
  void forget_misses() const {
    missed_.clear();
    missed_text_.clear();
  }

  // For a document reused across parses: empties it and gives its buffers
  // back when they grew past their first size, so that memory in use does
  // not creep. (Parse again before reading.)
  void trim();

 private:
  friend class JsonDocBuilder;
  struct Node {
    JsonKind kind = JsonKind::kNull;
    bool b = false;
    bool member = false;                 // a member of an object (it has a key)
    mutable bool asked = false;          // a member some reader looked up
    std::uint32_t key = 0, key_len = 0;  // in pool_, for an object's members
    std::uint32_t str = 0, str_len = 0;  // in pool_, for a string
    std::uint32_t end = 0;               // one past the last node of this value
    std::uint32_t count = 0;             // children of an array or object
    std::uint32_t first_element = 0;     // arrays: where their children start in elements_
    union {
      std::int64_t i;
      std::uint64_t u;
      double d = 0;
    };
  };
  std::string_view key(Ref r) const { return {pool_.data() + nodes_[r].key, nodes_[r].key_len}; }
  std::vector<Node> nodes_;
  std::vector<Ref> elements_;  // each array's children, contiguous
  TextOut pool_;
  // Keys looked up on an object and not found there (for the closest-key
  // hint of first_unread): the object and the key's bytes in missed_text_.
  struct Missed {
    Ref object;
    std::uint32_t at, len;
  };
  mutable std::vector<Missed> missed_;
  mutable std::string missed_text_;
  // The first unread member under `r`; with `missing`, the first that is
  // that path spelt otherwise (unread_spelling_of).
  void walk_unread(Ref r, std::string& path, std::optional<Unread>& out, std::string_view missing = {}) const;
  std::string closest_key(Ref object, std::string_view key) const;
  std::vector<Ref> open_, pending_;  // the parser's stacks, kept between parses
  std::size_t nodes_capacity_ = 0, pool_capacity_ = 0;  // after the first parse
  bool too_many_ = false;
  std::size_t error_at_ = 0;
  std::string error_;
};

// The known name nearest to a name given (the hint of UNKNOWN_FIELD, and of
// an unknown catalogue id): the same when folded (case, '_' and '-'
// ignored), else at most 2 edits (and fewer than half its length) away, else
// one that adds or drops whole '_' words; "" when none is.
//   ClosestName near("platformFault");
//   near.consider("platform_fault");  near.consider("paid_at");
//   near.best() == "platform_fault"
class ClosestName {
 public:
  explicit ClosestName(std::string_view given) : given_(given) {}
  void consider(std::string_view known);
  const std::string& best() const { return best_; }

 private:
  std::string_view given_;
  std::string best_;
  std::size_t best_distance_ = 3;
};

}  // namespace certpolicy
