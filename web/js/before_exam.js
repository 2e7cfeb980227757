// The "before your exam" block of the purchase, booking and practitioner
// pages: what a candidate must bring and do, as the documentation says it
// (报名和考试指引, the ProScheduler booking rules, 腾讯云从业者认证考试指引).
// It is shown while the answer itself says an exam is still ahead; every date
// and time in it is the answer's own, and a fact the answer does not carry is
// left out, never guessed.
import { t, tf } from "./locale.js";
import { chinaTime } from "/pkg/elements/format.js";

function fill(box, items) {
  const list = box.querySelector("ul");
  list.replaceChildren(...items.map(([key, text]) => {
    const li = document.createElement("li");
    li.dataset.key = key;
    li.textContent = text;
    return li;
  }));
}

/**
 * A professional exam order (`exam_order` answer, decided on the China date
 * `today`): shown while the answer's booking.state says an exam is ahead —
 * `can_book`, or a booked exam before its start (`booked`, `locked`,
 * `check_in_late`, or a session whose time Tencent Cloud changed while the
 * answer still says how to sit it). Late, only what to bring and the one
 * attempt are listed. The name item is for a booking not
 * made yet; the remote-exam item gives the booked check-in time (and, for
 * an exam today, says to install the client now); the reminders named are
 * those still to come.
 */
export function renderBeforeExam(box, r, today) {
  const booking = r?.ok ? r.booking : null;
  const changedButOpen = booking?.state?.startsWith("platform_changed") &&
    r.reasons.some((x) => x.code === "CHECK_IN_PLATFORM_CHANGED" || x.code === "CHECK_IN_LATE_PLATFORM_CHANGED");
  // Past the check-in time, before the start ("go now", EXO-6's reading): what to bring still matters most.
  const late = booking?.state === "check_in_late" || r?.reasons?.some((x) => x.code === "CHECK_IN_LATE_PLATFORM_CHANGED");
  const booked = booking?.state === "booked" || booking?.state === "locked" || booking?.state === "check_in_late" || changedButOpen;
  box.hidden = !(booked || booking?.state === "can_book");
  if (box.hidden) return;
  const reminders = r.order.reminders.filter((d) => d >= today).join(t("list.sep"));
  // Late (the card says go now): what to bring, and that this is the one attempt; the rest is past.
  // Beside the platform's refund or nearest session, "not attending forfeits the fee" is not said (EXO-9).
  const oneAttempt = changedButOpen ? [] : [["one_attempt", t("before.one_attempt")]];
  if (late) return fill(box, [["id", t("before.id")], ...oneAttempt]);
  // "The day before" cannot be followed for an exam today, or for the booking the order's last day still allows
  // (a session later today): then the client is to be installed at once (a tryout).
  const examToday = booked ? booking.check_in_by?.slice(0, 10) === today : booking.book_until === today;
  const remote = booked ? tf(examToday ? "before.remote_at_today" : "before.remote_at", { time: chinaTime(booking.check_in_by) })
    : t(examToday ? "before.remote_today" : "before.remote");
  fill(box, [
    ["id", t("before.id")],
    ["remote", remote],
    ["contacts", reminders ? tf("before.contacts", { dates: reminders }) : t("before.contacts_booking")],
    ...(booked ? [] : [["name", t("before.name")]]),
    ...oneAttempt,
  ]);
}

/**
 * The practitioner exam (`practitioner` answer): shown while an attempt can be
 * taken (`can_take`); the exam's length is the answer's `exam_minutes` (policy
 * practitioner.duration), left out if an answer does not carry it.
 */
export function renderBeforePractitioner(box, r) {
  box.hidden = !(r?.ok && r.can_take);
  if (box.hidden) return;
  fill(box, [
    ["chrome", t("before.pra.chrome")],
    ...(Number.isInteger(r.exam_minutes) ? [["duration", tf("before.pra.duration", { minutes: r.exam_minutes })]] : []),
    ["face", t("before.pra.face")],
  ]);
}
