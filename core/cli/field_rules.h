// Decides which rule an answer's field belongs to (docs/RULES.md), so that a
// changed decision is counted under a rule even when no reason of it changed
// (a reminder date moved, a result time, a catalogue name).
//
//   field_rule("exam_order", "order.reminders")        == "EXO-3"
//   field_rule("catalogue", "certifications[].status")  == "CAT-2"
//   field_rule("exam_order", "no.such.field")           == ""
#pragma once

#include <string>
#include <string_view>

namespace certpolicy::cli {

// The rule of `path` (dotted keys; "[]" for an element of a list) in an
// answer of `type`; "" when the map has none (a gap the tests look for).
std::string_view field_rule(std::string_view type, std::string_view path);
// The rule of an exam order's timeline point by its key ("refund_deadline"
// → "EXO-4"); "" for a key the map does not know.
std::string_view timeline_point_rule(std::string_view key);

}  // namespace certpolicy::cli
