// Civil dates and instants: the calendar arithmetic, RFC 3339 reading and
// writing, fixed zones (TIM-1, TIM-2).
#include "calendar/civil_time.h"

#include <array>
#include <cstdio>

namespace certpolicy {

using namespace std::chrono;

CivilDate FixedZone::date_of(Instant i) const {
  return CivilDate(floor<days>(i.time() + offset_));
}

Instant FixedZone::start_of(CivilDate d) const {
  return Instant(sys_time<Millis>(d.sys_days()) - offset_);
}

Instant FixedZone::at(CivilDate d, int hh, int mm, int ss) const {
  return start_of(d) + hours(hh) + minutes(mm) + seconds(ss);
}

namespace {

// Two digits at `p`.
char* put2(char* p, unsigned v) {
  p[0] = static_cast<char>('0' + (v / 10) % 10);
  p[1] = static_cast<char>('0' + v % 10);
  return p + 2;
}

// "YYYY-MM-DD" at `p` (10 characters).
char* put_date(char* p, const year_month_day& ymd) {
  int y = static_cast<int>(ymd.year());
  p = put2(p, static_cast<unsigned>(y / 100));
  p = put2(p, static_cast<unsigned>(y % 100));
  *p++ = '-';
  p = put2(p, static_cast<unsigned>(ymd.month()));
  *p++ = '-';
  return put2(p, static_cast<unsigned>(ymd.day()));
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t k = pos; k < pos + n; ++k) {
    char c = s[k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// Parses "YYYY-MM-DD" at the start of `s`; leaves the rest to the caller.
// The year is checked against [kMinYear, kMaxYear] only when `check_year`
// (an instant's range is checked on the instant, whatever its offset).
Parsed<CivilDate> parse_date_prefix(std::string_view s, bool check_year) {
  Parsed<CivilDate> r;
  int y = 0, m = 0, d = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) ||
      s[7] != '-' || !digits(s, 8, 2, d)) {
    r.error = TimeParseError::kSyntax;
    return r;
  }
  if (check_year && (y < kMinYear || y > kMaxYear)) {
    r.error = TimeParseError::kYearOutOfRange;
    return r;
  }
  year_month_day ymd{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
  if (!ymd.ok()) {
    r.error = TimeParseError::kImpossibleDate;
    return r;
  }
  r.value = CivilDate(sys_days(ymd));
  return r;
}

}  // namespace

char* put_date(char* out, CivilDate d) { return put_date(out, d.ymd()); }

std::string format_date(CivilDate d) {
  char buf[kDateChars];
  return std::string(buf, put_date(buf, d));
}

char* FixedZone::put(char* out, Instant i) const {
  auto local = i.time() + offset_;
  auto day = floor<days>(local);
  hh_mm_ss<Millis> tod{local - day};
  char* p = put_date(out, year_month_day(day));
  *p++ = 'T';
  p = put2(p, static_cast<unsigned>(tod.hours().count()));
  *p++ = ':';
  p = put2(p, static_cast<unsigned>(tod.minutes().count()));
  *p++ = ':';
  p = put2(p, static_cast<unsigned>(tod.seconds().count()));
  if (auto ms = static_cast<unsigned>(tod.subseconds().count()); ms != 0) {
    *p++ = '.';
    *p++ = static_cast<char>('0' + ms / 100);
    p = put2(p, ms % 100);
  }
  int off = offset_.count();
  *p++ = off < 0 ? '-' : '+';
  unsigned a = static_cast<unsigned>(off < 0 ? -off : off);
  p = put2(p, a / 60);
  *p++ = ':';
  p = put2(p, a % 60);
  return p;
}

std::string FixedZone::format(Instant i) const {
  char buf[kMaxInstantChars];
  return std::string(buf, put(buf, i));
}

Parsed<CivilDate> parse_date(std::string_view s) {
  auto r = parse_date_prefix(s, true);
  if (r && s.size() != 10) {
    r.value.reset();
    r.error = TimeParseError::kSyntax;
  }
  return r;
}

Parsed<Instant> parse_instant(std::string_view s) {
  Parsed<Instant> r;
  auto date = parse_date_prefix(s, false);
  if (!date) {
    r.error = date.error;
    return r;
  }
  if (s.size() < 19 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' ||
      s[16] != ':') {
    r.error = s.size() == 10 ? TimeParseError::kMissingOffset : TimeParseError::kSyntax;
    return r;
  }
  int hh = 0, mi = 0, ss = 0;
  if (!digits(s, 11, 2, hh) || !digits(s, 14, 2, mi) || !digits(s, 17, 2, ss)) {
    r.error = TimeParseError::kSyntax;
    return r;
  }
  if (hh > 23 || mi > 59 || ss > 59) {
    r.error = TimeParseError::kImpossibleTime;
    return r;
  }
  size_t pos = 19;
  int ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    int scale = 100;
    // Any number of digits (RFC 3339); those past milliseconds are dropped
    // (truncated: .9999 is .999, never rounded into the next second).
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      ms += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) {
      r.error = TimeParseError::kSyntax;
      return r;
    }
  }
  if (pos == s.size()) {
    r.error = TimeParseError::kMissingOffset;
    return r;
  }
  int offset_min = 0;
  char c = s[pos];
  if (c == 'Z' || c == 'z') {
    ++pos;
  } else if (c == '+' || c == '-') {
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om)) {
      r.error = TimeParseError::kSyntax;
      return r;
    }
    if (oh > 23 || om > 59) {
      r.error = TimeParseError::kBadOffset;
      return r;
    }
    offset_min = (c == '-' ? -1 : 1) * (oh * 60 + om);
    pos += 6;
  } else {
    r.error = TimeParseError::kSyntax;
    return r;
  }
  if (pos != s.size()) {
    r.error = TimeParseError::kSyntax;
    return r;
  }
  auto local = sys_time<Millis>(date.value->sys_days()) + hours(hh) + minutes(mi) + seconds(ss) +
               Millis(ms);
  const Instant instant(local - minutes(offset_min));
  if (instant < kMinInstant || instant > kMaxInstant) {
    r.error = TimeParseError::kYearOutOfRange;
    return r;
  }
  r.value = instant;
  return r;
}

CivilDate add_days(CivilDate d, int n) { return CivilDate(d.sys_days() + days(n)); }

CivilDate add_months(CivilDate d, int n) {
  year_month_day ymd = d.ymd();
  year_month ym = year_month(ymd.year(), ymd.month()) + months(n);
  day last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
  day dd = ymd.day() > last ? last : ymd.day();
  return CivilDate(sys_days(year_month_day(ym.year(), ym.month(), dd)));
}

int days_between(CivilDate a, CivilDate b) {
  return static_cast<int>((b.sys_days() - a.sys_days()).count());
}

std::optional<Instant> instant_from_ms(double ms) {
  // Compared as a double first: a count past int64 cannot be converted.
  constexpr double kLimit = 1e17;
  if (!(ms >= -kLimit && ms <= kLimit)) return std::nullopt;  // also NaN
  // Rounded down (a fraction of a millisecond is truncated, as in the text forms).
  auto whole = static_cast<std::int64_t>(ms);
  if (static_cast<double>(whole) > ms) --whole;
  const Instant out{std::chrono::sys_time<Millis>(Millis(whole))};
  if (out < kMinInstant || out > kMaxInstant) return std::nullopt;
  return out;
}

}  // namespace certpolicy
