// Civil dates and instants (rules TIM-1, TIM-2).
//
// Two distinct types, as in Abseil civil_time / Howard Hinnant's date:
//   CivilDate — a calendar day with no zone ("2026-11-26"), day precision.
//   Instant   — a point on the UTC time line, millisecond precision.
// The only bridges between them take a FixedZone:
//   CivilDate d = zone.date_of(instant);      // the China date of an instant
//   Instant   i = zone.start_of(date);        // 00:00 of that date in the zone
//
// Arithmetic states its unit:
//   instant + hours(72)           elapsed time (TIM-2: "N days" = N x 24 h)
//   add_days(date, 10)            civil days
//   add_months(date, 12)          calendar months, clamped to the month's end:
//     add_months(2024-02-29, 24) == 2026-02-28
//     add_months(2025-08-31, 6)  == 2026-02-28
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace certpolicy {

using Millis = std::chrono::milliseconds;

// Years accepted anywhere in input. Outside this range a date is refused,
// which also bounds every day-by-day loop of the engine.
inline constexpr int kMinYear = 1970;
inline constexpr int kMaxYear = 2199;

class CivilDate {
 public:
  CivilDate() = default;
  explicit constexpr CivilDate(std::chrono::sys_days d) : days_(d) {}
  static constexpr CivilDate from_ymd(int y, unsigned m, unsigned d) {
    return CivilDate(std::chrono::sys_days(std::chrono::year_month_day(
        std::chrono::year(y), std::chrono::month(m), std::chrono::day(d))));
  }

  std::chrono::sys_days sys_days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days_); }
  int year() const { return static_cast<int>(ymd().year()); }
  std::chrono::weekday weekday() const { return std::chrono::weekday(days_); }

  // Spelled out: libc++ 14 (Emscripten 3.1.6) has no <=> for chrono types.
  friend constexpr bool operator==(CivilDate a, CivilDate b) { return a.days_ == b.days_; }
  friend constexpr bool operator!=(CivilDate a, CivilDate b) { return a.days_ != b.days_; }
  friend constexpr bool operator<(CivilDate a, CivilDate b) { return a.days_ < b.days_; }
  friend constexpr bool operator<=(CivilDate a, CivilDate b) { return a.days_ <= b.days_; }
  friend constexpr bool operator>(CivilDate a, CivilDate b) { return a.days_ > b.days_; }
  friend constexpr bool operator>=(CivilDate a, CivilDate b) { return a.days_ >= b.days_; }

 private:
  std::chrono::sys_days days_{};
};

class Instant {
 public:
  Instant() = default;
  explicit constexpr Instant(std::chrono::sys_time<Millis> t) : t_(t) {}

  std::chrono::sys_time<Millis> time() const { return t_; }

  template <class Rep, class Period>
  Instant operator+(std::chrono::duration<Rep, Period> d) const {
    return Instant(t_ + std::chrono::duration_cast<Millis>(d));
  }
  template <class Rep, class Period>
  Instant operator-(std::chrono::duration<Rep, Period> d) const {
    return Instant(t_ - std::chrono::duration_cast<Millis>(d));
  }
  Millis operator-(Instant o) const { return t_ - o.t_; }

  friend constexpr bool operator==(Instant a, Instant b) { return a.t_ == b.t_; }
  friend constexpr bool operator!=(Instant a, Instant b) { return a.t_ != b.t_; }
  friend constexpr bool operator<(Instant a, Instant b) { return a.t_ < b.t_; }
  friend constexpr bool operator<=(Instant a, Instant b) { return a.t_ <= b.t_; }
  friend constexpr bool operator>(Instant a, Instant b) { return a.t_ > b.t_; }
  friend constexpr bool operator>=(Instant a, Instant b) { return a.t_ >= b.t_; }

 private:
  std::chrono::sys_time<Millis> t_{};
};

