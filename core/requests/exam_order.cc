// The `exam_order` request: EXO-1 … EXO-10 for one individual exam order.

#include "rules/exam/booking_times.h"
#include "engine.h"
#include "requests/handlers.h"
#include "rules/exam/order_validity.h"
#include "rules/exam/refund.h"

namespace certpolicy {

namespace {

constexpr size_t kMaxPayments = kMaxListItems;

struct ExamOrderRequest {
  Instant now;
  Instant paid_at;
  Flow flow = Flow::kPurchaseThenBook;
  std::vector<Payment> payments;
  bool payments_given = false;
  bool refunded = false;
  bool platform_fault = false;
  BookingStatus status = BookingStatus::kNone;
  Instant exam_at;
  ExamKind kind = ExamKind::kTheory;
};

std::optional<ExamOrderRequest> read_request(const JsonIn& req, const Context& ctx, Issues& issues) {
  ExamOrderRequest r;
  const ExamOrderPolicy& p = ctx.policy.exam_order;
  auto now = read_instant(req["now"], issues);
  JsonIn order = req["order"];
  if (!now || !read_object(order, issues)) return std::nullopt;
  auto paid = read_instant(order["paid_at"], issues);
  auto flow = read_enum(order["flow"], issues, {"purchase_then_book", "book_then_purchase"},
                        static_cast<size_t>(p.default_flow));
  auto refunded = read_bool(order["refunded"], issues, false);
  auto fault = read_bool(order["platform_fault"], issues, false);
  if (!issues.ok()) return std::nullopt;
  r.now = *now;
  r.paid_at = *paid;
  r.flow = static_cast<Flow>(*flow);
  r.refunded = *refunded;
  r.platform_fault = *fault;

  JsonIn pays = order["payments"];
  r.payments_given = pays.present();
  auto n = read_array(pays, issues, kMaxPayments, true);
  if (!n) return std::nullopt;
  for (size_t k = 0; k < *n; ++k) {
    JsonIn pay = pays[k];
    if (!read_object(pay, issues)) return std::nullopt;
    auto method = read_string(pay["method"], issues, 32);
    auto amount = read_int(pay["amount_fen"], issues, 0, kMaxFen);
    if (!issues.ok()) return std::nullopt;
    const PaymentMethodPolicy* m = p.method(*method);
    if (m == nullptr) {
      std::string expected = "one of";
      for (const auto& pm : p.payment_methods) expected.append(" ").append(pm.name);
      issues.fail(pay["method"].path(), detail_code::kUnknownValue, expected);
      return std::nullopt;
    }
    r.payments.push_back({*method, *amount, m->refundable});
  }

  JsonIn booking = order["booking"];
  if (booking.present()) {
    if (!read_object(booking, issues)) return std::nullopt;
    auto status = read_enum(booking["status"], issues, {"booked", "cancelled", "taken", "no_show"});
    auto exam_at = read_instant(booking["exam_at"], issues);
    auto kind = read_enum(booking["exam_kind"], issues, {"theory", "lab", "interview"}, 0);
    if (!issues.ok()) return std::nullopt;
    static constexpr BookingStatus kStatus[] = {BookingStatus::kBooked, BookingStatus::kCancelled,
                                                BookingStatus::kTaken, BookingStatus::kNoShow};
    r.status = kStatus[*status];
    r.exam_at = *exam_at;
    r.kind = static_cast<ExamKind>(*kind);
  }
  return r;
}

// The one thing to do next, consistent with every other field: never an
// action that is not allowed now, or one that cannot lead where it says.
std::optional<Reason> next_step(const ExamOrderRequest& r, const RefundDecision& refund,
                                const BookingDecision& booking) {
  if (r.refunded || r.status == BookingStatus::kNoShow) return std::nullopt;
  if (r.platform_fault && refund.allowed) return Reason{"NEXT_REQUEST_REFUND", "EXO-9"};
  if (r.status == BookingStatus::kBooked) {
    if (booking.outside_validity) {
      return booking.movable ? std::optional(Reason{"NEXT_MOVE_EXAM", "EXO-2"}) : std::nullopt;
    }
    if (booking.check_in_by && r.now <= *booking.check_in_by) return Reason{"NEXT_CHECK_IN", "EXO-6"};
  }
  if ((r.status == BookingStatus::kBooked || r.status == BookingStatus::kTaken) && booking.ends_at &&
      booking.results_at && r.now > *booking.ends_at && r.now < *booking.results_at) {
    return Reason{"NEXT_RESULTS", "EXO-8"};
  }
  if (booking.can_book) {
    return refund.allowed ? Reason{"NEXT_BOOK_OR_REFUND", "EXO-4"} : Reason{"NEXT_BOOK", "EXO-2"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Outcome> handle_exam_order(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto r = read_request(req, ctx, issues);
  if (!r) return std::nullopt;
  const Policy& policy = ctx.policy;
  const ExamOrderPolicy& p = policy.exam_order;
  const FixedZone& zone = policy.zone;

  OrderValidity validity = decide_validity(zone.date_of(r->paid_at), zone.date_of(r->now),
                                           p.flow(r->flow).validity, p.reminder_days);
  BookingDecision booking = decide_booking(
      {r->flow, r->status, r->exam_at, r->kind, r->now, validity.expired, r->refunded, validity.valid_until}, p, zone);
  RefundDecision refund = decide_refund(
      {r->paid_at, r->now, r->status, r->refunded, r->platform_fault, booking.can_cancel}, p.refund_window);
  RefundSplit split = split_refund(r->payments, refund.allowed);

  Outcome out;
  Fields::Object f = out.fields.root();
  Fields::Object order = f.object("order");
  order.put("flow", r->flow == Flow::kPurchaseThenBook ? "purchase_then_book" : "book_then_purchase")
      .put("valid_until", validity.valid_until)
      .put("expired", validity.expired);
  Fields::Array reminders = order.array("reminders");
  for (CivilDate d : validity.reminders) reminders.push(d);

  Fields::Object refund_out = f.object("refund");
  refund_out.put("allowed", refund.allowed)
      .put("deadline", Value(refund.deadline, zone))
      .put("amount_fen", r->payments_given ? Value(split.amount_fen) : Value(nullptr));
  Fields::Array breakdown = refund_out.array("breakdown");
  if (refund.allowed) {
    for (size_t k = 0; k < r->payments.size(); ++k) {
      if (!r->payments[k].refundable) continue;
      breakdown.object().put("method", r->payments[k].method).put("amount_fen", split.per_payment[k]);
    }
  }

  f.object("booking")
      .put("can_book", booking.can_book)
      .put("can_change", booking.can_change)
      .put("can_cancel", booking.can_cancel)
      .put("change_deadline", Value(booking.change_deadline, zone))
      .put("check_in_by", Value(booking.check_in_by, zone))
      .put("ends_at", Value(booking.ends_at, zone))
      .put("results_at", Value(booking.results_at, zone));

  out.reasons.add(validity.expired ? "ORDER_EXPIRED" : "ORDER_VALID", "EXO-2");
  out.reasons.append(refund.reasons);
  if (refund.allowed) {
    if (r->payments_given) out.reasons.add("REFUND_TO_METHODS", "EXO-10");
    out.reasons.add("SUBJECT_TO_REVIEW", "EXO-10");
  }
  if (split.kept_non_refundable) out.reasons.add("VOUCHER_NOT_REFUNDED", "EXO-10");
  out.reasons.append(booking.reasons);
  out.next_step = next_step(*r, refund, booking);
  out.has_next_step = true;
  return out;
}

}  // namespace certpolicy

namespace certpolicy {

Engine::ExamOrderFlags Engine::decide_exam_order(double paid_at_ms, double now_ms, double exam_at_ms,
                                                 int booking_status, int flow, bool refunded,
                                                 bool platform_fault) const {
  ExamOrderFlags out;
  // Out-of-range numbers decide nothing (all false): the JSON path reports why.
  const auto paid_at = instant_from_ms(paid_at_ms), now_at = instant_from_ms(now_ms), exam_at = instant_from_ms(exam_at_ms);
  if (!paid_at || !now_at || !exam_at || booking_status < 0 || booking_status > 4 || flow < 0 || flow > 1) return out;
  const auto status = static_cast<BookingStatus>(booking_status);
  const Instant paid = *paid_at, now = *now_at;
  const Policy& p = schedule_->at(now, paid);
  OrderValidity v = decide_validity(p.zone.date_of(paid), p.zone.date_of(now),
                                    p.exam_order.flow(static_cast<Flow>(flow)).validity, {});
  BookingDecision booking = decide_booking({static_cast<Flow>(flow), status, *exam_at, ExamKind::kTheory,
                                            now, v.expired, refunded, v.valid_until}, p.exam_order, p.zone);
  RefundDecision refund = decide_refund({paid, now, status, refunded, platform_fault, booking.can_cancel},
                                        p.exam_order.refund_window);
  out.refund = refund.allowed;
  out.change = booking.can_change;
  out.cancel = booking.can_cancel;
  out.book = booking.can_book;
  return out;
}

}  // namespace certpolicy
