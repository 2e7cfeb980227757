// <certpolicy-booking>: what the order's booking can do now (the engine's
// booking.state and tone), the last day an exam can be sat on it, the
// change/cancel deadline (or the moment to move an exam that cannot be sat),
// check-in, end and both results times, the certification bought, the order's
// reminders, the next step, the readings the answer applies and why (EXO-2,
// EXO-5 … EXO-9, CAT-2).
//   <certpolicy-booking order='{"paid_at":"…","booking":{"status":"booked","exam_at":"…"}}'></certpolicy-booking>
import { CertpolicyElement } from "./base.js";
import { CertpolicyRefund } from "./refund.js";
import { chinaTime, said } from "./format.js";
import { CAVEAT_STYLE, caveatBox, splitReasons } from "./caveats.js";

const NAME = { "zh-CN": "zh", "zh-Hant": "zh_hant", en: "en" };

export class CertpolicyBooking extends CertpolicyElement {
  static inputs = ["order"];
  static style = CAVEAT_STYLE;

  decide(engine) {
    return engine.evaluate({ type: "exam_order", locale: this.locale, now: this.instant(), order: this.order ?? {} });
  }

  /** The verdict's words: the booking's state (a booking that can be moved but not cancelled says so). */
  verdictText(r) {
    const b = r.booking;
    return this.word(`booking.state.${b.state}`) + (b.state === "booked" && !b.can_cancel ? ` ${this.word("booking.no_cancel")}` : "");
  }

  /** The certification bought, its status and last exam day, as the answer echoes it. */
  certification(r) {
    const c = r.order.certification;
    if (!c) return [];
    const parts = [c.name[NAME[this.locale]] ?? c.name.zh, this.word(`cat.status.${c.status}`),
      c.exams_until && this.word("booking.exams_until", { date: c.exams_until })];
    return [["certification", this.word("booking.certification"), parts.filter(Boolean).join(" · ")]];
  }

  render(r) {
    const b = r.booking;
    const verdict = this.box("span", "verdict", this.verdictText(r));
    verdict.dataset.tone = b.tone;
    verdict.dataset.state = b.state;
    const when = (iso) => CertpolicyRefund.prototype.when.call(this, iso);
    const { why, caveats } = splitReasons(r);
    return [
      verdict,
      this.facts([
        ["book-until", this.word("booking.book_until"), b.book_until],
        ...this.certification(r),
        b.move_by ? ["move-by", this.word("booking.move_by"), when(b.move_by)] : ["change-deadline", this.word("booking.change_deadline"), when(b.change_deadline)],
        ["check-in-by", this.word("booking.check_in_by"), when(b.check_in_by)],
        ["ends-at", this.word("booking.ends_at"), when(b.ends_at)],
        ["results-at", this.word("booking.results_at"), when(b.results_at)],
        ...(b.results_by && b.results_by !== b.results_at ? [["results-by", this.word("booking.results_by"), when(b.results_by)]] : []),
        ["valid-until", this.word("order.valid_until"), r.order.valid_until],
        ["reminders", this.word("booking.reminders"), r.order.reminders.length ? r.order.reminders.join(", ") : "—"],
      ]),
      ...this.nextStep(r),
      ...caveatBox(this, caveats),
      this.reasons({ reasons: why }),
    ];
  }

  // What is said is what the card shows (the verdict, the deadline to act by, check-in, both results times, the
  // next step, the readings applied): said again whenever a word of it changes (a new exam time moves the check-in).
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    const b = r.booking;
    const at = (iso) => (iso ? chinaTime(iso) : "");
    return said([[this.verdictText(r)],
      b.move_by ? [this.word("booking.move_by"), at(b.move_by)] : [this.word("booking.change_deadline"), at(b.change_deadline)],
      [this.word("booking.check_in_by"), at(b.check_in_by)], [this.word("booking.results_at"), at(b.results_at)],
      [this.word("booking.results_by"), b.results_by !== b.results_at ? at(b.results_by) : ""],
      [r.next_step?.message], ...splitReasons(r).caveats.map((c) => [c.message])], this.locale);
  }
  ticks() { return true; }
}
