// When a page writes its calendar file: at the click of its export button,
// with what the page shows then (the .ics writer is loaded on the first click).

import { t } from "./locale.js";

// The last day to sit the renewal exam rings two weeks before it: time to book a session, which can no longer be
// booked, changed or cancelled within 72 hours of its start (EXO-5), and still sit it by that day.
const RENEW_BY_ALARM_DAYS = 14;

/**
 * A certificate's dates for a calendar (the `certificate` answer, or a practitioner answer's `certificate`): its
 * expiry with a reminder from `expiring_from`, the start of that window, and while one is left the last day to sit
 * the renewal exam (CRT-2) with its own reminder. `prefix` keeps the page's event ids apart.
 */
export function certificateEvents(prefix, c) {
  if (!c?.valid_until) return [];
  const days = Math.round((Date.parse(c.valid_until) - Date.parse(c.expiring_from)) / 86400000);
  const id = `${prefix}-${c.valid_from}`;
  return [
    { uid: `${id}-expiry`, title: t("ics.cert_expiry"), date: c.valid_until, alarmDaysBefore: days },
    { uid: `${id}-expiring`, title: t("ics.cert_expiring"), date: c.expiring_from },
    ...(c.renew_by ? [{ uid: `${id}-renew-by`, title: t("ics.cert_renew_by"), date: c.renew_by, alarmDaysBefore: RENEW_BY_ALARM_DAYS }] : []),
  ];
}

/**
 * Wires an "export to calendar" button: `events()` lists what the page shows now; `decidedAt()` is the instant the
 * page decided for (an element's `now`; null: this moment), so that no alarm is written that has already rung.
 */
export function setupIcsExport(button, filename, events, decidedAt = () => null) {
  button.addEventListener("click", async () => {
    const list = events().filter(Boolean);  // what is shown at the click
    const { buildCalendar, download } = await import("./ics.js");
    const now = new Date();
    download(filename, buildCalendar(list, now, decidedAt() ?? now));
  });
}
