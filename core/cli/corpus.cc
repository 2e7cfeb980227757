// The `policy diff` corpus: requests of every type at the boundaries of
// every policy compared, for each day of the range, once where no day moves
// them, and for orders paid either side of each dated change.
#include "cli/corpus.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

namespace certpolicy::cli {

namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::seconds;

std::string instant(Instant i) { return kChina.format(i); }
Instant at(CivilDate d, int hour) { return kChina.at(d, hour, 0, 0); }

// A resident ID number with its check character (GB 11643), born on `birth`.
std::string id_card(CivilDate birth) {
  std::string id = "110105" + format_date(birth).erase(7, 1).erase(4, 1) + "002";
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int k = 0; k < 17; ++k) sum += (id[static_cast<size_t>(k)] - '0') * kWeights[k];
  return id + "10X98765432"[sum % 11];
}

class Builder {
 public:
  Builder(const CorpusInput& in, const std::function<void(const std::string&)>& emit) : in_(in), emit_(emit) {
    for (const Policy* p : in_.policies) {
      for (const auto& m : p->exam_order.payment_methods) methods_.insert(m.name);
    }
  }

  void run() {
    for (CivilDate d = in_.from; d < in_.to; d = add_days(d, 1)) day(d);
    // What no day moves: at the start, and either side of each dated change in the range.
    std::set<Instant> moments{at(in_.from, 12)};
    for (Instant t : in_.instants) {
      if (kChina.date_of(t) >= in_.from && kChina.date_of(t) < in_.to) moments.insert({t - Millis(1), t});
    }
    for (Instant m : moments) fixed(m);
    for (Instant t : in_.instants) paid_around(t);
  }

 private:
  void emit(const json& request) { emit_(request.dump()); }

  // Offsets (seconds) around each of `windows`: w − 1 s, w, w + 1 s, and 0.
  static std::vector<std::int64_t> around(const std::vector<Elapsed>& windows) {
    std::set<std::int64_t> out{0};
    for (Elapsed w : windows) {
      const std::int64_t s = std::chrono::duration_cast<seconds>(w).count();
      for (std::int64_t x : {s - 1, s, s + 1}) out.insert(std::max<std::int64_t>(x, 0));
    }
    return {out.begin(), out.end()};
  }
  template <class F>
  std::vector<Elapsed> each(F f) const {
    std::vector<Elapsed> out;
    for (const Policy* p : in_.policies) out.push_back(f(*p));
    return out;
  }

  json all_methods() const {
    json list = json::array();
    for (const std::string& m : methods_) list.push_back({{"method", m}, {"amount_fen", 40000}});
    return list;
  }

  static json order(Instant paid, const char* flow) {
    json o = {{"paid_at", instant(paid)}};
    if (flow != nullptr) o["flow"] = flow;
    return o;
  }
  // Booked before buying: the flow given, or (none given) a compared policy's default.
  bool booked_first(const char* flow) const {
    if (flow != nullptr) return flow[0] == 'b';
    return std::any_of(in_.policies.begin(), in_.policies.end(),
                       [](const Policy* p) { return p->exam_order.default_flow == Flow::kBookThenPurchase; });
  }
  // An order with nothing more said of it; booked before buying it has its booking (EXO-2, EXO-5: changed,
  // never cancelled), here an exam 30 days after the payment.
  json plain_order(Instant paid, const char* flow) const {
    json o = order(paid, flow);
    if (booked_first(flow)) o["booking"] = {{"status", "booked"}, {"exam_at", instant(paid + hours(24 * 30))}};
    return o;
  }

  void day(CivilDate d) {
    const std::string noon = instant(at(d, 12));
    // CAL-1 … CAL-3.
    emit({{"type", "working_day"}, {"now", noon}, {"date", format_date(d)}});
    for (int n : {1, 7, 31}) emit({{"type", "working_days"}, {"now", noon}, {"from", format_date(d)}, {"to", format_date(add_days(d, n))}});
    exam_orders(at(d, 10));
    training(d, at(d, 12));
    certificates(d);
    practitioner(at(d, 9));
    exam_codes(at(d, 10), true);
    catalogue(d);
    // BKG-1: the document valid the day before, on and after the exam day.
    for (int k : {-1, 0, 1}) emit(form(at(d, 9), {{"id_valid_until", format_date(add_days(d, k))}}));
  }

