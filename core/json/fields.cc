// Result fields: the small flat tree a handler fills, written once with
// sorted keys.
#include "json/fields.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "json/json_out.h"

namespace certpolicy {

Fields::Fields() {
  nodes_.reserve(64);
  nodes_.emplace_back().kind = Kind::kObject;
}

Fields::Ref Fields::append(Ref parent, Kind kind) {
  auto r = static_cast<Ref>(nodes_.size());
  nodes_.emplace_back().kind = kind;
  Node& p = nodes_[parent];
  if (p.last == kNone) p.first = r;
  else nodes_[p.last].next = r;
  p.last = r;
  return r;
}

Fields::Ref Fields::child(Ref object, std::string_view k) const {
  for (Ref c = nodes_[object].first; c != kNone; c = nodes_[c].next) {
    if (same_text(key(c), k)) return c;
  }
  return kNone;
}

Fields::Ref Fields::member(Ref object, std::string_view k, Kind kind) {
  Ref before = kNone, after = nodes_[object].first;  // the new member goes between
  for (; after != kNone; before = after, after = nodes_[after].next) {
    const int order = key(after).compare(k);
    if (order > 0) break;
    if (order == 0) {
      Node& n = nodes_[after];
      n.kind = kind;
      n.first = n.last = kNone;  // an earlier subtree is dropped
      return after;
    }
  }
  auto r = static_cast<Ref>(nodes_.size());
  Node& n = nodes_.emplace_back();
  n.kind = kind;
  n.key = static_cast<std::uint32_t>(pool_.size());
  n.key_len = static_cast<std::uint32_t>(k.size());
  n.next = after;
  pool_ += k;
  (before == kNone ? nodes_[object].first : nodes_[before].next) = r;
  return r;
}

void Fields::assign(Ref r, const Value& v) {
  auto at = static_cast<std::uint32_t>(pool_.size());
  Node& n = nodes_[r];
  Kind text_kind = Kind::kString;
  switch (v.kind_) {
    case Value::Kind::kNull: n.kind = Kind::kNull; return;
    case Value::Kind::kBool: n.kind = Kind::kBool; n.b = v.b_; return;
    case Value::Kind::kInt: n.kind = Kind::kInt; n.i = v.i_; return;
    case Value::Kind::kFloat: n.kind = Kind::kFloat; n.d = v.d_; return;
    case Value::Kind::kString: pool_ += v.s_; break;
    case Value::Kind::kDate: put_date(pool_.extend(kDateChars), v.date_); text_kind = Kind::kDate; break;
    case Value::Kind::kInstant: {
      // Written in place: room for the longest instant, the rest given back.
      char* room = pool_.extend(FixedZone::kMaxInstantChars);
      pool_.drop_last(FixedZone::kMaxInstantChars - static_cast<size_t>(v.zone_->put(room, v.instant_) - room));
      text_kind = Kind::kInstant;
      break;
    }
  }
  Node& s = nodes_[r];
  s.kind = text_kind;
  s.str = at;
  s.str_len = static_cast<std::uint32_t>(pool_.size() - at);
}

Fields::Object& Fields::Object::put(std::string_view key, const Value& v) {
  f_->assign(f_->member(ref_, key), v);
  return *this;
}

Fields::Object Fields::Object::object(std::string_view key) {
  return Object(f_, f_->member(ref_, key, Kind::kObject));
}

Fields::Array Fields::Object::array(std::string_view key) {
  return Array(f_, f_->member(ref_, key, Kind::kArray));
}

Fields::Array& Fields::Array::push(const Value& v) {
  f_->assign(f_->append(ref_), v);
  return *this;
}

Fields::Object Fields::Array::object() { return Object(f_, f_->append(ref_, Kind::kObject)); }

Fields::Ref Fields::find(std::string_view dotted, Ref from) const {
  Ref node = from;
  while (!dotted.empty()) {
    size_t dot = dotted.find('.');
    if (nodes_[node].kind != Kind::kObject) return kNone;
    node = child(node, dotted.substr(0, dot));
    if (node == kNone) return kNone;
    dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
  }
  return node;
}

void Fields::write(Ref r, TextOut& out) const {
  const Node& n = nodes_[r];
  switch (n.kind) {
    case Kind::kNull: out += "null"; return;
    case Kind::kBool: out += n.b ? "true" : "false"; return;
    case Kind::kInt: {
      // Written in place, as an instant is: room for the longest integer, the rest given back.
      constexpr size_t kRoom = 24;
      char* room = out.extend(kRoom);
      out.drop_last(kRoom - static_cast<size_t>(std::to_chars(room, room + kRoom, n.i).ptr - room));
      return;
    }
    // nlohmann's shortest round-trip form, the same bytes natively and in wasm.
    case Kind::kFloat: out += nlohmann::json(n.d).dump(); return;
    case Kind::kString:
    case Kind::kDate:
    case Kind::kInstant: write_json_string(string(r), out); return;
    case Kind::kArray: {
      out.push_back('[');
      for (Ref c = n.first; c != kNone; c = nodes_[c].next) {
        if (c != n.first) out.push_back(',');
        write(c, out);
      }
      out.push_back(']');
      return;
    }
    case Kind::kObject: {
      out.push_back('{');
      bool first = true;
      for_each_sorted(r, [&](Ref c) {
        if (!first) out.push_back(',');
        first = false;
        write_key(c, out);
        write(c, out);
      });
      out.push_back('}');
      return;
    }
  }
}

}  // namespace certpolicy
