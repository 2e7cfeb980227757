// libFuzzer target on the JSON entry point: the same Engine::evaluate and
// Engine::evaluate_many the CLI and the WebAssembly binding call.
// Every answer must be valid JSON with a boolean "ok" (or an array of them).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine.h"

namespace {

const certpolicy::Engine& engine() {
  static const std::unique_ptr<certpolicy::Engine> e = [] {
    std::string error;
    auto made = certpolicy::Engine::create("", error);
    if (!made) std::abort();
    return made;
  }();
  return *e;
}

void check(const std::string& out) {
  auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded()) std::abort();
  auto ok = [](const nlohmann::json& r) { return r.is_object() && r.contains("ok") && r["ok"].is_boolean(); };
  if (j.is_array()) {
    for (const auto& r : j) {
      if (!ok(r)) std::abort();
    }
  } else if (!ok(j)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check(engine().evaluate(text));
  // Also as a batch of one, and as a policy patch (validation must not crash).
  check(engine().evaluate_many("[" + std::string(text) + "]"));
  // One input in eight (building an engine parses the whole default policy).
  if (size < 4096 && size % 8 == 0) {
    std::string error;
    auto patched = certpolicy::Engine::create(text, error);
    if (!patched && error.empty()) std::abort();
  }
  return 0;
}
