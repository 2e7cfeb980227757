// Reads and validates the policy document (the default merged with a patch)
// into the rules' model.
#include "policy/policy.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdlib>

#include "json/enum_in.h"

namespace certpolicy {

namespace {

// A duration's unit and its largest count: 100 years in each unit, so that
// an input instant (years 1970–2199) moved by any chain of policy durations
// still prints as a four-digit year (docs/RULES.md, POL-1).
struct Unit {
  const char* key;
  int max;
};

// Exactly one of the given unit keys, a non-negative integer up to its max.
std::optional<std::pair<size_t, int>> read_unit(const JsonIn& in, Issues& issues,
                                                std::initializer_list<Unit> units) {
  if (!read_object(in, issues)) return std::nullopt;
  std::optional<std::pair<size_t, int>> found;
  size_t k = 0;
  for (const Unit& u : units) {
    JsonIn v = in[u.key];
    if (v.present()) {
      auto n = read_int(v, issues, 0, u.max);
      if (!n) return std::nullopt;
      if (found) {
        issues.fail(in.path(), detail_code::kInconsistent, "exactly one unit");
        return std::nullopt;
      }
      found = std::pair{k, static_cast<int>(*n)};
    }
    ++k;
  }
  if (!found) issues.fail(in.path(), detail_code::kMissing, "one of days, hours, minutes, months, years");
  return found;
}

}  // namespace

std::optional<Elapsed> read_elapsed(const JsonIn& in, Issues& issues) {
  auto u = read_unit(in, issues, {{"days", 36'525}, {"hours", 876'600}, {"minutes", 52'596'000}});
  if (!u) return std::nullopt;
  static constexpr int kMinutesPer[] = {24 * 60, 60, 1};
  return Elapsed(static_cast<std::int64_t>(u->second) * kMinutesPer[u->first]);
}

std::optional<CalendarPeriod> read_period(const JsonIn& in, Issues& issues) {
  auto u = read_unit(in, issues, {{"years", 100}, {"months", 1'200}, {"days", 36'525}});
  if (!u) return std::nullopt;
  CalendarPeriod p;
  if (u->first == 0) p.months = 12 * u->second;
  if (u->first == 1) p.months = u->second;
  if (u->first == 2) p.days = u->second;
  return p;
}

std::optional<std::vector<int>> read_reminder_days(const JsonIn& rem, Issues& issues) {
  auto n = read_array(rem, issues, kMaxListItems, false);
  if (!n) return std::nullopt;
  std::vector<int> days;
  for (size_t k = 0; k < *n; ++k) {
    auto d = read_int(rem[k]["days"], issues, 0, 3660);
    if (!d) return std::nullopt;
    days.push_back(static_cast<int>(*d));
  }
  return days;
}

namespace {

std::optional<std::vector<int>> read_int_list(const JsonIn& in, Issues& issues, int min, int max) {
  auto n = read_array(in, issues, kMaxListItems, false);
  if (!n) return std::nullopt;
  std::vector<int> out;
  for (size_t k = 0; k < *n; ++k) {
    auto v = read_int(in[k], issues, min, max);
    if (!v) return std::nullopt;
    out.push_back(static_cast<int>(*v));
  }
  return out;
}

// Where the numbers come from: free text, kept for people, not decided on.
constexpr size_t kMaxSourceBytes = 4096;

// POL-3: a reminder falls between the purchase and the expiry: fewer days
// before expiry than the validity spans at its shortest.
bool reminders_inside(const JsonIn& list, const std::vector<int>& days, int shortest, Issues& issues) {
  for (size_t k = 0; k < days.size(); ++k) {
    if (days[k] >= shortest) {
      issues.fail(list[k]["days"].path(), detail_code::kInconsistent,
                  "fewer days than the validity spans (" + std::to_string(shortest) + " at the shortest)");
      return false;
    }
  }
  return true;
}

// The first year a text names (four digits, 1900–2199, not inside a longer
// number), or 0: "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕…)" → 2027.
int first_year_named(std::string_view text) {
  auto digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  for (size_t k = 0; k + 4 <= text.size(); ++k) {
    if ((k > 0 && digit(k - 1)) || !digit(k) || !digit(k + 1) || !digit(k + 2) || !digit(k + 3) || digit(k + 4)) continue;
    const int y = std::atoi(std::string(text.substr(k, 4)).c_str());
    if (y >= 1900 && y <= kMaxYear) return y;
  }
  return 0;
}

// A list of dates, each in `year` (a calendar year's holidays, makeup days, an estimate's days off).
bool read_dates_of_year(const JsonIn& list, int year, std::set<CivilDate>& out, Issues& issues, bool optional = false) {
  auto n = read_array(list, issues, 366, optional);
  if (!n) return false;
  for (size_t k = 0; k < *n; ++k) {
    auto d = read_date(list[k], issues);
    if (!d) return false;
    if (d->year() != year) {
      issues.fail(list[k].path(), detail_code::kInconsistent, "a date in " + std::to_string(year));
      return false;
    }
    out.insert(*d);
  }
  return true;
}

// POL-8: a makeup working day (调休上班) is a weekend day declared worked; a
// weekday in `list` (read into `dates`) would change nothing, so it is a mistake.
bool weekends_only(const JsonIn& list, const std::set<CivilDate>& dates, Issues& issues) {
  for (CivilDate d : dates) {
    const unsigned wd = d.weekday().c_encoding();
    if (wd == 0 || wd == 6) continue;
    // The list's own index of the date (the set is sorted, the file may not be).
    size_t k = 0;
    for (size_t j = 0; j < list.size(); ++j) {
      if (list[j].is(JsonKind::kString) && list[j].string() == format_date(d)) k = j;
    }
    issues.fail(list[k].path(), detail_code::kInconsistent, "a Saturday or Sunday: " + format_date(d) + " is a weekday");
    return false;
  }
  return true;
}

bool load_year(const JsonIn& in, int year, YearCalendar& out, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto notice = read_string(in["notice"], issues, kMaxSourceBytes, std::string());
  if (!notice) return false;
  // POL-7: a cited notice names the year it schedules first (its title, as
  // in 关于2027年部分节假日安排的通知); a notice of another year would make
  // the year "verified" with the wrong source.
  if (!notice->empty() && first_year_named(*notice) != year) {
    issues.fail(in["notice"].path(), detail_code::kInconsistent,
                "the notice of " + std::to_string(year) + ", naming " + std::to_string(year) + " first (as in 关于" +
                    std::to_string(year) + "年部分节假日安排的通知)");
    return false;
  }
  out.notice = *notice;
  for (auto [key, set] : {std::pair{"holidays", &out.holidays},
                          std::pair{"makeup_workdays", &out.makeup_workdays}}) {
    if (!read_dates_of_year(in[key], year, *set, issues)) return false;
  }
  if (!weekends_only(in["makeup_workdays"], out.makeup_workdays, issues)) return false;
  for (CivilDate d : out.holidays) {
    if (out.makeup_workdays.count(d) != 0) {
      issues.fail(in["makeup_workdays"].path(), detail_code::kInconsistent,
                  "no date that is also a holiday: " + format_date(d));
      return false;
    }
  }
  return true;
}

// A calendar year's key ("2027"), or nullopt with the error at `at`.
std::optional<int> read_year_key(std::string_view key, const JsonIn& at, Issues& issues) {
  int y = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), y);
  if (key.size() != 4 || ec != std::errc() || end != key.data() + 4 || y < kMinYear || y > kMaxYear) {
    issues.fail(at.path(), detail_code::kBadFormat, "a year key such as \"2027\"");
    return std::nullopt;
  }
  return y;
}

