// One exam order decided whole, the composition written once: validity
// (EXO-2, EXO-3) → the certification's lifecycle (CAT-2) → booking (EXO-1,
// EXO-5 … EXO-9) → refund (EXO-4, EXO-9, EXO-10, CAT-2) → the one story the
// card tells (states and tones for badges, the timeline, the next step).
// The `exam_order` request and the typed fast path (Engine::decide_exam_order,
// `decideExamOrder` in JS) both call decide_exam_order, so they cannot
// disagree.
//
//   ExamOrderInput in{.paid_at = paid, .now = now};
//   ExamOrderDecision d = decide_exam_order(in, policy, Detail::kFull);
//   d.refund.allowed, d.booking.can_book, d.next_step, d.timeline …
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/certs/certificate.h"
#include "rules/decision.h"
#include "rules/exam/booking_times.h"
#include "rules/exam/order_validity.h"
#include "rules/exam/refund.h"
#include "rules/policy_model.h"
#include "rules/enum_names.h"

namespace certpolicy {

struct ExamOrderInput {
  Instant paid_at;
  Instant now;
  Flow flow = Flow::kPurchaseThenBook;
  BookingStatus status = BookingStatus::kNone;
  // The booked exam's time: given for booked, taken and no_show; for a cancelled booking only if known (it
  // decides nothing then, BOOKING_CANCELLED); none without a booking.
  std::optional<Instant> exam_at;
  ExamKind kind = ExamKind::kTheory;
  bool refunded = false;
  PlatformFault fault = PlatformFault::kNone;
  const Certification* certification = nullptr;  // the catalogue entry bought, if known
  const std::vector<Payment>* payments = nullptr;  // null: not given (amount unknown)
};

// A badge's colour, decided here so that a page never infers it.
enum class Tone { kOk, kWarn, kBad };
template <>
struct EnumNames<Tone> {
  static constexpr std::array<std::string_view, 3> names{"ok", "warn", "bad"};
};

// What the booking card says (booking.state).
enum class BookingState {
  kCanBook,          // nothing booked, an exam can be booked
  kCannotBook,       // nothing booked and nothing can be (expired, exams ended)
  kBooked,           // booked, change window open
  kLocked,           // booked, change window closed, check-in ahead
  kCheckInLate,      // booked, check-in time passed, exam not started: EXO-6's reading, go now and ask the centre
  kCheckInClosed,    // booked, exam started (late under either reading), exam not over
  kAwaitingResults,  // sat (or its time passed), results not yet due at the latest
  kDone,             // results due
  kMustMove,         // booked after the last usable day, can still be moved
  kCannotBeSat,      // … and can no longer be moved
  kCentreMoving,     // EXO-9: the centre cannot hold it; the booking is being moved
  kPlatformChanged,  // EXO-9: Tencent Cloud changed its time; a refund or the nearest session, the candidate's choice
  kPlatformChangedSession,  // … and a refund would return nothing: the nearest session
  kMissed,           // no-show
  kVoid,             // the order was refunded
};
template <>
struct EnumNames<BookingState> {
  static constexpr std::array<std::string_view, 15> names{"can_book", "cannot_book", "booked", "locked", "check_in_late", "check_in_closed", "awaiting_results", "done", "must_move", "cannot_be_sat", "centre_moving", "platform_changed", "platform_changed_session", "missed", "void"};
};

struct TimelinePoint {
  std::string_view key;           // "refund_deadline", "check_in_by", "valid_until", …
  Instant at;                     // when it is reached
  std::optional<CivilDate> date;  // for a point that is a whole day (reached at its start or, for an end, its last moment)
};

enum class Detail { kFlags, kFull };  // kFlags: no reminders, timeline or certificate (the fast path)

struct ExamOrderDecision {
  OrderValidity validity;
  BookingDecision booking;
  RefundDecision refund;
  RefundSplit split;  // when payments were given
  // EXO-4, EXO-10: what would come back once the booking is cancelled (refund state cancel_booking_first,
  // payments given): the card's amount beside "refundable after cancelling", where `split` (now) is 0.
  std::optional<Fen> amount_after_cancelling;
  bool exams_over = false;  // the certification's last exam day has passed
  // EXO-3: the order's one attempt is committed to a booked session (no longer changed or cancelled, not a time
  // Tencent Cloud changed) or spent on it: the order's own last day decides nothing more.
  bool attempt_committed = false;
  BookingState booking_state = BookingState::kCanBook;
  Tone booking_tone = Tone::kOk, refund_tone = Tone::kOk;
  // The certificate a pass would give (CRT-1/CRT-2 from the guide's results
  // day, so its dates are never later than the real ones).
  struct Certificate {
    CivilDate published_on, valid_until, renew_from;
    std::optional<CivilDate> renew_by;  // none only under a policy whose results delay outlasts the validity
  };
  std::optional<Certificate> certificate_if_passed;
  std::vector<TimelinePoint> timeline;  // in time order
  Reasons reasons;
  std::optional<Reason> next_step;
};

ExamOrderDecision decide_exam_order(const ExamOrderInput& in, const Policy& policy, Detail detail);

// Whether a booking of this status must give its exam's time (booked, taken, no_show); a cancelled one may.
//   exam_time_required(BookingStatus::kCancelled) == false
constexpr bool exam_time_required(BookingStatus s) {
  return s != BookingStatus::kNone && s != BookingStatus::kCancelled;
}

// An order whose fields contradict each other is not decided: the JSON entry
// names the field and what it should be, the fast path answers undecided.
// The order is paid by now; its exam, when it has one, is sat after the
// payment (booked before or after it); a taken or missed exam has begun; a
// centre that cannot hold the exam moves a booked one; an order booked before
// buying has its booking (changed, never cancelled) unless it was refunded;
// the 从业者 exam is no exam order (the `practitioner` request decides it).
//   order_contradiction({.paid_at = tomorrow, .now = today})->field == OrderField::kPaidAt
enum class OrderField { kPaidAt, kExamAt, kPlatformFault, kBooking, kBookingStatus, kCertification };
struct OrderContradiction {
  OrderField field;
  const char* relation;  // the error's `relation` (codes.json): UP_TO_NOW, AFTER_PAYMENT, WITH_A_BOOKED_EXAM, …
  const char* expected;  // what the field should be, in the words of the error's `expected`
};
std::optional<OrderContradiction> order_contradiction(const ExamOrderInput& in);

}  // namespace certpolicy
