// A booked exam: the change/cancel deadline, check-in, end and results, and
// whether a new exam can be booked (EXO-1, EXO-2, EXO-5 … EXO-9, CAT-2).
#include "rules/exam/booking_times.h"

#include <algorithm>

namespace certpolicy {

namespace {

// EXO-5's reading of the deadline instant (it counts as open): before it, "to
// be safe, act before it"; at that very instant no "before" is left, so "act
// now; it may be refused".
const char* change_boundary_reading(Instant now, Instant deadline) {
  return now == deadline ? "READING_CHANGE_BOUNDARY_NOW" : "READING_CHANGE_BOUNDARY";
}

}  // namespace

BookingDecision decide_booking(const BookingInput& in, const ExamOrderPolicy& policy,
                               const FixedZone& zone) {
  BookingDecision d;
  const CivilDate today = zone.date_of(in.now);
  d.usable_until = in.last_exam_day ? std::min(in.valid_until, *in.last_exam_day) : in.valid_until;
  d.change_only = !policy.flow(in.flow).cancel_allowed;
  const bool used = in.status == BookingStatus::kTaken || in.status == BookingStatus::kNoShow;
  // EXO-1/EXO-2/CAT-2: one attempt per purchase, bookable while it can be sat.
  d.can_book = today <= d.usable_until && !in.refunded &&
               (in.status == BookingStatus::kNone || in.status == BookingStatus::kCancelled);
  if (in.status == BookingStatus::kCancelled) d.reasons.add("BOOKING_CANCELLED", "EXO-4");
  // The last usable day: only a session later today can still be booked (a tryout was told "book an exam on a day
  // up to today" at 23:59:59).
  if (d.can_book && today == d.usable_until) d.reasons.add("BOOK_LAST_DAY", "EXO-2");
  if (used) d.reasons.add("ONE_ATTEMPT", "EXO-1");
  // A refunded order's booking no longer counts: no times are given for it.
  if (in.status == BookingStatus::kNone || in.status == BookingStatus::kCancelled || in.refunded) return d;

  const FlowPolicy& flow = policy.flow(in.flow);
  const CivilDate exam_day = zone.date_of(in.exam_at);
  // EXO-2's reading, the other way round once nothing else is left (2026-12-07, a candidate's tryout: "cannot be
  // sat", no check-in, nothing to do): a booking after the order's validity that can no longer be moved into it,
  // of an exam still held, is read as the documentation says it (an expired order cannot *book*), because staying
  // at home forfeits the fee for certain: the session's times are given, with the advice to confirm first.
  // Whether a booked exam can still be moved onto a usable day: its change window open, a usable day left.
  const Instant change_deadline = in.exam_at - flow.change_window;
  const bool movable = in.now <= change_deadline && today <= d.usable_until;
  const bool after_validity = in.status == BookingStatus::kBooked && exam_day > d.usable_until && d.usable_until == in.valid_until &&
                              !(in.last_exam_day && exam_day > *in.last_exam_day);
  // A session the centre cannot hold is not sat as booked: EXO-9 decides it (the centre moves it; no check-in).
  d.sit_after_validity = after_validity && !in.time_changed_by_platform && !in.centre_unavailable && !movable;
  const bool centre_decides = after_validity && in.centre_unavailable && !movable;
  if (d.sit_after_validity) {
    d.reasons.add("EXAM_AFTER_ORDER_EXPIRY_SIT", "EXO-2");
    d.reasons.add("READING_SIT_AFTER_ORDER_EXPIRY", "EXO-2");
  }
  if (in.status == BookingStatus::kBooked && exam_day > d.usable_until && !d.sit_after_validity && !centre_decides) {
    // EXO-2/CAT-2 first (before a centre's trouble: that exam could not be sat
  // anyway): an exam after the last usable day cannot be sat, so
    // no exam times are given as if it could; moving it is the advice while a
    // change is allowed and the usable period has not ended, by the earlier
    // of the two ends.
    const bool open = in.now <= change_deadline;
    const Instant usable_end = zone.start_of(add_days(d.usable_until, 1)) - Millis(1);
    d.outside_usable = true;
    d.change_deadline = change_deadline;
    d.can_change = open;
    d.can_cancel = open && flow.cancel_allowed;
    d.movable = movable;
    // EXO-9: a time Tencent Cloud set gives the refund or the nearest session (terms 4.4), not "move it yourself by":
    // no deadline to move is given beside that choice.
    if (d.movable && !in.time_changed_by_platform) d.move_by = std::min(change_deadline, usable_end);
    // The limit that binds is the earlier one: the order's validity, or the certification's last exam day.
    const bool by_validity = d.usable_until == in.valid_until;
    if (in.time_changed_by_platform) {
      d.reasons.add(by_validity ? "EXAM_AFTER_ORDER_EXPIRY_PLATFORM_CHANGED" : "EXAM_AFTER_LAST_EXAM_DAY_PLATFORM_CHANGED", "EXO-9");
    } else {
      d.reasons.add(by_validity ? (d.movable ? "EXAM_AFTER_ORDER_EXPIRY" : "EXAM_AFTER_ORDER_EXPIRY_LOCKED")
                                : (d.movable ? "EXAM_AFTER_LAST_EXAM_DAY" : "EXAM_AFTER_LAST_EXAM_DAY_LOCKED"),
                    by_validity ? "EXO-2" : "CAT-2");
    }
    // The documentation says an expired order cannot book; that its exam must be sat by then is a reading
    // (not said where the certification's last exam day would stop that exam under either reading).
    if (by_validity && !(in.last_exam_day && exam_day > *in.last_exam_day)) d.reasons.add("READING_EXAM_WITHIN_VALIDITY", "EXO-2");
    // On the last usable day itself only a session later that day is left to move to (as BOOK_LAST_DAY says for a
    // booking; a tryout was told "move it by 24:00 today" at 23:00).
    if (d.move_by && today == d.usable_until) d.reasons.add("MOVE_LAST_DAY", by_validity ? "EXO-2" : "CAT-2");
    // The time to act by is the change deadline itself: its boundary is read one way.
    if (d.move_by && *d.move_by == change_deadline) d.reasons.add(change_boundary_reading(in.now, change_deadline), "EXO-5");
    return d;
  }

  if (in.status == BookingStatus::kBooked && in.centre_unavailable) {
    // EXO-9: the session is not held; the booking moves to the centre's first
    // available date, free, and the candidate may take it or pick another.
    // Its new date is not known yet: it is changed, or cancelled where the flow allows it, under the usual rule
    // (EXO-5, 72 h before that date); the centre's trouble takes no right away (a tryout saw the refund window
    // said as "the booking can no longer be cancelled").
    d.can_change = true;
    d.can_cancel = flow.cancel_allowed;
    // EXO-2 beside it: the booked exam is after the validity and can no longer be moved into it, so the centre's
    // new date will be after it too (a review: nothing said so); sitting it is the same reading as ever.
    if (centre_decides) {
      d.reasons.add("EXAM_AFTER_ORDER_EXPIRY_CENTRE", "EXO-2");
      d.reasons.add("READING_SIT_AFTER_ORDER_EXPIRY", "EXO-2");
    }
    d.reasons.add("CENTRE_UNAVAILABLE", "EXO-9");
    return d;
  }
  d.change_deadline = change_deadline;
  d.check_in_by = in.exam_at - policy.check_in_before;
  d.ends_at = in.exam_at + policy.duration;
  switch (in.kind) {
    case ExamKind::kTheory:
      d.results_at = *d.ends_at + policy.theory_results_after_end;
      d.results_by = std::max(*d.results_at, zone.start_of(add_days(exam_day, policy.theory_results_terms_days)));
      break;
    case ExamKind::kLab:
      d.results_at = d.results_by = zone.start_of(add_days(exam_day, policy.lab_results_days));
      break;
    case ExamKind::kInterview:
      d.results_at = d.results_by = zone.start_of(add_days(exam_day, policy.interview_results_days));
      break;
  }
  if (in.status == BookingStatus::kNoShow) {
    d.results_at.reset();  // a missed exam has no result
    d.results_by.reset();
    return d;
  }
  if (in.status == BookingStatus::kBooked) {
    // EXO-2: a booking sat after the expired order's validity is not changed on this order, though its 72 hours
    // have not begun: a change books anew, which an expired order cannot (a tryout saw "free to reschedule" on such
    // a card). It is cancelled only where that can lead to a refund (CAT-2's unused-attempt refund; elsewhere a
    // cancel returns nothing), by the usual deadline; else no change deadline is given to act by.
    const bool window_open = in.now <= *d.change_deadline;
    const bool open = window_open && !d.sit_after_validity;
    const bool cancel_for_refund = window_open && d.sit_after_validity && in.cancel_refunds && flow.cancel_allowed;
    d.can_change = open;
    d.can_cancel = (open && flow.cancel_allowed) || cancel_for_refund;
    if (open) {
      d.reasons.add(flow.cancel_allowed ? "CHANGE_WINDOW_OPEN" : "CHANGE_ONLY_WINDOW_OPEN", "EXO-5");
      d.reasons.add(change_boundary_reading(in.now, *d.change_deadline), "EXO-5");
    } else if (cancel_for_refund) {
      d.reasons.add(change_boundary_reading(in.now, *d.change_deadline), "EXO-5");
    } else if (window_open) {
      d.change_deadline.reset();
    } else if (in.now < in.exam_at && !in.time_changed_by_platform) {
      d.reasons.add(flow.cancel_allowed ? "CHANGE_WINDOW_CLOSED" : "CHANGE_ONLY_WINDOW_CLOSED", "EXO-5");
    }
    const Session s = in.now <= *d.check_in_by ? Session::kAhead
                      : in.now <= in.exam_at        ? Session::kLate
                      : in.now <= *d.ends_at        ? Session::kUnderway
                                                    : Session::kOver;
    d.session = s;
    // EXO-9: the session the platform changed may be sat, or refunded: no "late, the fee is not refunded".
    const bool platform = in.time_changed_by_platform;
    switch (s) {
      case Session::kAhead:
        d.reasons.add(platform ? "CHECK_IN_PLATFORM_CHANGED" : "CHECK_IN", "EXO-6");
        d.reasons.add("READING_LATE_ARRIVAL", "EXO-6");
        break;
      case Session::kLate:
        // EXO-6's reading: the documentation's "迟到" may count from the arrival time or from the start; up to the
        // start, going now may still be let in (the act-by time given before was the earlier, the arrival time).
        d.reasons.add(platform ? "CHECK_IN_LATE_PLATFORM_CHANGED" : "CHECK_IN_LATE", "EXO-6");
        d.reasons.add("READING_LATE_ARRIVAL", "EXO-6");
        break;
      case Session::kUnderway:
      case Session::kOver:
        if (platform) {
          // EXO-9: the platform's changed session started and was not entered (a session sat is `taken`): it gives
          // no end to wait for, no results and no certificate; the refund or the nearest session still stand.
          d.session_not_entered = true;
          d.ends_at.reset();
          d.results_at.reset();
          d.results_by.reset();
          d.reasons.add("CHECK_IN_CLOSED_PLATFORM_CHANGED", "EXO-6");
          return d;
        }
        if (s == Session::kUnderway) d.reasons.add("CHECK_IN_CLOSED", "EXO-6");
        d.attempt_spent = s == Session::kOver;
        break;
    }
    if (s != Session::kOver) {
      d.reasons.add("EXAM_ENDS", "EXO-7");
      // The length is the documentation's one example (a booking confirmation); other exams may differ.
      d.reasons.add("READING_EXAM_DURATION", "EXO-7");
    }
  }
  d.reasons.add("RESULTS_AVAILABLE", "EXO-8");
  if (*d.results_by != *d.results_at) d.reasons.add("READING_RESULTS_TIME", "EXO-8");
  return d;
}

}  // namespace certpolicy