// CAL-4: a year's estimate, {"basis": "…", "days_off": [the law's], "may_be_off": [joined to them],
// "may_be_makeup": [weekends a notice may declare worked; optional]}: counted as days off only (no makeup
// working day), each day in one list.
bool load_estimate(const JsonIn& in, int year, YearEstimate& out, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto basis = read_string(in["basis"], issues, kMaxSourceBytes);
  if (!basis) return false;
  if (basis->empty()) {
    issues.fail(in["basis"].path(), detail_code::kBadFormat, "how the days off were chosen (not empty)");
    return false;
  }
  out.basis = *basis;
  if (!read_dates_of_year(in["days_off"], year, out.days_off, issues) ||
      !read_dates_of_year(in["may_be_off"], year, out.may_be_off, issues) ||
      !read_dates_of_year(in["may_be_makeup"], year, out.may_be_makeup, issues, true) ||
      !weekends_only(in["may_be_makeup"], out.may_be_makeup, issues)) {
    return false;
  }
  for (CivilDate d : out.may_be_off) {
    if (out.days_off.count(d) != 0) {
      issues.fail(in["may_be_off"].path(), detail_code::kInconsistent, "no day the law fixes (days_off): " + format_date(d));
      return false;
    }
  }
  for (CivilDate d : out.may_be_makeup) {
    if (out.days_off.count(d) != 0 || out.may_be_off.count(d) != 0) {
      issues.fail(in["may_be_makeup"].path(), detail_code::kInconsistent, "no day the estimate counts off: " + format_date(d));
      return false;
    }
  }
  return true;
}