  // EXO-2 … EXO-10 for an order paid at `paid`.
  void exam_orders(Instant paid) {
    const char* flows[] = {"purchase_then_book", "book_then_purchase", nullptr};  // nullptr: the policy's default flow
    const auto refund = around(each([](const Policy& p) { return p.exam_order.refund_window; }));
    for (const char* flow : flows) {
      // The refund window (EXO-4), without and with every payment method (EXO-10).
      for (std::int64_t s : refund) {
        emit({{"type", "exam_order"}, {"now", instant(paid + seconds(s))}, {"order", plain_order(paid, flow)}});
        json o = plain_order(paid, flow);
        o["payments"] = all_methods();
        emit({{"type", "exam_order"}, {"now", instant(paid + seconds(s))}, {"order", o}});
      }
      // The change window (EXO-5) of an exam 30 days after payment, for each status.
      const Instant exam = paid + hours(24 * 30);
      const auto change = around(each([&](const Policy& p) {
        const Flow f = flow == nullptr ? p.exam_order.default_flow : flow[0] == 'p' ? Flow::kPurchaseThenBook : Flow::kBookThenPurchase;
        return p.exam_order.flow(f).change_window;
      }));
      for (std::int64_t s : change) {
        for (const char* status : {"booked", "cancelled", "taken", "no_show"}) {
          if (status[0] == 'c' && booked_first(flow)) continue;  // never cancelled (EXO-5)
          json o = order(paid, flow);
          o["booking"] = {{"status", status}, {"exam_at", instant(exam)}};
          // A taken or missed exam has begun (EXO-1): asked the same time after it.
          const bool begun = status[0] == 't' || status[0] == 'n';
          emit({{"type", "exam_order"}, {"now", instant(begun ? exam + seconds(s) : exam - seconds(s))}, {"order", o}});
        }
      }
      // Validity (EXO-2): the last day and either side, and an exam booked after it.
      std::set<CivilDate> lasts;
      for (const Policy* p : in_.policies) {
        const Flow f = flow == nullptr ? p->exam_order.default_flow : flow[0] == 'p' ? Flow::kPurchaseThenBook : Flow::kBookThenPurchase;
        lasts.insert(p->exam_order.flow(f).validity.after(kChina.date_of(paid)));
      }
      for (CivilDate last : lasts) {
        for (int k : {-1, 0, 1}) emit({{"type", "exam_order"}, {"now", instant(at(add_days(last, k), 12))}, {"order", plain_order(paid, flow)}});
        json o = order(paid, flow);
        o["booking"] = {{"status", "booked"}, {"exam_at", instant(at(add_days(last, 1), 9))}};
        emit({{"type", "exam_order"}, {"now", instant(paid + hours(1))}, {"order", o}});
      }
    }
    // Each payment method alone, inside the window (EXO-10).
    for (const std::string& m : methods_) {
      json o = plain_order(paid, nullptr);
      o["payments"] = json::array({{{"method", m}, {"amount_fen", 120000}}});
      emit({{"type", "exam_order"}, {"now", instant(paid + hours(1))}, {"order", o}});
    }
    // Refunded; a platform fault (EXO-9) after the window.
    const Instant exam = paid + hours(24 * 30);
    json refunded = order(paid, nullptr);
    refunded["refunded"] = true;
    emit({{"type", "exam_order"}, {"now", instant(paid + hours(1))}, {"order", refunded}});
    json fault = order(paid, nullptr);
    fault["platform_fault"] = true;
    fault["booking"] = {{"status", "booked"}, {"exam_at", instant(exam)}};
    emit({{"type", "exam_order"}, {"now", instant(exam - hours(1))}, {"order", fault}});
    // Check-in, end and results (EXO-6 … EXO-8) for each kind of exam, and
    // the moments around the end and the results of each policy.
    std::set<Instant> nows{paid + hours(1)};
    for (const Policy* p : in_.policies) {
      const auto& e = p->exam_order;
      const Instant ends = exam + e.duration;
      const Instant theory = ends + e.theory_results_after_end;
      const CivilDate exam_day = p->zone.date_of(exam);
      nows.insert({exam - e.check_in_before, exam - e.check_in_before + seconds(1), ends, ends + seconds(1), theory - seconds(1), theory});
      for (int days : {e.lab_results_days, e.interview_results_days}) {
        const Instant r = p->zone.start_of(add_days(exam_day, days));
        nows.insert({r - seconds(1), r});
      }
    }
    for (const char* kind : {"theory", "lab", "interview"}) {
      for (Instant now : nows) {
        json o = order(paid, nullptr);
        o["booking"] = {{"status", "booked"}, {"exam_at", instant(exam)}, {"exam_kind", kind}};
        emit({{"type", "exam_order"}, {"now", instant(now)}, {"order", o}});
      }
    }
  }

