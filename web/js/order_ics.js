// The .ics of an exam order (purchase and booking pages): the moments of the
// answer's own timeline still ahead. The timeline holds only the points true
// for this order, so a refunded order, a locked booking or an exam that cannot
// be sat adds no event the card does not show (a refund deadline beside
// "already refunded", a change deadline after check-in has closed). Late for
// check-in but before the start, the exam stays, with the card's "go now".
//   orderIcsEvents(answer) → [{ uid, title, start | date, … }]
import { chinaTime, refundReturnsNothing, toChina } from "/pkg/elements/format.js";
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

/** The events of an `exam_order` answer: one per timeline point ahead that has a title above. */
export function orderIcsEvents(r) {
  if (!r?.ok) return [];
  // A booking this order's flow never lets be cancelled (EXO-5): its deadline is named so, as on the card.
  const changeOnly = r.booking.change_only;
  // Past the check-in time but before the start (EXO-6, `check_in_late`) the card says to go now: the exam stays.
  const late = r.booking.state === "check_in_late";
  // Each event is named by the order (its payment instant) and what it is, not by its time: exported again after
  // the exam is moved, the file replaces the events it put in the calendar (ics.js, SEQUENCE).
  const order = r.timeline.find((p) => p.key === "paid")?.at ?? "order";
  const ahead = (p) => p.state !== "past" || (late && p.key === "check_in_by");
  // A refund that would return nothing (vouchers only, EXO-10) is no event: the card advises against it.
  const wanted = (p) => EVENTS[p.key] && !(p.key === "refund_deadline" && refundReturnsNothing(r));
  return r.timeline.filter((p) => ahead(p) && wanted(p)).map((p) => {
    const [title, alarm] = EVENTS[p.key];
    const when = p.date ? { date: p.date } : { start: p.at };
    // The exam is one event from the last moment to check in to its end, said as the card says a time.
    const checkIn = () => `${t("check_in_by")}: ${chinaTime(toChina(p.at))} (${t("china_time")})`;
    const exam = p.key === "check_in_by"
      ? { end: r.booking.ends_at, description: late && r.next_step ? `${checkIn()}\n${r.next_step.message}` : checkIn() } : {};
    const named = p.key === "change_deadline" && changeOnly ? "ics.change_only" : title;
    // With a booking to cancel first, the refund needs the booking cancelled before it is requested. When the booking
    // locks first (refund.act_by, earlier than the window's end), the refund's event is at that moment, named so, and
    // without an alarm of its own (the change deadline's event, at the same moment, rings); else it is the window's
    // end, saying to cancel first.
    const cancelling = p.key === "refund_deadline" && r.refund.state === "cancel_booking_first";
    const locksFirst = cancelling && r.refund.act_by && r.refund.act_by !== r.refund.deadline;
    const deadline = cancelling ? chinaTime(toChina(r.refund.deadline)) : "";
    const cancelFirst = locksFirst
      ? { title: t("ics.refund_cancel_by"), start: r.refund.act_by, alarmMinutesBefore: undefined,
        description: tf("ics.refund_cancel_first", { time: chinaTime(toChina(r.refund.act_by)), deadline }) }
      : cancelling ? { description: tf("ics.refund_cancel_then_request", { deadline }) } : {};
    // The guide's results time, with the terms' later one said beside it where they differ (EXO-8's reading).
    const results = p.key === "results_at" && r.booking.results_by && r.booking.results_by !== p.at
      ? { description: tf("ics.results_by_terms", { time: chinaTime(toChina(r.booking.results_by)) }) } : {};
    return { uid: `order-${order}-${p.key}`, title: t(named), ...when, ...alarm, ...exam, ...cancelFirst, ...results };
  });
}
