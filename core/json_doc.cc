#include "json_doc.h"

#include <algorithm>
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
struct LexerAllocator : std::allocator<T> {
  using value_type = T;
  LexerAllocator() = default;
  template <class U>
  LexerAllocator(const LexerAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  template <class U>
  struct rebind {
    using other = LexerAllocator<U>;
  };
};
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

  bool null() { return leaf(JsonKind::kNull); }
  bool boolean(bool v) {
    if (!leaf(JsonKind::kBool)) return false;
    doc_.nodes_.back().b = v;
    return true;
  }
  bool number_integer(json::number_integer_t v) {
    if (!leaf(JsonKind::kInt)) return false;
    doc_.nodes_.back().i = v;
    return true;
  }
  bool number_unsigned(json::number_unsigned_t v) {
    if (!leaf(JsonKind::kUint)) return false;
    doc_.nodes_.back().u = v;
    return true;
  }
  template <class Text>  // string_t, or std::string from nlohmann's binary readers
  bool number_float(json::number_float_t v, const Text&) {
    if (!leaf(JsonKind::kFloat)) return false;
    doc_.nodes_.back().d = v;
    return true;
  }
  bool string(json::string_t& v) {
    if (!leaf(JsonKind::kString)) return false;
    JsonDoc::Node& n = doc_.nodes_.back();
    n.str = static_cast<std::uint32_t>(doc_.pool_.size());
    n.str_len = static_cast<std::uint32_t>(v.size());
    doc_.pool_.append(v.data(), v.size());
    return true;
  }
  bool binary(json::binary_t&) { return false; }  // not produced by the JSON grammar
  bool start_object(std::size_t) { return open(JsonKind::kObject); }
  bool start_array(std::size_t) { return open(JsonKind::kArray); }
  bool key(json::string_t& k) {
    key_ = static_cast<std::uint32_t>(doc_.pool_.size());
    key_len_ = static_cast<std::uint32_t>(k.size());
    doc_.pool_.append(k.data(), k.size());
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
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

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
  bool leaf(JsonKind kind) {
    if (!room()) return false;
    add(kind);
    return true;
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
  bool ok = SaxJson::sax_parse(text.begin(), text.end(), &builder);
  if (!ok) {
    nodes_.clear();
    elements_.clear();
    pool_.clear();
  }
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
  pool_.release_above(pool_capacity_);
  reset(elements_, 64);
  reset(open_, 64);
  reset(pending_, 64);
}

JsonDoc::Ref JsonDoc::find(Ref object, std::string_view k) const {
  if (object == kNone || nodes_[object].kind != JsonKind::kObject) return kNone;
  Ref found = kNone;
  for (Ref c = object + 1; c < nodes_[object].end; c = nodes_[c].end) {
    if (same_text(key(c), k)) found = c;
  }
  return found;
}

JsonDoc::Ref JsonDoc::element(Ref array, std::size_t k) const {
  if (array == kNone || nodes_[array].kind != JsonKind::kArray || k >= nodes_[array].count) return kNone;
  return elements_[nodes_[array].first_element + k];
}

std::vector<std::pair<std::string_view, JsonDoc::Ref>> JsonDoc::members(Ref object) const {
  std::vector<std::pair<std::string_view, Ref>> out;
  if (object == kNone || nodes_[object].kind != JsonKind::kObject) return out;
  for (Ref c = object + 1; c < nodes_[object].end; c = nodes_[c].end) out.emplace_back(key(c), c);
  // Sorted by key; of a repeated key the last one stays.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::string_view, Ref>> unique;
  for (size_t k = 0; k < out.size(); ++k) {
    if (k + 1 < out.size() && out[k + 1].first == out[k].first) continue;
    unique.push_back(out[k]);
  }
  return unique;
}

}  // namespace certpolicy