  // TRN-2 … TRN-6 for a class starting on `start`, decided on days counted
  // back from it on each policy's calendar.
  void training(CivilDate start, Instant paid_by) {
    std::set<int> working{0, 1};
    std::set<int> calendar_days;
    for (const Policy* p : in_.policies) {
      for (const auto& t : p->training.refund_tiers) working.insert({t.more_than_working_days, t.more_than_working_days + 1, t.more_than_working_days + 2});
      working.insert({p->training.deferral_min_working_days - 1, p->training.deferral_min_working_days});
      for (int n : {p->training.class_decision_days, p->training.opening_notice_days}) calendar_days.insert({n - 1, n, n + 1});
    }
    std::set<CivilDate> days;
    for (const Policy* p : in_.policies) {
      for (int n : working) {
        if (n < 0) continue;
        CivilDate now = start;
        for (int left = n; left > 0;) {
          now = add_days(now, -1);
          if (p->calendar.is_working_day(now)) --left;
        }
        days.insert(now);
      }
    }
    for (int n : calendar_days) days.insert(add_days(start, -n));
    const std::string paid = instant(paid_by - hours(24 * 60));
    auto enrolment = [&](const char* status) {
      return json{{"class_start", format_date(start)}, {"paid_fen", 358000}, {"class_status", status}, {"paid_at", paid}};
    };
    for (CivilDate now : days) {
      for (const char* status : {"pending", "not_opened"}) {
        emit({{"type", "training"}, {"now", instant(at(now, 12))}, {"enrolment", enrolment(status)}});
      }
    }
    const std::string now = instant(at(add_days(start, -30), 12));
    emit({{"type", "training"}, {"now", now}, {"enrolment", enrolment("open")}});
    for (const char* flag : {"deferred", "deferral_used"}) {
      json e = enrolment("pending");
      e[flag] = true;
      emit({{"type", "training"}, {"now", now}, {"enrolment", e}});
    }
  }

  // CRT-1, CRT-2 for a pass published on `published`.
  void certificates(CivilDate published) {
    std::set<CivilDate> nows{published};
    for (const Policy* p : in_.policies) {
      const CivilDate until = p->certificate.validity.after(published);
      for (int k : {-p->certificate.expiring_within_days - 1, -p->certificate.expiring_within_days, -1, 0, 1}) nows.insert(add_days(until, k));
    }
    for (CivilDate now : nows) {
      emit({{"type", "certificate"}, {"now", instant(at(now, 12))}, {"passes", json::array({{{"published_on", format_date(published)}}})}});
    }
  }

