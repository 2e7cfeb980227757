// The WebAssembly face of the core, per request. embind, the project's
// binding library, builds the engine object (raw_engine.cc: policy, errors,
// address); the calls on the hot path are plain C exports here: evaluate / evaluate_many through
// buffers this file keeps, and the exam-order fast path. They stay plain
// because embind cost more than 5 % on a user-visible figure in one A/B run
// (15 interleaved rounds, Node, docs/DESIGN.md "Byte helpers and the wasm
// boundary"): the request and answer as std::string made `evaluate` 1.6-1.8x
// slower and `evaluateMany` 35 % slower; as a typed_memory_view in and out
// (the answer still UTF-16) `evaluate` 12-24 % slower. engine.js turns the
// exports into the idiomatic `createEngine` API.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <malloc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <memory>
#include <string>

#include "engine.h"
#include "json/bytes.h"
#include "rules/enum_names.h"
#include "rules/exam/refund.h"
#include "rules/policy_model.h"

// The exam-order fast path as a plain export (no embind marshalling on the
// hot path): bit 0 refund, 1 change, 2 cancel, 3 book, 4 decided (0: an
// input the JSON entry would refuse, every flag with it). Arguments as
// Engine::decide_exam_order.
extern "C" EMSCRIPTEN_KEEPALIVE int certpolicy_decide_exam_order(const certpolicy::Engine* engine, double paid_at_ms,
                                                                 double now_ms, double exam_at_ms, int status,
                                                                 int flow, int refunded, int platform_fault,
                                                                 int certification) {
  if (engine == nullptr) return 0;
  auto f = engine->decide_exam_order(paid_at_ms, now_ms, exam_at_ms, status, flow, refunded != 0, platform_fault,
                                     certification);
  return (f.refund ? 1 : 0) | (f.change ? 2 : 0) | (f.cancel ? 4 : 0) | (f.book ? 8 : 0) | (f.decided ? 16 : 0);
}

// evaluate / evaluate_many as plain exports. JS writes the request's UTF-8
// into the input buffer (certpolicy_input), calls certpolicy_evaluate, and
// decodes the answer in place with one call: as UTF-8 (certpolicy_result_data,
// the returned length in bytes) or, up to the size JS asks for, as UTF-16
// (certpolicy_result_utf16), which V8 decodes and then parses faster than
// UTF-8 text with many CJK characters.
// The buffers are reused between calls and go back to their base size after
// a large one, so memory in use stays flat.
namespace {

constexpr std::size_t kBaseCapacity = 16 * 1024;

struct Buffers {
  certpolicy::TextOut input{kBaseCapacity}, result{kBaseCapacity};
  // The last answer as UTF-16 (never more code units than bytes).
  certpolicy::TextOut utf16{2 * kBaseCapacity};
};
Buffers& buffers() {
  static Buffers b;
  return b;
}

}  // namespace

// The most bytes of request text the engine reads (more is refused as
// TOO_LARGE): JS copies at most this many plus one character, so an absurdly
// long text never needs an absurd buffer and still gets the same answer.
extern "C" EMSCRIPTEN_KEEPALIVE double certpolicy_max_bytes(int many) {
  return static_cast<double>(many ? certpolicy::kMaxBatchBytes : certpolicy::kMaxRequestBytes);
}

// The most requests a batch may hold: JS counts an array before writing its
// text (a sparse array or a Proxy may claim any length).
extern "C" EMSCRIPTEN_KEEPALIVE double certpolicy_max_requests() {
  return static_cast<double>(certpolicy::kMaxBatchItems);
}

