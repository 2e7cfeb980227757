// The `exam_order` request: reads one individual exam order and writes what
// rules/exam/exam_order.h decides for it (EXO-1 … EXO-10, CAT-2).
#include "requests/handlers.h"
#include "rules/catalogue/catalogue.h"
#include "rules/exam/exam_order.h"

namespace certpolicy {

namespace {

constexpr size_t kMaxPayments = kMaxListItems;

struct ExamOrderRequest {
  ExamOrderInput in;
  std::vector<Payment> payments;
  bool payments_given = false;
};

// EXO-9: false, true (read as Tencent Cloud changing the exam time, the case
// that grants the refund), or the case by name.
std::optional<PlatformFault> read_platform_fault(const JsonIn& in, Issues& issues) {
  if (!in.present()) return PlatformFault::kNone;
  if (in.is(JsonKind::kBool)) return in.boolean() ? PlatformFault::kExamTimeChanged : PlatformFault::kNone;
  if (!in.is(JsonKind::kString)) {
    issues.fail(in.path(), detail_code::kWrongType, "boolean or one of exam_time_changed centre_unavailable");
    return std::nullopt;
  }
  return read_enum<PlatformFault>(in, issues, PlatformFault::kExamTimeChanged);
}

std::optional<ExamOrderRequest> read_request(const JsonIn& req, const Context& ctx, Issues& issues) {
  ExamOrderRequest r;
  ExamOrderInput& in = r.in;
  const ExamOrderPolicy& p = ctx.policy.exam_order;
  auto now = read_instant(req["now"], issues);
  JsonIn order = req["order"];
  if (!now || !read_object(order, issues)) return std::nullopt;
  auto paid = read_instant(order["paid_at"], issues);
  auto flow = read_enum<Flow>(order["flow"], issues, Flow{}, p.default_flow);
  auto refunded = read_bool(order["refunded"], issues, false);
  auto fault = read_platform_fault(order["platform_fault"], issues);
  if (!issues.ok()) return std::nullopt;
  in.now = *now;
  in.paid_at = *paid;
  in.flow = *flow;
  in.refunded = *refunded;
  in.fault = *fault;

  JsonIn cert = order["certification"];
  if (cert.present()) {
    in.certification = read_certification(cert, ctx.policy.catalogue, issues);
    if (in.certification == nullptr) return std::nullopt;
  }

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
    auto status = read_enum<BookingStatus>(booking["status"], issues, BookingStatus::kBooked);
    if (!issues.ok()) return std::nullopt;
    // A cancelled booking's time is read only when given (it decides nothing then).
    const JsonIn at = booking["exam_at"];
    auto exam_at = exam_time_required(*status) || at.present() ? read_instant(at, issues) : std::nullopt;
    auto kind = read_enum<ExamKind>(booking["exam_kind"], issues, ExamKind{}, ExamKind::kTheory);
    if (!issues.ok()) return std::nullopt;
    in.status = *status;
    in.exam_at = exam_at;
    in.kind = *kind;
  }
  if (auto c = order_contradiction(in)) {
    const JsonIn field = c->field == OrderField::kPaidAt           ? order["paid_at"]
                         : c->field == OrderField::kExamAt        ? booking["exam_at"]
                         : c->field == OrderField::kBooking       ? booking
                         : c->field == OrderField::kBookingStatus ? booking["status"]
                         : c->field == OrderField::kCertification ? order["certification"]
                                                                  : order["platform_fault"];
    issues.contradict(field.path(), c->relation, c->expected);
    return std::nullopt;
  }
  return r;
}

// The certification as the order's answer names it (names in every locale,
// for the sentences' {…|local} placeholders).
void put_order_certification(Fields::Object order, const Certification* c, const CertificationStatus& s,
                             const Catalogue& catalogue) {
  if (c == nullptr) {
    order.put("certification", nullptr);
    return;
  }
  Fields::Object o = order.object("certification");
  o.put("id", c->id)
      .put("status", name_of(s.status))
      .put("exams_until", c->exams_until)
      .put("retired_from", c->exams_until ? std::optional(add_days(*c->exams_until, 1)) : std::nullopt)
      .put("unused_attempt_refund_from", c->unused_attempt_refund_from);
  o.object("name").put("zh", c->name_zh).put("zh_hant", c->name_zh_hant).put("en", c->name_en);
  const Certification* successor = c->successor.empty() ? nullptr : catalogue.find(c->successor);
  if (successor == nullptr) {
    o.put("successor", nullptr);
  } else {
    const Certification& n = *successor;
    Fields::Object next = o.object("successor");
    next.put("id", n.id);
    next.object("name").put("zh", n.name_zh).put("zh_hant", n.name_zh_hant).put("en", n.name_en);
  }
}

}  // namespace