  // PRA-1, PRA-2 for a purchase paid at `paid`: every number of attempts and
  // the scores around each pass mark and top score.
  void practitioner(Instant paid) {
    std::set<int> scores{0};
    int attempts = 0;
    for (const Policy* p : in_.policies) {
      const auto& pr = p->practitioner;
      scores.insert({pr.pass_score - 1, pr.pass_score, pr.max_score, pr.max_score + 1});
      attempts = std::max(attempts, pr.attempts + 1);
    }
    for (int n = 0; n <= attempts; ++n) {
      for (int score : scores) {
        if (n == 0 && score != 0) continue;
        json list = json::array();
        for (int k = 0; k < n; ++k) list.push_back({{"taken_at", instant(paid + hours(k + 1))}, {"score", std::max(score, 0)}});
        emit({{"type", "practitioner"}, {"now", instant(paid + hours(24))}, {"purchase", {{"paid_at", instant(paid)}}}, {"attempts", list}});
      }
    }
  }

  // COD-1 … COD-5 for an order paid at `paid` (every state and action only
  // when `matrix`).
  void exam_codes(Instant paid, bool matrix) {
    const CivilDate d = kChina.date_of(paid);
    const std::string now = instant(paid + hours(2));
    const json ord = {{"paid_at", instant(paid)}};
    if (matrix) {
      for (const char* state : {"unused", "bound", "examined", "void", "expired", "refunded"}) {
        for (const char* action : {"bind", "unbind", "regenerate", "sit", "view_score"}) {
          emit({{"type", "exam_code"}, {"now", now}, {"order", ord}, {"code", {{"state", state}}}, {"action", action}});
        }
      }
    }
    std::set<CivilDate> lasts;
    for (const Policy* p : in_.policies) lasts.insert(p->exam_codes.validity.after(d));
    const json codes = json::array({{{"state", "unused"}}, {{"state", "bound"}}, {{"state", "examined"}, {"passed", true}}});
    for (CivilDate last : lasts) {
      for (int k : {0, 1}) {
        const std::string when = instant(at(add_days(last, k), 12));
        emit({{"type", "exam_code"}, {"now", when}, {"order", ord}, {"code", {{"state", "unused"}}}, {"action", "bind"}});
        emit({{"type", "exam_code_order"}, {"now", when}, {"order", {{"paid_at", instant(paid)}, {"codes", codes}}}});
      }
    }
    for (std::int64_t s : around(each([](const Policy& p) { return p.exam_order.refund_window; }))) {
      emit({{"type", "exam_code_order"}, {"now", instant(paid + seconds(s))},
            {"order", {{"paid_at", instant(paid)}, {"codes", json::array({{{"state", "unused"}}, {{"state", "bound"}}})}}}});
    }
    emit({{"type", "exam_code_order"}, {"now", now}, {"order", {{"paid_at", instant(paid)}, {"refunded", true}, {"codes", codes}}}});
  }

  // CAT-1 … CAT-3, ACC-1, ACC-2 on day `d`.
  void catalogue(CivilDate d) {
    std::set<std::string> ids;
    for (const Policy* p : in_.policies) {
      for (const auto& c : p->catalogue.certifications) ids.insert(c.id);
    }
    const std::string now = instant(at(d, 12));
    emit({{"type", "catalogue"}, {"now", now}});
    for (const std::string& id : ids) {
      emit({{"type", "certification"}, {"now", now}, {"id", id}});
      for (const char* kind : {"individual", "enterprise"}) {
        emit({{"type", "purchase"}, {"now", now}, {"product", "exam"}, {"certification", id}, {"account", {{"kind", kind}, {"real_name_verified", true}}}});
      }
    }
  }

  // A booking form for an exam at `exam`: a complete valid one, changed by `with`.
  static json form(Instant exam, const json& with) {
    json f = {{"id_type", "cn_id_card"}, {"id_number", "11010519491231002X"}, {"id_valid_until", "2199-12-31"},
              {"surname", "张"}, {"given_name", "三"}, {"phone", "13800138000"},
              {"email", "candidate@example.com"}, {"email_confirm", "candidate@example.com"}};
    f.merge_patch(with);
    return {{"type", "booking_form"}, {"now", instant(exam - hours(24 * 7))}, {"exam_at", instant(exam)}, {"form", f}};
  }

