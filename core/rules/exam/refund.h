// Refund of an individual exam order (rules EXO-4, EXO-9, EXO-10, MNY-1, CAT-2).
//
// EXO-4: allowed iff now - paid_at <= refund window (120 h, inclusive), no
// exam is booked, the order was never refunded, and the exam was not taken
// or missed. A cancelled booking no longer blocks (READING_CANCELLED_BOOKING
// names that reading).
// EXO-9: Tencent Cloud changing the exam time after the purchase (terms 4.4)
// allows a full refund regardless of the window; a test centre that cannot
// hold the exam moves the booking and states no refund right of its own (the
// moved booking blocks the refund without reason as any booking does).
// CAT-2: where a certification's notice grants it, an unused attempt is
// refundable from a date, regardless of the window; never once the exam was
// taken or missed, nor while a booked exam that can still be sat stands.
// EXO-10: vouchers are never returned; each other method gets back what it
// paid (split proportionally, summing exactly), to the payer's Tencent Cloud
// account.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/exam/money.h"
#include "rules/policy_model.h"
#include "rules/enum_names.h"

namespace certpolicy {

// kNone is said by leaving booking out of a request (the fast path's "none").
enum class BookingStatus { kNone, kBooked, kCancelled, kTaken, kNoShow };
template <>
struct EnumNames<BookingStatus> {
  static constexpr std::array<std::string_view, 5> names{"none", "booked", "cancelled", "taken", "no_show"};
};

// EXO-9: what happened on the platform's side (the request's platform_fault).
enum class PlatformFault { kNone, kExamTimeChanged, kCentreUnavailable };
template <>
struct EnumNames<PlatformFault> {
  static constexpr std::array<std::string_view, 3> names{"none", "exam_time_changed", "centre_unavailable"};
};

// Why the refund is (not) possible now: the one story the refund card tells.
enum class RefundState {
  kOpen,                // EXO-4 window open, nothing booked
  kPlatformFault,       // EXO-9: Tencent Cloud changed the exam time
  kUnusedAttempt,       // CAT-2: the notice refunds unused attempts
  kCancelBookingFirst,  // a booking blocks it and can still be cancelled
  kBookingLocked,       // a booking blocks it and can no longer be cancelled
  kClosed,              // the window has passed and nothing else applies
  kExamUsed,            // taken or missed
  kRefunded,            // already refunded once
};
template <>
struct EnumNames<RefundState> {
  static constexpr std::array<std::string_view, 8> names{"open", "platform_fault", "unused_attempt", "cancel_booking_first", "booking_locked", "closed", "exam_used", "refunded"};
};

struct RefundInput {
  Instant paid_at;
  Instant now;
  BookingStatus booking = BookingStatus::kNone;
  bool refunded = false;
  PlatformFault fault = PlatformFault::kNone;
  // The booked exam can be cancelled now (EXO-5): only then is "cancel first,
  // then request the refund" advice that can be followed.
  bool booking_cancellable = false;
  // … until then (EXO-5: the booking's change deadline), when it can.
  std::optional<Instant> cancel_by;
  // The booked exam can still be sat on the order (not after its last
  // usable day): only then does it stand in the way of the CAT-2 refund.
  bool booking_can_be_sat = false;
  // CAT-2: the certification's notice refunds unused attempts today.
  bool unused_attempt_refund = false;
  // The order's flow never lets a booking be cancelled (booked before buying,
  // EXO-5): a booking that blocks the refund is said as never cancellable,
  // not as "no longer" cancellable.
  bool cancel_never_allowed = false;
  // EXO-10: a refund would return nothing (vouchers only): cancelling a booking
  // for it is not advised (REFUND_AFTER_CANCELLING_RETURNS_NOTHING says so).
  bool nothing_to_return = false;
  // The booked exam's time is over and it was sat (BookingDecision::attempt_spent): used, as a taken one.
  bool attempt_spent = false;
};

struct RefundDecision {
  bool allowed = false;
  RefundState state = RefundState::kClosed;
  Instant deadline;  // paid_at + window: the last instant of the no-reason window
  // The last instant to act for the refund said now: the window's end while it is open; with a booking to cancel
  // first, the earlier of that end and the booking's last cancellable instant (the refund is lost after either);
  // the cancel deadline alone for the notice's unused-attempt refund (CAT-2, no window). Unset otherwise.
  std::optional<Instant> act_by;
  Reasons reasons;
};

RefundDecision decide_refund(const RefundInput& in, Elapsed window);

struct Payment {
  std::string method;
  Fen amount_fen = 0;
  bool refundable = true;
};

struct RefundSplit {
  Fen amount_fen = 0;
  std::vector<Fen> per_payment;  // parallel to the payments; 0 for vouchers
  bool kept_non_refundable = false;
};

// The money that comes back when `allowed`; all zero otherwise.
RefundSplit split_refund(const std::vector<Payment>& payments, bool allowed);

}  // namespace certpolicy