// Each member of an object keyed by year ("2027"), read by `load(year, member)`.
template <class Load>
bool for_each_year(const JsonIn& in, Issues& issues, Load load) {
  if (!read_object(in, issues)) return false;
  for (const auto& [key, member] : in.members()) {
    auto y = read_year_key(key, member, issues);
    if (!y || !load(*y, member)) return false;
  }
  return true;
}

bool load_calendar(const JsonIn& in, WorkCalendar& cal, Issues& issues) {
  if (!read_string(in["source"], issues, kMaxSourceBytes, std::string())) return false;
  const bool years = for_each_year(in["years"], issues, [&](int y, const JsonIn& year_in) {
    YearCalendar yc;
    if (!load_year(year_in, y, yc, issues)) return false;
    cal.set_year(y, std::move(yc));
    return true;
  });
  if (!years) return false;
  // CAL-4: estimates are optional.
  return !in["estimates"].present() || for_each_year(in["estimates"], issues, [&](int y, const JsonIn& estimate_in) {
    YearEstimate e;
    if (!load_estimate(estimate_in, y, e, issues)) return false;
    cal.set_estimate(y, std::move(e));
    return true;
  });
}

bool load_exam_order(const JsonIn& in, ExamOrderPolicy& p, Issues& issues) {
  if (!read_object(in, issues)) return false;
  const auto& flow_names = EnumNames<Flow>::names;
  for (size_t f = 0; f < flow_names.size(); ++f) {
    JsonIn fl = in["flows"][flow_names[f]];
    if (!read_object(fl, issues)) return false;
    auto validity = read_period(fl["validity"], issues);
    auto window = validity ? read_elapsed(fl["change_window"], issues) : std::nullopt;
    auto cancel = window ? read_bool(fl["cancel_allowed"], issues) : std::nullopt;
    if (!cancel) return false;
    p.flows[f] = FlowPolicy{*validity, *window, *cancel};
  }
  auto def = read_enum<Flow>(in["default_flow"], issues);
  if (!def) return false;
  p.default_flow = *def;

  auto reminders = read_reminder_days(in["reminders_before_expiry"], issues);
  if (!reminders) return false;
  p.reminder_days = std::move(*reminders);
  for (size_t f = 0; f < flow_names.size(); ++f) {
    const JsonIn fl = in["flows"][flow_names[f]];
    const int shortest = p.flows[f].validity.shortest_days();
    // POL-2: a change window is shorter than the order's validity.
    if (p.flows[f].change_window >= std::chrono::days(shortest)) {
      issues.fail(fl["change_window"].path(), detail_code::kInconsistent,
                  "a window shorter than the validity (" + std::to_string(shortest) + " days at the shortest)");
      return false;
    }
    if (!reminders_inside(in["reminders_before_expiry"], p.reminder_days, shortest, issues)) return false;
  }

  struct {
    const char* path;
    Elapsed* out;
  } elapsed[] = {{"refund_window", &p.refund_window},
                 {"check_in_before", &p.check_in_before},
                 {"duration", &p.duration}};
  for (auto& e : elapsed) {
    auto v = read_elapsed(in[e.path], issues);
    if (!v) return false;
    *e.out = *v;
  }
  JsonIn results = in["results"];
  auto theory = read_elapsed(results["theory"]["after_end"], issues);
  auto theory_terms = theory ? read_int(results["theory"]["terms_after_exam_day"]["days"], issues, 0, 3660) : std::nullopt;
  auto lab = theory_terms ? read_int(results["lab"]["after_exam_day"]["days"], issues, 0, 3660) : std::nullopt;
  auto interview =
      lab ? read_int(results["interview"]["after_exam_day"]["days"], issues, 0, 3660) : std::nullopt;
  if (!interview) return false;
  p.theory_results_after_end = *theory;
  p.theory_results_terms_days = static_cast<int>(*theory_terms);
  p.lab_results_days = static_cast<int>(*lab);
  p.interview_results_days = static_cast<int>(*interview);

  JsonIn methods = in["payment_methods"];
  if (!read_object(methods, issues)) return false;
  p.payment_methods.clear();
  for (const auto& [name, method] : methods.members()) {
    auto refundable = read_bool(method["refundable"], issues);
    if (!refundable) return false;
    p.payment_methods.push_back({std::string(name), *refundable});
  }
  if (p.payment_methods.empty()) {
    issues.fail(methods.path(), detail_code::kMissing, "at least one payment method");
    return false;
  }
  return true;
}

