// The `working_day` and `working_days` requests (CAL-1 … CAL-3).
#include "requests/handlers.h"
#include "rules/calendar_reasons.h"

namespace certpolicy {

std::optional<Outcome> handle_working_day(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto date = read_date(req["date"], issues);
  if (!date) return std::nullopt;
  const WorkCalendar& cal = ctx.policy.calendar;
  DayKind kind = cal.kind(*date);
  bool verified = cal.verified(date->year());  // an estimated year is not verified (CAL-4)
  Outcome out;
  out.fields.root()
      .put("date", *date)
      .put("working_day", cal.is_working_day(*date))
      .put("kind", name_of(kind))
      .put("verified", verified);
  static constexpr const char* kCodes[] = {"DAY_WEEKDAY", "DAY_WEEKEND", "DAY_HOLIDAY",
                                           "DAY_MAKEUP_WORKDAY"};
  // CAL-4: a day an estimate counts off that the law does not fix may be one; it is not said to be one. A
  // weekend near its days off may become a makeup working day.
  if (cal.may_be_off(*date)) out.reasons.add("DAY_ESTIMATED_OFF", "CAL-4");
  else if (cal.may_be_makeup(*date)) out.reasons.add("DAY_MAY_BE_MAKEUP", "CAL-4");
  else out.reasons.add(kCodes[static_cast<int>(kind)], "CAL-1");
  add_calendar_gaps(cal.gaps(*date, *date), out.reasons);
  return out;
}

std::optional<Outcome> handle_working_days(const JsonIn& req, const Context& ctx, Issues& issues) {
  auto from = read_date(req["from"], issues);
  auto to = read_date(req["to"], issues);
  if (!issues.ok()) return std::nullopt;
  WorkingDayCount c = ctx.policy.calendar.count_working_days(*from, *to);
  Outcome out;
  out.fields.root().put("from", *from).put("to", *to).put("count", c.count).put("verified", c.verified);
  out.reasons.add("WORKING_DAYS_COUNT", "CAL-3");
  if (!c.verified) add_calendar_gaps(ctx.policy.calendar.gaps(*from, add_days(*to, -1)), out.reasons);
  return out;
}

}  // namespace certpolicy
