// The WebAssembly face of the core. embind builds an engine (RawEngine:
// policy, errors, address); the hot calls are plain C exports (evaluate,
// the EXO-4/EXO-5 fast path) so no string is marshalled byte by byte.
// wasm/index.js turns them into the idiomatic `createEngine` API.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

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
  // The engine's address, for the plain export below (0 when not built).
  double address() const { return static_cast<double>(reinterpret_cast<std::uintptr_t>(engine_.get())); }

 private:
  std::string error_;
  std::unique_ptr<certpolicy::Engine> engine_;
};

}  // namespace

// EXO-4/EXO-5 fast path as a plain export (no embind marshalling on the hot
// path): bit 0 refund, 1 change, 2 cancel, 3 book.
extern "C" EMSCRIPTEN_KEEPALIVE int certpolicy_decide_exam_order(const certpolicy::Engine* engine, double paid_at_ms,
                                                                 double now_ms, double exam_at_ms, int status,
                                                                 int flow, int refunded, int platform_fault) {
  if (engine == nullptr) return 0;
  auto f = engine->decide_exam_order(paid_at_ms, now_ms, exam_at_ms, status, flow, refunded != 0, platform_fault != 0);
  return (f.refund ? 1 : 0) | (f.change ? 2 : 0) | (f.cancel ? 4 : 0) | (f.book ? 8 : 0);
}

// evaluate / evaluate_many as plain exports: the JS layer writes the request's
// UTF-8 into a buffer from certpolicy_alloc, and decodes the result in place
// (certpolicy_result_data, the returned length) with one TextDecoder call —
// no per-byte marshalling.
namespace {
std::string g_result;  // the last result; valid until the next call
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE char* certpolicy_alloc(std::size_t n) { return static_cast<char*>(std::malloc(n)); }
extern "C" EMSCRIPTEN_KEEPALIVE void certpolicy_free(char* p) { std::free(p); }
extern "C" EMSCRIPTEN_KEEPALIVE const char* certpolicy_result_data() { return g_result.data(); }
// Frees the last result once JS has decoded it (a batch's can be large).
extern "C" EMSCRIPTEN_KEEPALIVE void certpolicy_result_release() { std::string().swap(g_result); }
extern "C" EMSCRIPTEN_KEEPALIVE std::size_t certpolicy_evaluate(const certpolicy::Engine* engine, const char* text,
                                                                std::size_t length, int many) {
  if (engine == nullptr) return 0;
  std::string_view in(text, length);
  g_result = many ? engine->evaluate_many(in) : engine->evaluate(in);
  return g_result.size();
}

// Bytes of the heap in use (dlmalloc's mallinfo), for leak checks.
extern "C" EMSCRIPTEN_KEEPALIVE double certpolicy_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

EMSCRIPTEN_BINDINGS(certpolicy) {
  emscripten::class_<RawEngine>("RawEngine")
      .constructor<const std::string&>()
      .function("error", &RawEngine::error)
      .function("policyVersion", &RawEngine::policy_version)
      .function("address", &RawEngine::address);
}