std::optional<Outcome> handle_exam_order(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto r = read_request(req, ctx, issues);
  if (!r) return std::nullopt;
  const Policy& policy = ctx.policy;
  const FixedZone& zone = policy.zone;
  r->in.payments = r->payments_given ? &r->payments : nullptr;
  const ExamOrderDecision d = decide_exam_order(r->in, policy, Detail::kFull);
  const BookingDecision& b = d.booking;

  Outcome out;
  Fields::Object f = out.fields.root();
  Fields::Object order = f.object("order");
  order.put("flow", name_of(r->in.flow))
      .put("valid_until", d.validity.valid_until)
      .put("expired", d.validity.expired);
  Fields::Array reminders = order.array("reminders");
  for (CivilDate day : d.validity.reminders) reminders.push(day);
  const Certification* c = r->in.certification;
  put_order_certification(order, c,
                          c ? decide_certification(*c, zone.date_of(r->in.now), policy.catalogue) : CertificationStatus{},
                          policy.catalogue);

  Fields::Object refund = f.object("refund");
  refund.put("allowed", d.refund.allowed)
      .put("state", name_of(d.refund.state))
      .put("tone", name_of(d.refund_tone))
      .put("deadline", Value(d.refund.deadline, zone))
      .put("act_by", Value(d.refund.act_by, zone))
      .put("amount_fen", r->payments_given ? Value(d.split.amount_fen) : Value(nullptr))
      .put("amount_after_cancelling_fen", d.amount_after_cancelling ? Value(*d.amount_after_cancelling) : Value(nullptr));
  Fields::Array breakdown = refund.array("breakdown");
  if (d.refund.allowed) {
    for (size_t k = 0; k < r->payments.size(); ++k) {
      if (!r->payments[k].refundable) continue;
      breakdown.object().put("method", r->payments[k].method).put("amount_fen", d.split.per_payment[k]);
    }
  }

  f.object("booking")
      .put("state", name_of(d.booking_state))
      .put("tone", name_of(d.booking_tone))
      .put("can_book", b.can_book)
      .put("book_until", b.usable_until)
      .put("can_change", b.can_change)
      .put("can_cancel", b.can_cancel)
      .put("change_only", b.change_only)
      .put("change_deadline", Value(b.change_deadline, zone))
      .put("move_by", Value(b.move_by, zone))
      .put("check_in_by", Value(b.check_in_by, zone))
      .put("ends_at", Value(b.ends_at, zone))
      .put("results_at", Value(b.results_at, zone))
      .put("results_by", Value(b.results_by, zone));

  if (const auto& cert = d.certificate_if_passed) {
    f.object("certificate_if_passed")
        .put("published_on", cert->published_on)
        .put("published_by", b.results_by ? std::optional(zone.date_of(*b.results_by)) : std::nullopt)
        .put("valid_until", cert->valid_until)
        .put("renew_from", cert->renew_from)
        .put("renew_by", cert->renew_by);
  } else {
    f.put("certificate_if_passed", nullptr);
  }

  // The points in time order: past before now, the first one not past is next.
  Fields::Array points = f.array("timeline");
  bool next_given = false;
  for (const TimelinePoint& p : d.timeline) {
    const bool past = p.at < r->in.now;
    const char* state = past ? "past" : next_given ? "future" : "next";
    next_given = next_given || !past;
    points.object().put("key", p.key).put("at", Value(p.at, zone)).put("date", p.date).put("state", state);
  }

  out.reasons = d.reasons;
  out.next_step = d.next_step;
  out.has_next_step = true;
  return out;
}

}  // namespace certpolicy
