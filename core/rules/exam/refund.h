// Refund of an individual exam order (rules EXO-4, EXO-9, EXO-10, MNY-1).
//
// EXO-4: allowed iff now - paid_at <= refund window (120 h, inclusive), no
// exam is booked, the order was never refunded, and the exam was not taken
// or missed. A cancelled booking no longer blocks.
// EXO-9: a platform fault (test centre could not hold the exam, or Tencent
// Cloud changed the exam time) allows a refund regardless of the window.
// EXO-10: vouchers are never returned; each other method gets back what it
// paid (split proportionally, summing exactly).
#pragma once

#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "rules/decision.h"
#include "rules/exam/money.h"
#include "rules/policy_model.h"

namespace certpolicy {

enum class BookingStatus { kNone, kBooked, kCancelled, kTaken, kNoShow };

struct RefundInput {
  Instant paid_at;
  Instant now;
  BookingStatus booking = BookingStatus::kNone;
  bool refunded = false;
  bool platform_fault = false;
  // The booking can be cancelled now (EXO-5): only then is "cancel first,
  // then request the refund" advice that can be followed.
  bool booking_cancellable = false;
};

struct RefundDecision {
  bool allowed = false;
  Instant deadline;  // paid_at + window: the last instant of the no-reason window
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
