# Writes a C++ source defining `const std::string& FUNC()` that returns the
# contents of INPUT. Run as: cmake -DINPUT=… -DOUTPUT=… -DFUNC=… -P embed.cmake
file(READ "${INPUT}" CONTENT)
string(FIND "${CONTENT}" ")certpolicy_embed\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by core/policy/embed.cmake. Do not edit.\n#include <string>\nnamespace certpolicy {\nconst std::string& ${FUNC}() {\n  static const std::string text = R\"certpolicy_embed(${CONTENT})certpolicy_embed\";\n  return text;\n}\n}  // namespace certpolicy\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
