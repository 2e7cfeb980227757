// The `policy diff` corpus: for each day of the range, requests of every type
// at the rule boundaries of both policies (each window's end, one second
// before and after; validity ends and the day after; every training tier;
// every catalogue entry; every code state and action).
#include "corpus.h"

#include <algorithm>
#include <set>
#include <string>

namespace certpolicy::cli {

namespace {

using nlohmann::json;
using std::chrono::seconds;

const FixedZone kChina(480);

std::string instant(Instant i) { return kChina.format(i); }
Instant at(CivilDate d, int hour) { return kChina.at(d, hour, 0, 0); }

// The distinct offsets (seconds) around each window: w − 1 s, w, w + 1 s.
std::vector<std::int64_t> around(std::initializer_list<Elapsed> windows) {
  std::set<std::int64_t> out{0};
  for (Elapsed w : windows) {
    const std::int64_t s = std::chrono::duration_cast<seconds>(w).count();
    for (std::int64_t d : {s - 1, s, s + 1}) out.insert(std::max<std::int64_t>(d, 0));
  }
  return {out.begin(), out.end()};
}

void exam_orders(const Policy& a, const Policy& b, CivilDate d, std::vector<json>& out) {
  const Instant paid = at(d, 10);
  const auto& ea = a.exam_order;
  const auto& eb = b.exam_order;
  for (const char* flow : {"purchase_then_book", "book_then_purchase"}) {
    const int f = flow[0] == 'p' ? 0 : 1;
    // Refund window (EXO-4), no booking.
    for (std::int64_t s : around({ea.refund_window, eb.refund_window})) {
      out.push_back({{"type", "exam_order"}, {"now", instant(paid + seconds(s))},
                     {"order", {{"paid_at", instant(paid)}, {"flow", flow}, {"payments", json::array({{{"method", "online"}, {"amount_fen", 120000}}})}}}});
    }
    // Change window (EXO-5) before an exam 30 days after payment, for each status.
    const Instant exam = paid + std::chrono::hours(24 * 30);
    for (std::int64_t s : around({ea.flows[f].change_window, eb.flows[f].change_window})) {
      for (const char* status : {"booked", "cancelled", "taken"}) {
        // A taken exam has begun (EXO-1): asked the same time after it.
        const Instant now = status[0] == 't' ? exam + seconds(s) : exam - seconds(s);
        out.push_back({{"type", "exam_order"}, {"now", instant(now)},
                       {"order", {{"paid_at", instant(paid)}, {"flow", flow}, {"booking", {{"status", status}, {"exam_at", instant(exam)}}}}}});
      }
    }
    // Order validity (EXO-2): its last day and the day after, under either policy.
    for (const Policy* p : {&a, &b}) {
      const CivilDate last = p->exam_order.flows[f].validity.after(d);
      for (int k : {-1, 0, 1}) {
        out.push_back({{"type", "exam_order"}, {"now", instant(at(add_days(last, k), 12))}, {"order", {{"paid_at", instant(paid)}, {"flow", flow}}}});
      }
    }
  }
}

void calendar(CivilDate d, std::vector<json>& out) {
  out.push_back({{"type", "working_day"}, {"date", format_date(d)}});
  for (int n : {1, 7, 31}) out.push_back({{"type", "working_days"}, {"from", format_date(d)}, {"to", format_date(add_days(d, n))}});
}

void training(const Policy& a, const Policy& b, CivilDate start, std::vector<json>& out) {
  std::set<int> days{0, 1};
  for (const Policy* p : {&a, &b}) {
    for (const auto& t : p->training.refund_tiers) {
      for (int k : {t.more_than_working_days, t.more_than_working_days + 1, t.more_than_working_days + 2}) days.insert(k);
    }
    days.insert(p->training.deferral_min_working_days);
    days.insert(p->training.class_decision_days);
  }
  // Working days before the class, counted back on a's calendar (b's boundaries land near).
  for (int n : days) {
    CivilDate now = start;
    for (int left = n; left > 0;) {
      now = add_days(now, -1);
      if (a.calendar.is_working_day(now)) --left;
    }
    for (const char* status : {"pending", "not_opened"}) {
      out.push_back({{"type", "training"}, {"now", instant(at(now, 12))},
                     {"enrolment", {{"class_start", format_date(start)}, {"paid_fen", 358000}, {"class_status", status}}}});
    }
  }
}

void certificates(const Policy& a, const Policy& b, CivilDate published, std::vector<json>& out) {
  std::set<CivilDate> nows{published};
  for (const Policy* p : {&a, &b}) {
    const CivilDate until = p->certificate.validity.after(published);
    for (int k : {-p->certificate.expiring_within_days - 1, -p->certificate.expiring_within_days, -1, 0, 1}) nows.insert(add_days(until, k));
  }
  for (CivilDate now : nows) {
    out.push_back({{"type", "certificate"}, {"now", instant(at(now, 12))}, {"passes", json::array({{{"published_on", format_date(published)}}})}});
  }
}

void practitioner(const Policy& a, const Policy& b, CivilDate d, std::vector<json>& out) {
  const Instant paid = at(d, 9);
  std::set<int> scores{0};
  for (const Policy* p : {&a, &b}) scores.insert({p->practitioner.pass_score - 1, p->practitioner.pass_score});
  const int attempts = std::min(a.practitioner.attempts, b.practitioner.attempts);
  for (int n = 0; n <= attempts; ++n) {
    for (int score : scores) {
      json list = json::array();
      for (int k = 0; k < n; ++k) list.push_back({{"taken_at", instant(paid + std::chrono::hours(k + 1))}, {"score", std::max(score, 0)}});
      out.push_back({{"type", "practitioner"}, {"now", instant(paid + std::chrono::hours(24))}, {"purchase", {{"paid_at", instant(paid)}}}, {"attempts", list}});
    }
  }
}

void exam_codes(const Policy& a, const Policy& b, CivilDate d, std::vector<json>& out) {
  const Instant paid = at(d, 10);
  std::set<CivilDate> nows{d};
  for (const Policy* p : {&a, &b}) {
    const CivilDate last = p->exam_codes.validity.after(d);
    nows.insert({last, add_days(last, 1)});
  }
  for (CivilDate now : nows) {
    for (const char* state : {"unused", "bound", "examined", "void", "expired", "refunded"}) {
      for (const char* action : {"bind", "unbind", "regenerate", "sit", "view_score"}) {
        out.push_back({{"type", "exam_code"}, {"now", instant(at(now, 12))}, {"order", {{"paid_at", instant(paid)}}}, {"code", {{"state", state}}}, {"action", action}});
      }
    }
    for (std::int64_t s : around({a.exam_order.refund_window, b.exam_order.refund_window})) {
      out.push_back({{"type", "exam_code_order"}, {"now", instant(paid + seconds(s))},
                     {"order", {{"paid_at", instant(paid)}, {"codes", json::array({{{"state", "unused"}}, {{"state", "bound"}}})}}}});
    }
  }
}

void catalogue(const Policy& a, const Policy& b, CivilDate d, std::vector<json>& out) {
  std::set<std::string> ids;
  for (const Policy* p : {&a, &b}) {
    for (const auto& c : p->catalogue.certifications) ids.insert(c.id);
  }
  const std::string now = instant(at(d, 12));
  for (const std::string& id : ids) {
    out.push_back({{"type", "certification"}, {"now", now}, {"id", id}});
    for (const char* kind : {"individual", "enterprise"}) {
      out.push_back({{"type", "purchase"}, {"now", now}, {"product", "exam"}, {"certification", id},
                     {"account", {{"kind", kind}, {"real_name_verified", true}}}});
    }
  }
}

void booking_forms(CivilDate d, std::vector<json>& out) {
  for (int k : {-1, 0, 1}) {
    out.push_back({{"type", "booking_form"}, {"exam_at", instant(at(d, 9))},
                   {"form", {{"id_type", "cn_id_card"}, {"id_number", "11010519491231002X"}, {"id_valid_until", format_date(add_days(d, k))},
                             {"surname", "张"}, {"given_name", "三"}, {"phone", "13800138000"},
                             {"email", "candidate@example.com"}, {"email_confirm", "candidate@example.com"}}}});
  }
}

}  // namespace

std::vector<json> boundary_corpus(const Policy& a, const Policy& b, CivilDate from, CivilDate to) {
  std::vector<json> out;
  for (CivilDate d = from; d < to; d = add_days(d, 1)) {
    calendar(d, out);
    exam_orders(a, b, d, out);
    training(a, b, d, out);
    certificates(a, b, d, out);
    practitioner(a, b, d, out);
    exam_codes(a, b, d, out);
    catalogue(a, b, d, out);
    booking_forms(d, out);
  }
  return out;
}

}  // namespace certpolicy::cli
