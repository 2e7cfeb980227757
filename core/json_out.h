// Writing results as JSON text, compact, keys in the order of the json
// object (sorted). Faster than nlohmann's dump: strings are copied as they
// are except for the characters JSON must escape, since every string in a
// result is valid UTF-8 already (the parser rejects invalid input, and the
// engine's own text is UTF-8). Numbers that are not integers use nlohmann's
// shortest round-trip form, so native and WebAssembly write the same bytes.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace certpolicy {

void write_json(const nlohmann::json& j, std::string& out);
// One JSON string (quoted and escaped).
void write_json_string(std::string_view s, std::string& out);
// A member's key: the quoted string and ':'.
void write_json_key(std::string_view key, std::string& out);

}  // namespace certpolicy
