// What an answer says where the documentation allows two readings: its
// READING_* reasons (docs/RULES.md, "Where the documentation allows two
// readings"), each naming the reading applied and the date to act by. The
// exam-order and training elements show them in a box of their own, apart
// from "why", and say them in their announcement.
//   const { why, caveats } = splitReasons(answer); writeCaveats(this, box, caveats)

import { attrs, text } from "./base.js";

/** Whether the answer gives the reason `code`. */
export const says = (r, code) => r.reasons.some((x) => x.code === code);

/**
 * Whether a class's opening decision and notice are still to come (TRN-2, TRN-5): not for a class that did not
 * open, unless that was said before the day it is announced (NOT_OPENED_BEFORE_NOTICE: it may still open). The
 * card's rows and the page's .ics say the same.
 */
export const noticesToCome = (r) => !says(r, "CLASS_NOT_OPENED") || says(r, "NOT_OPENED_BEFORE_NOTICE");

/**
 * The day between the two working-day readings (TRN-3, TRN-4): the date to act by (today not counted) has
 * passed, and `date` is up to the last day counting today. The card, its calendar and its .ics say such a day
 * with its condition ("only if today counts"), never the date gone.
 *   betweenReadings("2026-12-11", "2026-12-10", "2026-12-11") === true
 */
export const betweenReadings = (date, actBy, until) => Boolean(actBy && until && date > actBy && date <= until);

/** The answer's reasons: the readings (`caveats`) and the rest (`why`). */
export function splitReasons(r) {
  const reading = (x) => x.code.startsWith("READING_");
  return { why: r.reasons.filter((x) => !reading(x)), caveats: r.reasons.filter(reading) };
}

/** The box of readings ("Where the documentation reads two ways"), built once; hidden while there is none. */
export function caveatBox(el) {
  const box = el.box("div", "caveats", "", { hidden: "" });
  box.append(el.box("strong", "caveats-title"), el.box("ul", "caveat-list"));
  return box;
}

/** Writes the answer's readings into the box (hidden when there is none). */
export function writeCaveats(el, box, caveats) {
  attrs(box, { hidden: !caveats.length });
  text(box.firstChild, el.word("caveats"));
  el.ruleList(box.lastChild, caveats, "caveat");
}

/** The style of the box, shared by the elements that show it. */
export const CAVEAT_STYLE = `
[part~=caveats] { margin: .6rem 0; padding: .4rem .6rem; border-left: 3px solid var(--certpolicy-warn, #8f4308); background: var(--certpolicy-warn-bg, #fff1e9); }
[part~=caveat-list] { margin: .25rem 0 0; padding-left: 1.2rem; }
[part~=caveat] { margin: .2rem 0; }`;
