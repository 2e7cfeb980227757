// What an answer says about the calendar years it counted (CAL-2, CAL-4):
// one reason per kind of gap, for the training decision and the working-day
// requests alike.
#pragma once

#include "calendar/working_days.h"
#include "rules/decision.h"

namespace certpolicy {

inline void add_calendar_gaps(CalendarGaps gaps, Reasons& reasons) {
  if (gaps.no_data) reasons.add("CALENDAR_YEAR_UNVERIFIED", "CAL-2");
  if (gaps.uncited) reasons.add("CALENDAR_YEAR_UNCITED", "CAL-2");
  if (gaps.estimated) reasons.add("CALENDAR_YEAR_ESTIMATED", "CAL-4");
}

}  // namespace certpolicy
