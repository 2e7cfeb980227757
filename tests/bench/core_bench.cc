// Google Benchmark: the core decisions without JSON, and the JSON entry point
// per request type. Figures go to docs/PERFORMANCE.md; nothing is asserted.
//   build/native/tests/core_bench [--benchmark_filter=…]
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "rules/exam/booking_times.h"
#include "rules/certs/certificate.h"
#include "engine.h"
#include "rules/codes/exam_code.h"
#include "rules/exam/money.h"
#include "rules/exam/order_validity.h"
#include "rules/exam/refund.h"
#include "rules/training/training.h"

namespace certpolicy {
namespace {

const Engine& engine() {
  static const std::unique_ptr<Engine> e = [] {
    std::string error;
    return Engine::create("", error);
  }();
  return *e;
}

Instant at(const char* s) { return *parse_instant(s).value; }

void BM_ParseInstant(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_instant("2026-11-26T10:00:00.250+09:00"));
}
BENCHMARK(BM_ParseInstant);

void BM_FormatInstant(benchmark::State& state) {
  const FixedZone& zone = engine().policy().zone;
  Instant i = at("2026-11-26T10:00:00Z");
  for (auto _ : state) benchmark::DoNotOptimize(zone.format(i));
}
BENCHMARK(BM_FormatInstant);

void BM_DecideRefund_EXO4(benchmark::State& state) {
  RefundInput in{at("2026-11-21T10:00:00+08:00"), at("2026-11-26T10:00:00+08:00"), BookingStatus::kNone, false,
                 PlatformFault::kNone};
  Elapsed window = engine().policy().exam_order.refund_window;
  for (auto _ : state) benchmark::DoNotOptimize(decide_refund(in, window));
}
BENCHMARK(BM_DecideRefund_EXO4);

void BM_DecideBooking_EXO5to8(benchmark::State& state) {
  const Policy& p = engine().policy();
  BookingInput in{Flow::kPurchaseThenBook, BookingStatus::kBooked, at("2026-12-10T09:00:00+08:00"),
                  ExamKind::kTheory, at("2026-12-07T09:00:00+08:00"), false, CivilDate::from_ymd(2027, 11, 21)};
  for (auto _ : state) benchmark::DoNotOptimize(decide_booking(in, p.exam_order, p.zone));
}
BENCHMARK(BM_DecideBooking_EXO5to8);

void BM_DecideValidity_EXO2_3(benchmark::State& state) {
  const ExamOrderPolicy& p = engine().policy().exam_order;
  CivilDate paid = CivilDate::from_ymd(2024, 2, 29), today = CivilDate::from_ymd(2025, 1, 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(decide_validity(paid, today, p.flow(Flow::kPurchaseThenBook).validity, p.reminder_days));
  }
}
BENCHMARK(BM_DecideValidity_EXO2_3);

void BM_SplitRefund_EXO10(benchmark::State& state) {
  std::vector<Payment> pays = {{"online", 30000, true}, {"voucher", 5000, false}, {"balance", 10001, true}};
  for (auto _ : state) benchmark::DoNotOptimize(split_refund(pays, true));
}
BENCHMARK(BM_SplitRefund_EXO10);

void BM_CountWorkingDays_CAL3(benchmark::State& state) {
  const WorkCalendar& cal = engine().policy().calendar;
  CivilDate from = CivilDate::from_ymd(2026, 9, 20), to = CivilDate::from_ymd(2026, 10, 12);
  for (auto _ : state) benchmark::DoNotOptimize(cal.count_working_days(from, to));
}
BENCHMARK(BM_CountWorkingDays_CAL3);

void BM_DecideTraining_TRN(benchmark::State& state) {
  const Policy& p = engine().policy();
  TrainingInput in{CivilDate::from_ymd(2026, 9, 20), CivilDate::from_ymd(2026, 10, 12), 358000,
                   ClassStatus::kOpen, false, false};
  for (auto _ : state) benchmark::DoNotOptimize(decide_training(in, p.training, p.calendar));
}
BENCHMARK(BM_DecideTraining_TRN);

void BM_DecideCertificate_CRT(benchmark::State& state) {
  const CertificatePolicy& p = engine().policy().certificate;
  std::vector<CivilDate> passes = {CivilDate::from_ymd(2024, 2, 29), CivilDate::from_ymd(2025, 1, 10)};
  CivilDate today = CivilDate::from_ymd(2026, 10, 12);
  for (auto _ : state) benchmark::DoNotOptimize(decide_certificate(passes, today, p, 3));
}
BENCHMARK(BM_DecideCertificate_CRT);

void BM_DecideCodeAction_COD(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(decide_code_action(CodeState::kBound, false, CodeAction::kUnbind));
}
BENCHMARK(BM_DecideCodeAction_COD);

// The JSON entry point, one request type at a time.
const char* const kRequests[] = {
    R"({"type":"exam_order","now":"2026-11-26T10:00:00+08:00","order":{"paid_at":"2026-11-21T10:00:00+08:00","payments":[{"method":"online","amount_fen":30000},{"method":"voucher","amount_fen":5000}],"booking":{"exam_at":"2026-12-10T09:00:00+08:00","status":"booked"}}})",
    R"({"type":"working_days","from":"2026-09-20","to":"2026-10-12"})",
    R"({"type":"booking_form","exam_at":"2026-12-10T09:00:00+08:00","form":{"id_type":"cn_id_card","id_number":"11010519491231002X","id_valid_until":"2030-01-01","surname":"张","given_name":"三","phone":"13800138000","email":"a@example.com","email_confirm":"a@example.com"}})",
    R"({"type":"training","now":"2026-09-20T10:00:00+08:00","enrolment":{"class_start":"2026-10-12","paid_fen":358000,"class_status":"open"}})",
    R"({"type":"certificate","now":"2026-10-12T10:00:00+08:00","passes":[{"published_on":"2025-01-10"}],"level":"TCP"})",
    R"({"type":"exam_code","now":"2025-01-15T10:00:00+08:00","order":{"paid_at":"2024-08-29T17:54:01+08:00"},"code":{"state":"bound"},"action":"unbind"})",
    R"({"type":"certification","now":"2024-09-19T12:00:00+08:00","id":"cloud-architecture-engineer"})",
};
const char* const kNames[] = {"exam_order", "working_days", "booking_form", "training", "certificate", "exam_code", "certification"};

void BM_Evaluate(benchmark::State& state) {
  const char* request = kRequests[state.range(0)];
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) benchmark::DoNotOptimize(engine().evaluate(request));
}
BENCHMARK(BM_Evaluate)->DenseRange(0, 6);

void BM_EvaluateMany_ExamCode(benchmark::State& state) {
  std::string batch = "[";
  for (int k = 0; k < state.range(0); ++k) {
    if (k) batch += ',';
    batch += kRequests[5];
  }
  batch += ']';
  for (auto _ : state) benchmark::DoNotOptimize(engine().evaluate_many(batch));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateMany_ExamCode)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace certpolicy

BENCHMARK_MAIN();