  // What no day moves, decided at `m`: every date the calendars list, the
  // certificate dates, the form's limits, contacts, who may buy what.
  void fixed(Instant m) {
    const std::string now = instant(m);
    const CivilDate today = kChina.date_of(m);
    std::set<CivilDate> dates;
    for (const Policy* p : in_.policies) {
      std::set<int> years;  // with data, or counted by an estimate (CAL-4)
      for (int y : p->calendar.years()) years.insert(y);
      for (int y : p->calendar.estimate_years()) years.insert(y);
      for (int y : years) {
        for (CivilDate d = CivilDate::from_ymd(y, 1, 1); d.year() == y; d = add_days(d, 1)) {
          const DayKind k = p->calendar.kind(d);
          if (k == DayKind::kHoliday || k == DayKind::kMakeupWorkday || p->calendar.may_be_makeup(d)) dates.insert(d);
        }
        dates.insert(CivilDate::from_ymd(y, 1, 1));
      }
    }
    for (CivilDate d : dates) emit({{"type", "working_day"}, {"now", now}, {"date", format_date(d)}});

    // CRT-3, CRT-4.
    for (const Policy* p : in_.policies) {
      const CivilDate since = p->certificate.electronic_only_since;
      for (int k : {-1, 0}) {
        emit({{"type", "certificate"}, {"now", now}, {"passes", json::array({{{"published_on", format_date(add_days(since, k))}}})}});
      }
      for (const auto& [legacy, current] : p->certificate.level_names) {
        for (const std::string& level : {legacy, current}) {
          emit({{"type", "certificate"}, {"now", now}, {"level", level}, {"passes", json::array({{{"published_on", format_date(today)}}})}});
        }
      }
    }

    // BKG-1 … BKG-3 at every limit of every policy.
    const Instant exam = m + hours(24 * 7);
    std::set<std::string> ids, permits, taiwan, phones, names, emails;
    for (const Policy* p : in_.policies) {
      const auto& b = p->booking_form;
      for (int y : {b.min_birth_year - 1, b.min_birth_year}) {
        if (y >= 1000 && y <= kMaxYear) ids.insert(id_card(CivilDate::from_ymd(y, 6, 15)));
      }
      std::set<int> counts(b.hk_macao_digit_counts.begin(), b.hk_macao_digit_counts.end());
      const int lo = *std::min_element(counts.begin(), counts.end()), hi = *std::max_element(counts.begin(), counts.end());
      counts.insert({lo - 1, hi + 1});
      for (char prefix : b.hk_macao_prefixes + "Z") {
        for (int n : counts) {
          if (n > 0) permits.insert(std::string(1, prefix).append(static_cast<size_t>(n), '1'));
        }
      }
      for (int n : b.taiwan_digit_counts) {
        for (int k : {n - 1, n, n + 1}) {
          if (k > 0) taiwan.insert(std::string(static_cast<size_t>(k), '2'));
        }
      }
      for (int len : {b.mobile_length - 1, b.mobile_length, b.mobile_length + 1}) {
        if (len <= static_cast<int>(b.mobile_prefix.size())) continue;
        const std::string mobile = b.mobile_prefix + std::string(static_cast<size_t>(len) - b.mobile_prefix.size(), '3');
        phones.insert({mobile, "+86 " + mobile});
      }
      phones.insert(std::string(static_cast<size_t>(b.mobile_length), b.mobile_prefix.rfind('9', 0) == 0 ? '8' : '9'));
      for (int n : {b.intl_min_digits - 1, b.intl_min_digits, b.intl_max_digits, b.intl_max_digits + 1}) {
        if (n > 0) phones.insert("+" + std::string(static_cast<size_t>(n), '5'));
      }
      std::string name;
      for (int k = 0; k < b.name_max_chars; ++k) name += "张";
      names.insert({name, name + "张"});
      for (int n : {b.email_max_bytes, b.email_max_bytes + 1}) {
        if (n > 12) emails.insert(std::string(static_cast<size_t>(n) - 12, 'a') + "@example.com");
      }
    }
    for (const std::string& id : ids) emit(form(exam, {{"id_number", id}}));
    emit(form(exam, {{"id_number", "11010519491231002x"}}));
    emit(form(exam, {{"id_number", "110105194912310021"}}));
    for (const std::string& n : permits) emit(form(exam, {{"id_type", "hk_macao_permit"}, {"id_number", n}}));
    for (const std::string& n : taiwan) emit(form(exam, {{"id_type", "taiwan_permit"}, {"id_number", n}}));
    emit(form(exam, {{"id_type", "passport"}}));
    for (const std::string& phone : phones) emit(form(exam, {{"phone", phone}}));
    for (const std::string& name : names) emit(form(exam, {{"surname", name}}));
    for (const std::string& email : emails) emit(form(exam, {{"email", email}, {"email_confirm", email}}));

    // NTF-1, NTF-2.
    emit({{"type", "contacts"}, {"now", now}, {"contacts", {{"phone", {{"state", "verified"}, {"value", "138****8000"}}}, {"email", {{"state", "verified"}, {"value", "a@example.com"}}}}}});
    emit({{"type", "contacts"}, {"now", now}, {"contacts", {{"phone", {{"state", "pending"}}}, {"email", {{"state", "unbound"}}}}}});

    // ACC-1, ACC-2, TRN-1: every product, for each kind of account.
    for (const char* product : {"practitioner", "online_course", "exam_codes"}) {
      for (const char* kind : {"individual", "enterprise"}) {
        emit({{"type", "purchase"}, {"now", now}, {"product", product}, {"account", {{"kind", kind}, {"real_name_verified", true}}}});
      }
    }
    emit({{"type", "purchase"}, {"now", now}, {"product", "practitioner"}, {"account", {{"kind", "individual"}, {"real_name_verified", false}}}});
    emit({{"type", "purchase"}, {"now", now}, {"product", "practitioner"}, {"account", {{"kind", "individual"}, {"real_name_verified", true}, {"sub_account", true}}}});
  }