bool load_booking_form(const JsonIn& in, BookingFormPolicy& p, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto len = read_int(in["cn_id_card"]["length"], issues, 18, 18);
  auto birth = len ? read_int(in["cn_id_card"]["min_birth_year"], issues, kMinYear - 100, kMaxYear)
                   : std::nullopt;
  if (!birth) return false;
  p.id_card_length = static_cast<int>(*len);
  p.min_birth_year = static_cast<int>(*birth);

  JsonIn prefixes = in["hk_macao_permit"]["prefixes"];
  auto n = read_array(prefixes, issues, 26, false);
  if (!n) return false;
  p.hk_macao_prefixes.clear();
  for (size_t k = 0; k < *n; ++k) {
    auto s = read_string(prefixes[k], issues, 1);
    if (!s) return false;
    if (s->size() != 1 || (*s)[0] < 'A' || (*s)[0] > 'Z') {
      issues.fail(prefixes[k].path(), detail_code::kBadFormat, "one capital letter");
      return false;
    }
    p.hk_macao_prefixes += *s;
  }
  auto hk = read_int_list(in["hk_macao_permit"]["digit_counts"], issues, 1, 20);
  auto tw = hk ? read_int_list(in["taiwan_permit"]["digit_counts"], issues, 1, 20) : std::nullopt;
  auto mlen = tw ? read_int(in["mobile"]["length"], issues, 3, 20) : std::nullopt;
  auto mpre = mlen ? read_string(in["mobile"]["prefix"], issues, 4) : std::nullopt;
  auto imin = mpre ? read_int(in["international_phone"]["min_digits"], issues, 1, 20) : std::nullopt;
  auto imax = imin ? read_int(in["international_phone"]["max_digits"], issues, *imin, 20) : std::nullopt;
  auto name_max = imax ? read_int(in["name_max_chars"], issues, 1, 200) : std::nullopt;
  auto email_max = name_max ? read_int(in["email_max_bytes"], issues, 6, 254) : std::nullopt;
  auto hold = email_max ? read_elapsed(in["seat_hold"], issues) : std::nullopt;
  if (!hold) return false;
  p.hk_macao_digit_counts = *hk;
  p.taiwan_digit_counts = *tw;
  p.mobile_length = static_cast<int>(*mlen);
  p.mobile_prefix = *mpre;
  p.intl_min_digits = static_cast<int>(*imin);
  p.intl_max_digits = static_cast<int>(*imax);
  p.name_max_chars = static_cast<int>(*name_max);
  p.email_max_bytes = static_cast<int>(*email_max);
  p.seat_hold = *hold;
  return true;
}

bool load_certificate(const JsonIn& in, CertificatePolicy& p, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto validity = read_period(in["validity"], issues);
  auto expiring = validity ? read_int(in["expiring_within_days"], issues, 0, 3660) : std::nullopt;
  auto electronic = expiring ? read_date(in["electronic_only_since"], issues) : std::nullopt;
  auto renamed = electronic ? read_date(in["levels_renamed_on"], issues) : std::nullopt;
  JsonIn names = in["level_names"];
  if (!renamed || !read_object(names, issues)) return false;
  p.validity = *validity;
  p.expiring_within_days = static_cast<int>(*expiring);
  p.electronic_only_since = *electronic;
  p.levels_renamed_on = *renamed;
  p.level_names.clear();
  for (const auto& [legacy, name] : names.members()) {
    auto current = read_string(name, issues, 16);
    if (!current) return false;
    p.level_names.emplace_back(std::string(legacy), *current);
  }
  return true;
}

bool load_practitioner(const JsonIn& in, PractitionerPolicy& p, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto attempts = read_int(in["attempts"], issues, 1, 100);
  auto max = attempts ? read_int(in["max_score"], issues, 1, 10000) : std::nullopt;
  auto pass = max ? read_int(in["pass_score"], issues, 0, *max) : std::nullopt;
  auto duration = pass ? read_elapsed(in["duration"], issues) : std::nullopt;
  if (!duration) return false;
  p = {static_cast<int>(*attempts), static_cast<int>(*pass), static_cast<int>(*max), *duration};
  return true;
}

