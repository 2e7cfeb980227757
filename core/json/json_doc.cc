// The JSON document: nlohmann's SAX parse into one flat vector of nodes and
// one string pool.
#include "json/json_doc.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

namespace certpolicy {

namespace {

// nlohmann's parser, with a string type of its own for the text of each
// string and key as it is read: std::string's members are prebuilt (extern
// templates) in libc++, so in the wasm build every character the lexer keeps
// was a call; this distinct instantiation is compiled here and inlined. The
// grammar, UTF-8 checks and number kinds are nlohmann's, unchanged.
template <class T>
struct LexerAllocator : std::allocator<T> {};  // C++20's allocator has no `rebind` to undo this
using LexerString = std::basic_string<char, std::char_traits<char>, LexerAllocator<char>>;
using SaxJson = nlohmann::basic_json<std::map, std::vector, LexerString>;

}  // namespace

// Receives nlohmann's SAX events and appends nodes. Every container is open
// on `open_`; an array's children are gathered on `pending_` until it closes.
class JsonDocBuilder {
 public:
  using json = SaxJson;
  JsonDocBuilder(JsonDoc& doc, std::size_t max_depth, std::size_t max_values)
      : doc_(doc), max_depth_(max_depth), max_values_(max_values), open_(doc.open_), pending_(doc.pending_) {
    open_.clear();
    pending_.clear();
  }

  bool null() { return leaf(JsonKind::kNull) != nullptr; }
  bool boolean(bool v) { return set(leaf(JsonKind::kBool), &JsonDoc::Node::b, v); }
  bool number_integer(json::number_integer_t v) { return set(leaf(JsonKind::kInt), &JsonDoc::Node::i, v); }
  bool number_unsigned(json::number_unsigned_t v) { return set(leaf(JsonKind::kUint), &JsonDoc::Node::u, v); }
  template <class Text>  // string_t, or std::string from nlohmann's binary readers
  bool number_float(json::number_float_t v, const Text&) {
    return set(leaf(JsonKind::kFloat), &JsonDoc::Node::d, v);
  }
  bool string(json::string_t& v) {
    JsonDoc::Node* n = leaf(JsonKind::kString);
    if (n != nullptr) n->str = keep(v, n->str_len);
    return n != nullptr;
  }
  bool binary(json::binary_t&) { return false; }  // not produced by the JSON grammar
  bool start_object(std::size_t) { return open(JsonKind::kObject); }
  bool start_array(std::size_t) { return open(JsonKind::kArray); }
  bool key(json::string_t& k) {
    key_ = keep(k, key_len_);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() {
    JsonDoc::Node& n = doc_.nodes_[open_.back()];
    n.first_element = static_cast<std::uint32_t>(doc_.elements_.size());
    auto from = pending_.end() - static_cast<std::ptrdiff_t>(n.count);
    doc_.elements_.insert(doc_.elements_.end(), from, pending_.end());
    pending_.erase(from, pending_.end());
    return close();
  }
  // Where the text stops being JSON (bytes read) and what the parser said.
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) {
    doc_.error_at_ = at;
    doc_.error_ = e.what();
    return false;
  }

 private:
  // A new node as the next child of the open container (or the root).
  JsonDoc::Node& add(JsonKind kind) {
    auto index = static_cast<JsonDoc::Ref>(doc_.nodes_.size());
    JsonDoc::Node& n = doc_.nodes_.emplace_back();
    n.kind = kind;
    n.end = index + 1;
    if (!open_.empty()) {
      JsonDoc::Node& parent = doc_.nodes_[open_.back()];
      ++parent.count;
      if (parent.kind == JsonKind::kObject) {
        n.member = true;
        n.key = key_;
        n.key_len = key_len_;
      } else {
        pending_.push_back(index);
      }
    }
    return n;
  }
  // False (the parse stops) past the value budget.
  bool room() {
    if (doc_.nodes_.size() < max_values_) return true;
    doc_.too_many_ = true;
    return false;
  }
  // A new scalar node, or null past the budget.
  JsonDoc::Node* leaf(JsonKind kind) { return room() ? &add(kind) : nullptr; }
  template <class Member, class V>
  static bool set(JsonDoc::Node* n, Member JsonDoc::Node::*member, V v) {
    if (n != nullptr) n->*member = v;
    return n != nullptr;
  }
  // A string's bytes, appended to the pool: where they start, and `len`.
  std::uint32_t keep(const json::string_t& s, std::uint32_t& len) {
    auto at = static_cast<std::uint32_t>(doc_.pool_.size());
    len = static_cast<std::uint32_t>(s.size());
    doc_.pool_.append(s.data(), s.size());
    return at;
  }
  bool open(JsonKind kind) {
    if (open_.size() >= max_depth_ || !room()) return false;
    add(kind);
    open_.push_back(static_cast<JsonDoc::Ref>(doc_.nodes_.size() - 1));
    return true;
  }
  bool close() {
    doc_.nodes_[open_.back()].end = static_cast<std::uint32_t>(doc_.nodes_.size());
    open_.pop_back();
    return true;
  }