// The instants accepted in input: from the first to the last millisecond of
// [kMinYear, kMaxYear] in UTC, whatever offset the text is written in
// (1970-01-01T00:00:00+08:00 is 1969-12-31T16:00Z: refused).
inline constexpr Instant kMinInstant{std::chrono::sys_days(std::chrono::year(kMinYear) / 1 / 1)};
inline constexpr Instant kMaxInstant{std::chrono::sys_time<Millis>(
    std::chrono::sys_days(std::chrono::year(kMaxYear + 1) / 1 / 1)) - Millis(1)};

// Milliseconds since the Unix epoch (a JavaScript Date's number) as an
// instant, a fraction of a millisecond truncated; nullopt when it is NaN or
// outside kMinInstant … kMaxInstant (the range of every input, TIM-1).
//   instant_from_ms(0) == 1970-01-01T00:00:00Z;
//   instant_from_ms(1.8e12 + 0.7) == 2027-01-15T08:00:00.000Z;  instant_from_ms(NaN) == nullopt
std::optional<Instant> instant_from_ms(double ms);
inline double ms_of(Instant i) { return static_cast<double>(i.time().time_since_epoch().count()); }

// A zone with a constant UTC offset and no DST. China Standard Time is
// FixedZone(480) (TIM-1); the offset comes from the policy document.
class FixedZone {
 public:
  explicit constexpr FixedZone(int offset_minutes = 0) : offset_(offset_minutes) {}
  int offset_minutes() const { return offset_.count(); }

  // The civil date, in this zone, on which `i` falls.
  CivilDate date_of(Instant i) const;
  // 00:00:00.000 of `d` in this zone.
  Instant start_of(CivilDate d) const;
  // `d` at hh:mm:ss in this zone.
  Instant at(CivilDate d, int hh, int mm, int ss) const;

  // RFC 3339 in this zone: "2026-11-26T13:54:54+08:00"; milliseconds are
  // written only when non-zero ("…:54.120+08:00").
  std::string format(Instant i) const;
  // The same, written at `out` (room for kMaxInstantChars); returns its end.
  static constexpr std::size_t kMaxInstantChars = 29;
  char* put(char* out, Instant i) const;

 private:
  std::chrono::minutes offset_;
};

// "YYYY-MM-DD".
std::string format_date(CivilDate d);
// The same, written at `out` (room for kDateChars); returns its end.
inline constexpr std::size_t kDateChars = 10;
char* put_date(char* out, CivilDate d);

// Why a text is not a date or an instant. Each maps to a message naming the
// field (see engine errors).
enum class TimeParseError {
  kSyntax,          // not of the form YYYY-MM-DD[Thh:mm:ss[.frac](Z|±hh:mm)]
  kImpossibleDate,  // 2026-02-30, 2025-02-29, month 13
  kImpossibleTime,  // 24:00, 10:61, leap second 60
  kMissingOffset,   // an instant without Z or ±hh:mm
  kBadOffset,       // offset beyond ±23:59
  kYearOutOfRange,  // a date's year outside [kMinYear, kMaxYear]; an instant outside [kMinInstant, kMaxInstant]
};

template <class T>
struct Parsed {
  std::optional<T> value;
  TimeParseError error = TimeParseError::kSyntax;
  explicit operator bool() const { return value.has_value(); }
};

// Strict "YYYY-MM-DD".
Parsed<CivilDate> parse_date(std::string_view s);

// RFC 3339 date-time with a mandatory offset: "2026-11-26T10:00:00+08:00",
// "2026-11-26T02:00:00Z", "2026-11-26T10:00:00.5+08:00". 't', 'z' and a
// single space in place of 'T' are accepted (RFC 3339 §5.6 note). Fractions
// beyond milliseconds are truncated.
Parsed<Instant> parse_instant(std::string_view s);

// Calendar arithmetic on civil dates (TIM-2).
CivilDate add_days(CivilDate d, int days);
// Clamps a day that does not exist to the month's last day.
CivilDate add_months(CivilDate d, int months);
// Whole civil days from `a` to `b` (b - a).
int days_between(CivilDate a, CivilDate b);

}  // namespace certpolicy
