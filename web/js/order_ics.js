// The .ics of an exam order (purchase and booking pages): the moments of the
// answer's own timeline still ahead. The timeline holds only the points true
// for this order, so a refunded order, a locked booking or an exam that cannot
// be sat adds no event the card does not show (a refund deadline beside
// "already refunded", a change deadline after check-in has closed). Late for
// check-in but before the start, the exam stays, with the card's "go now".
//   orderIcsEvents(answer) → [{ uid, title, start | date, … }]
import { chinaTime, toChina } from "/pkg/elements/format.js";
import { t, tf } from "./locale.js";

// Each timeline key that becomes an event: its title and how long before it the alarm rings.
const EVENTS = {
  refund_deadline: ["ics.refund", { alarmMinutesBefore: 24 * 60 }],
  change_deadline: ["ics.change", { alarmMinutesBefore: 24 * 60 }],
  move_by: ["ics.move_by", { alarmMinutesBefore: 24 * 60 }],
  check_in_by: ["ics.exam", { alarmMinutesBefore: 120 }],
  results_at: ["ics.results", { alarmMinutesBefore: 0 }],
  valid_until: ["ics.order_expiry", { alarmDaysBefore: 15 }],
};
// The booking states whose session holds the order's one attempt (it can no longer be changed or cancelled): the
// order's own last day decides nothing more (EXO-3 gives it no reminders either).
const COMMITTED = new Set(["locked", "check_in_late", "check_in_closed"]);

/** The events of an `exam_order` answer: one per timeline point ahead that has a title above. */
export function orderIcsEvents(r) {
  if (!r?.ok) return [];
  // A booking this order's flow never lets be cancelled (EXO-5): its deadline is named so, as on the card.
  const changeOnly = r.booking.change_only;
  // Past the check-in time but before the start (EXO-6, `check_in_late`) the card says to go now: the exam stays.
  const late = r.booking.state === "check_in_late";
  const ahead = (p) => (p.state !== "past" || (late && p.key === "check_in_by")) && !(p.key === "valid_until" && COMMITTED.has(r.booking.state));
  return r.timeline.filter((p) => ahead(p) && EVENTS[p.key]).map((p) => {
    const [title, alarm] = EVENTS[p.key];
    const when = p.date ? { date: p.date } : { start: p.at };
    // The exam is one event from the last moment to check in to its end, said as the card says a time.
    const checkIn = () => `${t("check_in_by")}: ${chinaTime(toChina(p.at))} (${t("china_time")})`;
    const exam = p.key === "check_in_by"
      ? { end: r.booking.ends_at, description: late ? `${checkIn()}\n${r.next_step.message}` : checkIn() } : {};
    const named = p.key === "change_deadline" && changeOnly ? "ics.change_only" : title;
    // With a booking to cancel first, the refund is lost once the booking locks (refund.act_by, earlier than the
    // window's end): the refund's event is at that moment, named so, and says to request the refund after.
    const cancelFirst = p.key === "refund_deadline" && r.refund.state === "cancel_booking_first" && r.refund.act_by && r.refund.act_by !== r.refund.deadline
      ? { title: t("ics.refund_cancel_by"), start: r.refund.act_by,
        description: tf("ics.refund_cancel_first", { time: chinaTime(toChina(r.refund.act_by)), deadline: chinaTime(toChina(r.refund.deadline)) }) } : {};
    return { uid: `${p.key}-${p.date ?? p.at}`, title: t(named), ...when, ...alarm, ...exam, ...cancelFirst };
  });
}