  JsonDoc& doc_;
  std::size_t max_depth_, max_values_;
  std::vector<JsonDoc::Ref>& open_;
  std::vector<JsonDoc::Ref>& pending_;
  std::uint32_t key_ = 0, key_len_ = 0;
};

bool JsonDoc::parse(std::string_view text, std::size_t max_depth, std::size_t max_values) {
  too_many_ = false;
  forget_misses();
  nodes_.clear();
  elements_.clear();
  pool_.clear();
  // A node per value is at most one per two bytes ("1,"); most texts need far fewer.
  // (Grown only: libc++'s string::reserve also shrinks, which would make the
  // memory in use depend on the last text.)
  const std::size_t nodes = std::min<std::size_t>(text.size() / 8 + 64, 1u << 16);
  const std::size_t bytes = std::min<std::size_t>(text.size() + 256, 1u << 16);
  if (nodes_.capacity() < nodes) nodes_.reserve(nodes);
  pool_.reserve(bytes);
  if (nodes_capacity_ == 0) {
    nodes_capacity_ = nodes_.capacity();
    pool_capacity_ = pool_.capacity();
    elements_.reserve(64);
    open_.reserve(64);
    pending_.reserve(64);
  }
  JsonDocBuilder builder(*this, max_depth, max_values);
  // nlohmann's lexer takes a NUL byte for the end of the text and would
  // ignore what follows; JSON allows no raw NUL anywhere (not in a string
  // either), so a text holding one is malformed.
  const void* nul = std::memchr(text.data(), 0, text.size());
  if (nul != nullptr) {
    error_at_ = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()) + 1;
    error_ = "a NUL byte";
  }
  bool ok = nul == nullptr && SaxJson::sax_parse(text.begin(), text.end(), &builder);
  if (!ok) nodes_.clear();  // no root
  return ok;
}

void JsonDoc::trim() {
  auto reset = [](auto& buffer, std::size_t capacity) {
    buffer.clear();
    if (buffer.capacity() <= capacity) return;
    std::remove_reference_t<decltype(buffer)>().swap(buffer);
    buffer.reserve(capacity);
  };
  reset(nodes_, nodes_capacity_);
  reset(missed_, 64);
  if (missed_text_.capacity() > 1024) std::string().swap(missed_text_);
  missed_text_.clear();
  pool_.release_above(pool_capacity_);
  reset(elements_, 64);
  reset(open_, 64);
  reset(pending_, 64);
}

JsonDoc::Ref JsonDoc::find(Ref object, std::string_view k) const {
  if (object == kNone || nodes_[object].kind != JsonKind::kObject) return kNone;
  Ref found = kNone;
  for (Ref c = object + 1; c < nodes_[object].end; c = nodes_[c].end) {
    if (same_text(key(c), k)) {
      found = c;
      nodes_[c].asked = true;  // a repeated key: every copy was read
    }
  }
  if (found == kNone) {
    missed_.push_back({object, static_cast<std::uint32_t>(missed_text_.size()), static_cast<std::uint32_t>(k.size())});
    missed_text_.append(k);
  }
  return found;
}

JsonDoc::Ref JsonDoc::element(Ref array, std::size_t k) const {
  if (array == kNone || nodes_[array].kind != JsonKind::kArray || k >= nodes_[array].count) return kNone;
  return elements_[nodes_[array].first_element + k];
}

std::vector<std::pair<std::string_view, JsonDoc::Ref>> JsonDoc::members(Ref object) const {
  std::map<std::string_view, Ref> sorted;  // a repeated key: its last value
  if (object == kNone || nodes_[object].kind != JsonKind::kObject) return {};
  for (Ref c = object + 1; c < nodes_[object].end; c = nodes_[c].end) {
    nodes_[c].asked = true;
    sorted[key(c)] = c;
  }
  return {sorted.begin(), sorted.end()};
}

namespace {

// A key compared loosely: lower case, without '_' and '-' (platformFault and
// platform_fault read the same).
std::string folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '-') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Edit distance with adjacent transpositions (optimal string alignment), on
// bytes; keys are at most a few dozen bytes.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

// One key is the other plus whole '_' words before or after it
// (amount ↔ amount_fen, fault ↔ platform_fault).
bool word_extension(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty() || a.size() == b.size()) return false;
  const bool head = b.substr(0, a.size()) == a && b[a.size()] == '_';
  const bool tail = b.substr(b.size() - a.size()) == a && b[b.size() - a.size() - 1] == '_';
  return head || tail;
}

