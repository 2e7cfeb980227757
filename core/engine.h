// The JSON entry point: the one function the CLI, the WebAssembly binding and
// the fuzzer call. Evaluation always decides: a request either gets a result
//   {"ok": true, "type": "exam_order", ..., "reasons": [{code, rule, message}]}
// or a structured error naming the field
//   {"ok": false, "error": {"code": "INVALID_REQUEST", "detail": "IMPOSSIBLE_DATE",
//                           "path": "order.paid_at", "expected": "rfc3339_instant",
//                           "message": "…"}}
// Nothing throws; nothing aborts; the engine is immutable and keeps working
// after any input.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "json/json_in.h"
#include "json/json_out.h"
#include "policy/policy.h"
#include "policy/schedule.h"

namespace certpolicy {

// Limits on one call's input. A request over kMaxRequestBytes is refused
// inside a batch too (that element only). Refusals for a limit are said in
// the locale the (first) request names, read from the text.
inline constexpr size_t kMaxRequestBytes = 1 << 20;        // evaluate
// evaluate_many: 64 MiB is ~400 000 exam-code requests. (At 256 MiB one
// string filled the wasm heap to 1.2 GiB while being parsed.)
inline constexpr size_t kMaxBatchBytes = 64u << 20;
inline constexpr size_t kMaxBatchItems = 2'000'000;
// What a batch may take in memory (the wasm heap is at most 2 GiB): the
// values of its parsed text (~40 bytes each) and the bytes of its answers.
// Past either, the batch is refused as TOO_LARGE (split it), never aborted.
inline constexpr size_t kMaxBatchValues = 6'000'000;
inline constexpr size_t kMaxBatchAnswerBytes = size_t{384} << 20;
inline constexpr int kMaxDepth = 32;
// A policy patch: the whole default policy is ~20 KB. (Read as nlohmann's tree
// for merge_patch, so this bounds that tree's memory too: a 60 MB patch
// aborted the wasm module before.)
inline constexpr size_t kMaxPolicyBytes = 1 << 20;

// A failure envelope, keys sorted:
// {"error":{"code","column"?,"detail","expected","line"?,"message","path"},"ok":false}
// (column and line only for a place in a policy text).
void write_error_envelope(TextOut& out, std::string_view code, const FieldIssue& issue, std::string_view message,
                          SourceSpot spot = {});

class Engine {
 public:
  // Builds an engine from the embedded default policy, patched by
  // `policy_patch` (a JSON object, RFC 7386 merge patch, or a file of dated
  // changes, policy/schedule.h; empty = none).
  // On failure `error` holds the failure envelope (code INVALID_POLICY, with
  // `line` and `column` when the failure is one place of the text) and the
  // returned engine is null.
  static std::unique_ptr<Engine> create(std::string_view policy_patch, std::string& error);
  // The same for the site's published policy file, read as the pages read it
  // (PolicyMode::kPublished: the raw bytes; its own version; nothing a merge
  // patch would silently lose).
  static std::unique_ptr<Engine> publish(std::string_view file, std::string& error);

  // `at`: when the decision is made, for a request that does not say
  // (`now` is optional on working_day, working_days, booking_form and
  // contacts): the host's clock. It matters only when the policy has dated
  // changes; the engine itself never reads a clock (TIM-3).
  std::string evaluate(std::string_view request_json, std::optional<Instant> at = {}) const;
  // A JSON array of requests in, a JSON array of results out (same order).
  std::string evaluate_many(std::string_view requests_json, std::optional<Instant> at = {}) const;
  // The same, written into `out` (replacing its content, keeping its
  // capacity): for callers that reuse one buffer.
  void evaluate_into(std::string_view request_json, TextOut& out, std::optional<Instant> at = {}) const;
  void evaluate_many_into(std::string_view requests_json, TextOut& out,
                          size_t max_answer_bytes = kMaxBatchAnswerBytes, std::optional<Instant> at = {}) const;
  // The answer to a batch of more than kMaxBatchItems requests, for a caller
  // that counts its batch before writing its text (the JS package, whose
  // arrays may be sparse or Proxies claiming any length): the TOO_MANY
  // failure evaluate_many gives such a batch, said in the locale that
  // `locale_tag` names (the first request's "locale"; "" for none → zh-CN).
  static void refuse_count(std::string_view locale_tag, TextOut& out);


  // The typed fast path for the hottest decisions (EXO-4 refund, EXO-5
  // change/cancel, EXO-2/CAT-2 booking): numbers in, flags out, no JSON. The
  // same composition as `exam_order` (rules/exam/exam_order.h). Instants are
  // milliseconds since the Unix epoch, accepted in the one range of every
  // input (kMinInstant … kMaxInstant, civil_time.h); `exam_at_ms` is ignored
  // when `booking_status` is BookingStatus::kNone, and may be NaN (not given) for kCancelled. booking_status, flow and
  // platform_fault are the value's number in its wire-name table
  // (EnumNames<BookingStatus>, <Flow>, <PlatformFault>; the wasm binding
  // registers those tables, engine.js reads the numbers from the module; a
  // flow below 0 is the policy's default flow, as an order without `flow`); a
  // centre unavailable goes only with a booked exam; certification: the index
  // of the catalogue entry (the order of the `catalogue` answer), -1 for none.
  // `decided` is false, and every flag with it, for an input the JSON entry
  // would refuse.
  struct ExamOrderFlags {
    bool decided = false;
    bool refund = false, change = false, cancel = false, book = false;
  };
  ExamOrderFlags decide_exam_order(double paid_at_ms, double now_ms, double exam_at_ms, int booking_status, int flow,
                                   bool refunded, int platform_fault, int certification) const;

  // The policy without any dated change (the only one when there is none).
  const Policy& policy() const { return schedule_->first(); }
  const Schedule& schedule() const { return *schedule_; }
  const std::string& policy_version() const { return schedule_->version(); }

 private:
  explicit Engine(std::shared_ptr<const Schedule> s) : schedule_(std::move(s)) {}
  static std::unique_ptr<Engine> from(std::shared_ptr<const Schedule> schedule, const std::string& error);
  // The file read, or null and the INVALID_POLICY envelope in `error`.
  static std::shared_ptr<const Schedule> read(std::string_view text, PolicyMode mode, std::string& error);
  // The policy that decides `request`: the one in force at its moments.
  const Policy* policy_for(const JsonIn& request, bool now_optional, const char* paid_in, std::optional<Instant> at,
                           Issues& issues) const;
  // Decides one parsed request and appends its result text to `out`.
  void write_result(const JsonIn& request, TextOut& out, std::optional<Instant> at) const;
  std::shared_ptr<const Schedule> schedule_;
};

}  // namespace certpolicy
