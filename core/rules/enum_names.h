// Decides each enum's wire names, once: the table beside the enum (an
// EnumNames specialisation) is the only place a name is written; the JSON
// readers, the writers and the wasm binding all read it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace certpolicy {

// Specialised beside each enum E whose values have wire names:
//   template <> struct EnumNames<Tone> {
//     static constexpr std::array<std::string_view, 3> names{"ok", "warn", "bad"};
//   };
// Value k (static_cast<size_t>) is named names[k]; the enum's values are
// 0 … names.size() - 1, in order.
template <class E>
struct EnumNames;

// The wire name of `e`: name_of(Tone::kWarn) == "warn".
template <class E>
constexpr std::string_view name_of(E e) {
  return EnumNames<E>::names[static_cast<std::size_t>(e)];
}

// The value whose wire name is `s`, looking from `first` on (the values
// before it have no wire form in that place, e.g. a "none" that is said by
// leaving the field out): enum_named<Tone>("warn") == Tone::kWarn;
// enum_named<Tone>("grey") == nullopt.
template <class E>
constexpr std::optional<E> enum_named(std::string_view s, E first = E{}) {
  const auto& names = EnumNames<E>::names;
  for (std::size_t k = static_cast<std::size_t>(first); k < names.size(); ++k) {
    if (names[k] == s) return static_cast<E>(k);
  }
  return std::nullopt;
}

// The value numbered `k` (as the wasm binding passes it), when E has one:
// enum_at<Tone>(2) == Tone::kBad; enum_at<Tone>(3) == nullopt.
template <class E>
constexpr std::optional<E> enum_at(int k) {
  if (k < 0 || static_cast<std::size_t>(k) >= EnumNames<E>::names.size()) return std::nullopt;
  return static_cast<E>(k);
}

}  // namespace certpolicy