// How far a known key is from the one given: 0 when the two fold the same,
// 2 when one adds whole words to the other, else the edit distance.
size_t key_distance(std::string_view key, std::string_view known) {
  if (folded(known) == folded(key)) return 0;
  if (word_extension(key, known)) return 2;
  return edit_distance(key, known);
}

// Whether the key given is a misspelling of the one missing on the same object:
// near by ClosestName's measure (paidAt → paid_at, status → state, typ →
// type), or the missing key with words dropped (amount → amount_fen), never
// with words added: a longer key is one of its own, not yet read
// (security_value beside a missing value). `missing` is one key, not a path.
bool spelling_of(std::string_view given, std::string_view missing) {
  if (missing.find_first_of(".[") != std::string_view::npos) return false;
  if (word_extension(given, missing)) return given.size() < missing.size();
  ClosestName near(given);
  near.consider(missing);
  return !near.best().empty();
}

}  // namespace

void ClosestName::consider(std::string_view known) {
  const size_t d = key_distance(given_, known);
  if (d < best_distance_ && 2 * d < given_.size()) {
    best_distance_ = d;
    best_ = std::string(known);
  }
}

// The key asked for on `object` nearest to `key` (ClosestName).
std::string JsonDoc::closest_key(Ref object, std::string_view key) const {
  ClosestName near(key);
  for (const Missed& m : missed_) {
    if (m.object == object) near.consider({missed_text_.data() + m.at, m.len});
  }
  for (Ref c = object + 1; c < nodes_[object].end; c = nodes_[c].end) {
    if (nodes_[c].asked) near.consider(this->key(c));
  }
  return near.best();
}

void JsonDoc::walk_unread(Ref r, std::string& path, std::optional<Unread>& out, std::string_view missing) const {
  const size_t len = path.size();
  if (nodes_[r].kind == JsonKind::kObject) {
    for (Ref c = r + 1; c < nodes_[r].end && !out; c = nodes_[c].end) {
      if (len != 0) path.push_back('.');
      const size_t at = path.size();
      path.append(key(c));
      if (!nodes_[c].asked) {
        if (missing.empty()) out = Unread{path, closest_key(r, key(c))};
        else if (missing.size() > at && missing.substr(0, at) == std::string_view(path.data(), at) &&
                 spelling_of(key(c), missing.substr(at))) {
          out = Unread{path, std::string(missing.substr(at))};
        }
      } else {
        walk_unread(c, path, out, missing);
      }
      path.resize(len);
    }
  } else if (nodes_[r].kind == JsonKind::kArray) {
    for (std::size_t k = 0; k < nodes_[r].count && !out; ++k) {
      path.append("[").append(std::to_string(k)).append("]");
      walk_unread(element(r, k), path, out, missing);
      path.resize(len);
    }
  }
}

std::optional<std::string> JsonDoc::first_repeated_key(Ref root) const {
  if (root == kNone) return std::nullopt;
  // The first member, in document order, whose key an earlier sibling has.
  Ref found = kNone;
  for (Ref r = root; r < nodes_[root].end && found == kNone; ++r) {
    if (!nodes_[r].member) continue;
    Ref parent = r - 1;  // the nearest node before r whose value holds r
    while (nodes_[parent].end <= r) --parent;
    for (Ref e = parent + 1; e != r && found == kNone; e = nodes_[e].end) {
      if (same_text(key(e), key(r))) found = r;
    }
  }
  if (found == kNone) return std::nullopt;
  // Its path: down from the root through the values that hold it.
  std::string path;
  for (Ref at = root; at != found;) {
    Ref c = at + 1;
    std::size_t index = 0;
    while (nodes_[c].end <= found) c = nodes_[c].end, ++index;
    if (nodes_[at].kind == JsonKind::kObject) path.append(path.empty() ? "" : ".").append(key(c));
    else path.append("[").append(std::to_string(index)).append("]");
    at = c;
  }
  return path;
}

std::optional<JsonDoc::Unread> JsonDoc::first_unread(Ref root) const {
  std::optional<Unread> out;
  if (root == kNone) return out;
  // Most requests have no stray member: one pass over the nodes says so.
  bool any = false;
  for (Ref c = root + 1; c < nodes_[root].end && !any; ++c) {
    any = nodes_[c].member && !nodes_[c].asked;
  }
  if (!any) return out;
  std::string path;
  walk_unread(root, path, out);
  return out;
}

std::optional<JsonDoc::Unread> JsonDoc::unread_spelling_of(Ref root, std::string_view missing) const {
  std::optional<Unread> out;
  if (root == kNone || missing.empty()) return out;
  std::string path;
  walk_unread(root, path, out, missing);
  return out;
}

}  // namespace certpolicy
