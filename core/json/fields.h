// The fields of a result, built by a handler and written once as JSON text.
//
// A small tree held flat (a vector of nodes and one pool of text): putting a
// value costs no allocation of its own, dates and instants are formatted
// straight into the pool, and an object's members are kept in key order as
// they are put, so it is written with sorted keys whatever order the handler
// put them in. The sentences (messages.h) read
// the same tree by dotted path.
//
//   Fields f;
//   Fields::Object order = f.root().object("order");
//   order.put("valid_until", validity.valid_until)        // "2027-11-21"
//        .put("expired", false);
//   order.array("reminders").push(CivilDate::from_ymd(2027, 8, 23));
//   f.root().put("deadline", Value(refund.deadline, zone)); // "2026-11-26T10:00:00+08:00"
//   f.write(f.root().ref(), out);  // {"deadline":"…","order":{"expired":false,"reminders":[…],…}}
//
// Putting a key twice replaces the earlier value (the last one is written).
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_time.h"
#include "json/json_out.h"

namespace certpolicy {

// One scalar to put: null, a boolean, an integer, a number, text, a date or
// an instant in a zone. Text is copied when put, so a temporary is fine.
class Value {
 public:
  enum class Kind : std::uint8_t { kNull, kBool, kInt, kFloat, kString, kDate, kInstant };

  Value(std::nullptr_t) {}  // NOLINT(google-explicit-constructor): reads like JSON
  Value(bool b) : kind_(Kind::kBool), b_(b) {}  // NOLINT
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Value(T i) : kind_(Kind::kInt), i_(static_cast<std::int64_t>(i)) {}  // NOLINT
  Value(double d) : kind_(Kind::kFloat), d_(d) {}  // NOLINT
  Value(std::string_view s) : kind_(Kind::kString), s_(s) {}  // NOLINT
  Value(const char* s) : kind_(Kind::kString), s_(s) {}  // NOLINT
  Value(const std::string& s) : kind_(Kind::kString), s_(s) {}  // NOLINT
  Value(CivilDate d) : kind_(Kind::kDate), date_(d) {}  // NOLINT
  // A missing date is null.
  Value(const std::optional<CivilDate>& d) : kind_(d ? Kind::kDate : Kind::kNull), date_(d.value_or(CivilDate())) {}  // NOLINT
  // An instant written in `zone` (RFC 3339); a missing one is null.
  Value(Instant i, const FixedZone& zone) : kind_(Kind::kInstant), instant_(i), zone_(&zone) {}
  Value(const std::optional<Instant>& i, const FixedZone& zone)
      : kind_(i ? Kind::kInstant : Kind::kNull), instant_(i.value_or(Instant())), zone_(&zone) {}
  // Text, or null when it is empty.
  static Value or_null(std::string_view s) { return s.empty() ? Value(nullptr) : Value(s); }

 private:
  friend class Fields;
  Kind kind_ = Kind::kNull;
  bool b_ = false;
  std::int64_t i_ = 0;
  double d_ = 0;
  std::string_view s_;
  CivilDate date_;
  Instant instant_;
  const FixedZone* zone_ = nullptr;
};

class Fields {
 public:
  using Ref = std::uint32_t;
  static constexpr Ref kNone = 0xFFFFFFFFu;
  // A date and an instant keep their kind (written as RFC 3339 text), so the
  // sentences know an instant by its type, never by the shape of a string.
  enum class Kind : std::uint8_t { kNull, kBool, kInt, kFloat, kString, kDate, kInstant, kArray, kObject };

  class Array;
  // A handle on an object in the tree (valid as long as the Fields).
  class Object {
   public:
    Object& put(std::string_view key, const Value& v);
    Object object(std::string_view key);
    Array array(std::string_view key);
    Ref ref() const { return ref_; }

   private:
    friend class Fields;
    Object(Fields* f, Ref r) : f_(f), ref_(r) {}
    Fields* f_;
    Ref ref_;
  };
  class Array {
   public:
    Array& push(const Value& v);
    Object object();
    Ref ref() const { return ref_; }

   private:
    friend class Fields;
    Array(Fields* f, Ref r) : f_(f), ref_(r) {}
    Fields* f_;
    Ref ref_;
  };

  Fields();
  Object root() { return Object(this, 0); }

  // Reading back (for the sentences): the node at a dotted path below
  // `from` ("refund.deadline"), or kNone.
  Ref find(std::string_view dotted, Ref from = 0) const;
  Kind kind(Ref r) const { return nodes_[r].kind; }
  std::int64_t int_value(Ref r) const { return nodes_[r].i; }
  // The text of a string, a date ("2026-11-30") or an instant ("2026-11-30T10:00:00+08:00").
  std::string_view string(Ref r) const { return text(nodes_[r].str, nodes_[r].str_len); }

  // JSON text of a value; objects with sorted keys.
  void write(Ref r, TextOut& out) const;
  // Calls `f(member)` for each member of an object, in key order (the order
  // `write` writes them; members are kept sorted as they are put).
  template <class F>
  void for_each_sorted(Ref object, F&& f) const {
    for (Ref c = nodes_[object].first; c != kNone; c = nodes_[c].next) f(c);
  }
  std::string_view key(Ref r) const { return text(nodes_[r].key, nodes_[r].key_len); }
  // `"key":` of a member.
  void write_key(Ref r, TextOut& out) const { write_json_key(key(r), out); }

 private:
  struct Node {
    Kind kind = Kind::kNull;
    bool b = false;
    std::uint32_t key = 0, key_len = 0;
    std::uint32_t str = 0, str_len = 0;
    Ref first = kNone, last = kNone, next = kNone;  // children: an object's by key, an array's in order
    union {
      std::int64_t i = 0;
      double d;
    };
  };
  std::string_view text(std::uint32_t at, std::uint32_t len) const { return {pool_.data() + at, len}; }
  // The member of `object` named `key`, or kNone.
  Ref child(Ref object, std::string_view key) const;
  // The child of `object` named `key` (reset to an empty `kind`), or a new
  // one in its place in key order.
  Ref member(Ref object, std::string_view key, Kind kind = Kind::kNull);
  // A new last child of `parent` (an array's element).
  Ref append(Ref parent, Kind kind = Kind::kNull);
  void assign(Ref r, const Value& v);

  std::vector<Node> nodes_;
  TextOut pool_{1024};
};

}  // namespace certpolicy
