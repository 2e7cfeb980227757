# Writes a C++ source defining `const std::string& FUNC()` that returns the
# contents of INPUT. Run as: cmake -DINPUT=… -DOUTPUT=… -DFUNC=… -P embed.cmake
file(READ "${INPUT}" CONTENT)
# The sentence catalogue is only read by the engine: its line breaks and indentation go (a JSON text has no raw
# line break inside a string, so a line break and the spaces after it are always between tokens): 0.9 KB less of
# the package's gzip (docs/PERFORMANCE.md). The default policy is embedded as written (its text is the builtin
# schedule's own, shown and compared as such).
if(INPUT MATCHES "messages\\.json$")
  string(REGEX REPLACE "\n *" "" CONTENT "${CONTENT}")
endif()
string(FIND "${CONTENT}" ")certpolicy_embed\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by core/policy/embed.cmake. Do not edit.\n#include <string>\nnamespace certpolicy {\nconst std::string& ${FUNC}() {\n  static const std::string text = R\"certpolicy_embed(${CONTENT})certpolicy_embed\";\n  return text;\n}\n}  // namespace certpolicy\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
