// Writing JSON strings: quoted, with only JSON's own escapes, since every
// string in a result is valid UTF-8 already (the parser rejects invalid input,
// and the engine's own text is UTF-8). The rest of a result is written by
// Fields::write (fields.h) and the envelope by engine.cc.
#pragma once

#include <string>
#include <string_view>

namespace certpolicy {

// One JSON string (quoted and escaped).
void write_json_string(std::string_view s, std::string& out);
// A member's key: the quoted string and ':'.
void write_json_key(std::string_view key, std::string& out);

}  // namespace certpolicy
