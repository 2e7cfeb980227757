// Reads an enum from a request or a policy by its wire names: the one table
// beside the enum (rules/enum_names.h), never a list written at the call.
#pragma once

#include <optional>
#include <span>

#include "json/json_in.h"
#include "rules/enum_names.h"

namespace certpolicy {

// The value of E named by the string `in`, looking from `first` on (values
// before it are not said this way, e.g. a BookingStatus "none" is said by
// leaving the booking out); `fallback` when absent, if given. Otherwise an
// issue at `in` listing the names accepted:
//   read_enum<ExamKind>(in, issues, ExamKind::kTheory, ExamKind::kTheory)
//   reads "lab" as ExamKind::kLab and an absent field as kTheory.
template <class E>
std::optional<E> read_enum(const JsonIn& in, Issues& issues, E first = E{}, std::optional<E> fallback = {}) {
  const auto& names = EnumNames<E>::names;
  const auto skip = static_cast<std::size_t>(first);
  auto k = read_choice(in, issues, std::span<const std::string_view>(names).subspan(skip),
                       fallback ? std::optional<std::size_t>(static_cast<std::size_t>(*fallback) - skip) : std::nullopt);
  if (!k) return std::nullopt;
  return static_cast<E>(*k + skip);
}

}  // namespace certpolicy