  // Orders paid either side of a dated change (the terms at purchase govern
  // them), decided in the range.
  void paid_around(Instant t) {
    const Instant start = at(in_.from, 12), end = at(in_.to, 0);
    for (Instant paid : {t - seconds(1), t}) {
      if (paid + hours(24 * 400) < start || paid >= end) continue;
      std::set<Instant> nows{std::max(start, paid + hours(24))};
      for (std::int64_t s : around(each([](const Policy& p) { return p.exam_order.refund_window; }))) {
        if (paid + seconds(s) >= start && paid + seconds(s) < end) nows.insert(paid + seconds(s));
      }
      for (Instant now : nows) {
        emit({{"type", "exam_order"}, {"now", instant(now)}, {"order", plain_order(paid, nullptr)}});
        emit({{"type", "exam_code_order"}, {"now", instant(now)}, {"order", {{"paid_at", instant(paid)}, {"codes", json::array({{{"state", "unused"}}})}}}});
        emit({{"type", "practitioner"}, {"now", instant(now)}, {"purchase", {{"paid_at", instant(paid)}}}, {"attempts", json::array()}});
        const CivilDate start_day = add_days(kChina.date_of(paid), 30);
        emit({{"type", "training"}, {"now", instant(now)},
              {"enrolment", {{"class_start", format_date(start_day)}, {"paid_fen", 358000}, {"paid_at", instant(paid)}}}});
      }
    }
  }

  const CorpusInput& in_;
  const std::function<void(const std::string&)>& emit_;
  std::set<std::string> methods_;
};

}  // namespace

void boundary_corpus(const CorpusInput& in, const std::function<void(const std::string&)>& emit) { Builder(in, emit).run(); }

}  // namespace certpolicy::cli