// A buffer of `n` bytes for the next request's text (not zero-filled: JS
// writes the text, and certpolicy_evaluate reads only what was written).
extern "C" EMSCRIPTEN_KEEPALIVE char* certpolicy_input(std::size_t n) {
  certpolicy::TextOut& input = buffers().input;
  input.clear();
  return input.extend(n);
}
extern "C" EMSCRIPTEN_KEEPALIVE const char* certpolicy_result_data() { return buffers().result.data(); }
// The last answer as UTF-16 when it is at most `max_bytes` long; returns its
// length in code units (at certpolicy_result_utf16_data), or 0 for a longer
// answer, which JS then decodes as UTF-8 (answers are never empty).
extern "C" EMSCRIPTEN_KEEPALIVE std::size_t certpolicy_result_utf16(std::size_t max_bytes) {
  Buffers& b = buffers();
  if (b.result.size() > max_bytes) return 0;
  b.utf16.clear();
  // malloc'd storage, suitably aligned: char16_t units are written into it.
  auto* units = reinterpret_cast<char16_t*>(b.utf16.extend(2 * b.result.size()));
  return certpolicy::utf8_to_utf16(b.result.view(), units);
}
// Where certpolicy_result_utf16 wrote (ask after each call: it may move).
extern "C" EMSCRIPTEN_KEEPALIVE const char16_t* certpolicy_result_utf16_data() {
  return reinterpret_cast<const char16_t*>(buffers().utf16.data());
}
// Called once JS has decoded the answer: buffers back to their base size.
extern "C" EMSCRIPTEN_KEEPALIVE void certpolicy_result_release() {
  Buffers& b = buffers();
  b.input.release_above(kBaseCapacity);
  b.result.release_above(kBaseCapacity);
  b.utf16.release_above(2 * kBaseCapacity);
}
// Decides the request of `length` bytes in the input buffer; returns the
// answer's length in bytes. `at_ms`: the page's clock, for a request that
// does not say when it is decided (NaN: none).
extern "C" EMSCRIPTEN_KEEPALIVE std::size_t certpolicy_evaluate(const certpolicy::Engine* engine, std::size_t length,
                                                                int many, double at_ms) {
  Buffers& b = buffers();
  if (engine == nullptr || length > b.input.size()) return 0;
  std::string_view in(b.input.data(), length);  // JS wrote these bytes
  const auto at = certpolicy::instant_from_ms(at_ms);
  if (many) engine->evaluate_many_into(in, b.result, certpolicy::kMaxBatchAnswerBytes, at);
  else engine->evaluate_into(in, b.result, at);
  return b.result.size();
}

// A batch JS counted past certpolicy_max_requests: its TOO_MANY failure, in
// the locale named by the tag of `length` bytes JS wrote to the input buffer
// (its first request's "locale"); returns the answer's length in bytes.
extern "C" EMSCRIPTEN_KEEPALIVE std::size_t certpolicy_refuse_count(std::size_t length) {
  Buffers& b = buffers();
  if (length > b.input.size()) return 0;
  certpolicy::Engine::refuse_count(std::string_view(b.input.data(), length), b.result);
  return b.result.size();
}

// Bytes of the heap in use (dlmalloc's mallinfo), for leak checks.
extern "C" EMSCRIPTEN_KEEPALIVE double certpolicy_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

namespace {

// An enum registered once, from its wire-name table (rules/enum_names.h):
// Module[js_name][wire name].value is the number the plain exports take, so
// engine.js reads the numbering instead of mirroring it.
template <class E>
void register_names(const char* js_name) {
  emscripten::enum_<E> e(js_name);
  const auto& names = certpolicy::EnumNames<E>::names;
  for (std::size_t k = 0; k < names.size(); ++k) e.value(names[k].data(), static_cast<E>(k));
}

}  // namespace

EMSCRIPTEN_BINDINGS(certpolicy_enums) {
  // The exam-order fast path's inputs (certpolicy_decide_exam_order).
  register_names<certpolicy::BookingStatus>("BookingStatus");
  register_names<certpolicy::Flow>("Flow");
  register_names<certpolicy::PlatformFault>("PlatformFault");
  // (RawEngine, the engine object, is registered in raw_engine.cc.)
}
