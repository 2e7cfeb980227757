// <certpolicy-booking>: a booked exam's change/cancel deadline, check-in,
// end and results times, the order's reminders, the next step and why (EXO-6 …
// EXO-9, EXO-2).
//   <certpolicy-booking order='{"paid_at":"…","booking":{"status":"booked","exam_at":"…"}}'></certpolicy-booking>
import { CertpolicyElement } from "./base.js";
import { CertpolicyRefund } from "./refund.js";
import { chinaTime, said } from "./format.js";

export class CertpolicyBooking extends CertpolicyElement {
  static inputs = ["order"];

  decide(engine) {
    return engine.evaluate({ type: "exam_order", locale: this.locale, now: this.instant(), order: this.order ?? {} });
  }

  /** The verdict's words. */
  verdictText(r) {
    const b = r.booking;
    return this.order?.booking?.status !== "booked" ? this.word("booking.none")
      : b.can_change ? this.word("booking.can_change") + (b.can_cancel ? "" : ` ${this.word("booking.no_cancel")}`)
        : this.word("booking.cannot_change");
  }

  render(r) {
    const b = r.booking;
    const booked = this.order?.booking?.status === "booked";
    const verdict = this.box("span", "verdict", this.verdictText(r));
    verdict.dataset.tone = !booked ? "warn" : b.can_change ? "ok" : "bad";
    const when = (iso) => CertpolicyRefund.prototype.when.call(this, iso);
    return [
      verdict,
      this.facts([
        ["change-deadline", this.word("booking.change_deadline"), when(b.change_deadline)],
        ["check-in-by", this.word("booking.check_in_by"), when(b.check_in_by)],
        ["ends-at", this.word("booking.ends_at"), when(b.ends_at)],
        ["results-at", this.word("booking.results_at"), when(b.results_at)],
        ["valid-until", this.word("order.valid_until"), r.order.valid_until],
        ["reminders", this.word("booking.reminders"), r.order.reminders.join(", ")],
      ]),
      ...this.nextStep(r),
      this.reasons(r),
    ];
  }

  // What is said is what the card shows: said again whenever a word of it changes (a new exam time moves the check-in).
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    const b = r.booking;
    const at = (iso) => (iso ? chinaTime(iso) : "");
    return said([[this.verdictText(r)], [this.word("booking.change_deadline"), at(b.change_deadline)],
      [this.word("booking.check_in_by"), at(b.check_in_by)], [this.word("booking.results_at"), at(b.results_at)],
      [r.next_step?.message]], this.locale);
  }
  ticks() { return true; }
}
