// The engine object of the WebAssembly module (embind's RawEngine): made
// once per policy, so compiled for size; the per-request calls are the plain
// exports of bindings.cc. engine.js turns both into `createEngine`.
#include <emscripten/bind.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "engine.h"

namespace {

class RawEngine {
 public:
  // `published`: the site's policy file, its raw bytes (a Uint8Array passes
  // unchanged), read as `certpolicy eval --policy` reads it; else a patch.
  RawEngine(const std::string& policy, bool published)
      : engine_(published ? certpolicy::Engine::publish(policy, error_) : certpolicy::Engine::create(policy, error_)) {}

  // "" when the engine was built, else the INVALID_POLICY failure envelope.
  std::string error() const { return error_; }
  std::string policy_version() const { return engine_ ? engine_->policy_version() : ""; }
  // The engine's address, for the plain export below (0 when not built).
  double address() const { return static_cast<double>(reinterpret_cast<std::uintptr_t>(engine_.get())); }
  // The file's changes, as JSON text (Schedule::changes_json).
  std::string changes() const { return engine_ ? engine_->schedule().changes_json() : "[]"; }
  // The first instant after `after_ms` at which a decision may switch policy (NaN: none).
  double next_change_after(double after_ms) const {
    auto after = certpolicy::instant_from_ms(after_ms);
    auto next = engine_ && after ? engine_->schedule().next_change_after(*after) : std::nullopt;
    return next ? certpolicy::ms_of(*next) : std::numeric_limits<double>::quiet_NaN();
  }
  // The policy document in force for a decision at `decided_ms` about an order paid at `paid_ms`.
  std::string document_at(double decided_ms, double paid_ms) const {
    auto decided = certpolicy::instant_from_ms(decided_ms), paid = certpolicy::instant_from_ms(paid_ms);
    if (!engine_ || !decided) return "null";
    return engine_->schedule().document_at(*decided, paid.value_or(*decided));
  }

 private:
  std::string error_;
  std::unique_ptr<certpolicy::Engine> engine_;
};

}  // namespace


EMSCRIPTEN_BINDINGS(certpolicy) {
  emscripten::class_<RawEngine>("RawEngine")
      .constructor<const std::string&, bool>()
      .function("error", &RawEngine::error)
      .function("policyVersion", &RawEngine::policy_version)
      .function("address", &RawEngine::address)
      .function("changes", &RawEngine::changes)
      .function("nextChangeAfter", &RawEngine::next_change_after)
      .function("documentAt", &RawEngine::document_at);
}