bool load_training(const JsonIn& in, TrainingPolicy& p, Issues& issues) {
  if (!read_object(in, issues)) return false;
  JsonIn tiers = in["refund_tiers"];
  auto n = read_array(tiers, issues, kMaxListItems, false);
  if (!n) return false;
  p.refund_tiers.clear();
  for (size_t k = 0; k < *n; ++k) {
    auto more = read_int(tiers[k]["more_than_working_days"], issues, 0, 3660);
    auto percent = more ? read_int(tiers[k]["percent"], issues, 0, 100) : std::nullopt;
    if (!percent) return false;
    if (!p.refund_tiers.empty() && *more >= p.refund_tiers.back().more_than_working_days) {
      issues.fail(tiers[k].path(), detail_code::kInconsistent, "thresholds in descending order");
      return false;
    }
    // POL-4: cancelling later never refunds more.
    if (!p.refund_tiers.empty() && *percent > p.refund_tiers.back().percent) {
      issues.fail(tiers[k]["percent"].path(), detail_code::kInconsistent,
                  "at most the percent of the tier before (" + std::to_string(p.refund_tiers.back().percent) + ")");
      return false;
    }
    p.refund_tiers.push_back({static_cast<int>(*more), static_cast<int>(*percent)});
  }
  auto otherwise = read_int(in["otherwise_percent"], issues, 0,
                            p.refund_tiers.empty() ? 100 : p.refund_tiers.back().percent);
  auto deferral = otherwise ? read_int(in["deferral_min_working_days"], issues, 0, 3660) : std::nullopt;
  auto decision = deferral ? read_int(in["class_decision_before"]["days"], issues, 0, 3660) : std::nullopt;
  auto notice = decision ? read_int(in["opening_notice_before"]["days"], issues, 0, 3660) : std::nullopt;
  auto email = notice ? read_string(in["office_email"], issues, 254) : std::nullopt;
  if (!email) return false;
  p.otherwise_percent = static_cast<int>(*otherwise);
  p.deferral_min_working_days = static_cast<int>(*deferral);
  p.class_decision_days = static_cast<int>(*decision);
  p.opening_notice_days = static_cast<int>(*notice);
  p.office_email = *email;
  return true;
}

bool load_exam_codes(const JsonIn& in, ExamCodePolicy& p, Issues& issues) {
  if (!read_object(in, issues)) return false;
  auto validity = read_period(in["validity"], issues);
  auto reminders = validity ? read_reminder_days(in["reminders_before_expiry"], issues) : std::nullopt;
  if (!reminders) return false;
  p.validity = *validity;
  p.reminder_days = std::move(*reminders);
  return reminders_inside(in["reminders_before_expiry"], p.reminder_days, p.validity.shortest_days(), issues);
}

}  // namespace

std::optional<Policy> load_policy(const JsonIn& root, Issues& issues) {
  Policy p;
  if (!read_object(root, issues)) return std::nullopt;
  auto version = read_string(root["version"], issues, 64);
  auto region = version ? read_string(root["region"], issues, 64) : std::nullopt;
  if (region && !read_string(root["source"], issues, kMaxSourceBytes, std::string())) return std::nullopt;
  auto offset = region ? read_int(root["zone"]["utc_offset_minutes"], issues, -14 * 60, 14 * 60)
                       : std::nullopt;
  if (!offset) return std::nullopt;
  p.version = *version;
  p.region = *region;
  p.zone = FixedZone(static_cast<int>(*offset));
  if (!load_calendar(root["calendar"], p.calendar, issues)) return std::nullopt;
  if (!load_exam_order(root["exam_order"], p.exam_order, issues)) return std::nullopt;
  if (!load_booking_form(root["booking_form"], p.booking_form, issues)) return std::nullopt;
  if (!load_certificate(root["certificate"], p.certificate, issues)) return std::nullopt;
  if (!load_practitioner(root["practitioner"], p.practitioner, issues)) return std::nullopt;
  if (!load_training(root["training"], p.training, issues)) return std::nullopt;
  if (!load_exam_codes(root["exam_codes"], p.exam_codes, issues)) return std::nullopt;
  if (!load_catalogue(root["catalogue"], p.certificate, p.catalogue, issues)) return std::nullopt;
  return p;
}

}  // namespace certpolicy
