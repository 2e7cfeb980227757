// embind exports of the core: raw string-in/string-out functions only.
// wasm/index.js turns them into the idiomatic `createEngine` API.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "engine.h"

namespace {

class RawEngine {
 public:
  explicit RawEngine(const std::string& policy_patch)
      : engine_(certpolicy::Engine::create(policy_patch, error_)) {}

  // "" when the engine was built, else the INVALID_POLICY failure envelope.
  std::string error() const { return error_; }
  std::string policy_version() const { return engine_ ? engine_->policy_version() : ""; }
  std::string evaluate(const std::string& request) const {
    return engine_ ? engine_->evaluate(request) : error_;
  }
  std::string evaluate_many(const std::string& requests) const {
    return engine_ ? engine_->evaluate_many(requests) : error_;
  }

 private:
  std::string error_;
  std::unique_ptr<certpolicy::Engine> engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(certpolicy) {
  emscripten::class_<RawEngine>("RawEngine")
      .constructor<const std::string&>()
      .function("error", &RawEngine::error)
      .function("policyVersion", &RawEngine::policy_version)
      .function("evaluate", &RawEngine::evaluate)
      .function("evaluateMany", &RawEngine::evaluate_many);
}
