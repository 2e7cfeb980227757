// <certpolicy-booking>: what the order's booking can do now (the engine's
// booking.state and tone), the last day an exam can be sat on it, the
// change/cancel deadline (or the moment to move an exam that cannot be sat),
// check-in, end and both results times, the certification bought, the order's
// reminders, the next step, the readings the answer applies and why (EXO-2,
// EXO-5 … EXO-9, CAT-2).
//   <certpolicy-booking order='{"paid_at":"…","booking":{"status":"booked","exam_at":"…"}}'></certpolicy-booking>
import { CertpolicyElement, attrs, text } from "./base.js";
import { chinaTime, said, toChina } from "./format.js";
import { CAVEAT_STYLE, caveatBox, splitReasons, writeCaveats } from "./caveats.js";

const NAME = { "zh-CN": "zh", "zh-Hant": "zh_hant", en: "en" };

/** One results time (lab, interview: results_by equals results_at): the service terms' alone. */
const termsOnly = (b) => b.results_at != null && b.results_at === b.results_by;

/** The order's reminder days from the China date of `instant` on. */
const upcoming = (r, instant) => r.order.reminders.filter((d) => d >= toChina(instant).slice(0, 10));

export class CertpolicyBooking extends CertpolicyElement {
  static properties = { order: "json" };
  static style = CAVEAT_STYLE;

  decide() { return this.ask("exam_order", { order: this.order ?? {} }); }

  /**
   * The verdict's words: the booking's state (a booking that can be moved but not cancelled says so; one that can
   * be cancelled but not moved, an expired order's booking whose cancelling leads to the notice's refund, too).
   */
  verdictText(r) {
    const b = r.booking;
    if (b.state === "locked" && b.can_cancel) return this.word("booking.state.cancel_only");
    return this.word(`booking.state.${b.state}`) + (b.state === "booked" && !b.can_cancel ? ` ${this.word("booking.no_cancel")}` : "");
  }

  /** The certification bought, its status and last exam day, as the answer echoes it. */
  certification(r) {
    const c = r.order.certification;
    if (!c) return null;
    const parts = [c.name[NAME[this.locale]] ?? c.name.zh, this.word(`cat.status.${c.status}`),
      c.exams_until && this.word("booking.exams_until", { date: c.exams_until })];
    return ["certification", this.word("booking.certification"), parts.filter(Boolean).join(" · ")];
  }

  build(body) {
    this.$ = {
      verdict: this.box("span", "verdict"),
      facts: this.facts(["book-until", "certification", "move-by", "change-deadline", "check-in-by", "starts-at", "ends-at", "results-at", "results-by",
        "valid-until", "reminders"]),
      next: this.nextStep(),
      caveats: caveatBox(this),
      why: this.reasons(),
    };
    const $ = this.$;
    body.append($.verdict, $.facts, $.next, $.caveats, $.why);
  }

  update(r) {
    const $ = this.$;
    const b = r.booking;
    attrs(text($.verdict, this.verdictText(r)), { "data-tone": b.tone, "data-state": b.state });
    this.writeFacts($.facts, [
      // The last day an exam can be sat on the order, while it decides something: a booking still to make or
      // move (a tryout read it, after the one attempt was spent, as an invitation to book again).
      (b.can_book || b.can_change || b.state === "must_move") && ["book-until", this.word("booking.book_until"), b.book_until],
      this.certification(r),
      b.move_by ? ["move-by", this.word("booking.move_by"), this.when(b.move_by)] : ["change-deadline", this.changeLabel(r), this.when(b.change_deadline)],
      ["check-in-by", this.word("booking.check_in_by"), this.when(b.check_in_by)],
      // The booked start, beside check-in: "late" may count from either (EXO-6's reading), so both are shown.
      b.check_in_by && this.order?.booking?.exam_at && ["starts-at", this.word("booking.starts_at"), this.when(toChina(this.order.booking.exam_at))],
      ["ends-at", this.word("booking.ends_at"), this.when(b.ends_at)],
      // A lab or interview exam has one results time, the service terms' (3.8), not the guide's.
      ["results-at", this.word(termsOnly(b) ? "booking.results_by" : "booking.results_at"), this.when(b.results_at)],
      b.results_by && b.results_by !== b.results_at && ["results-by", this.word("booking.results_by"), this.when(b.results_by)],
      ["valid-until", this.word("order.valid_until"), r.order.valid_until],
      // The reminders still to come (the answer lists all four; a past one reminds of nothing).
      ["reminders", this.word("booking.reminders"), upcoming(r, this.instant()).join(", ") || "—"],
    ]);
    this.writeNextStep($.next, r);
    const { why, caveats } = splitReasons(r);
    writeCaveats(this, $.caveats, caveats);
    this.writeReasons($.why, why);
  }

  /** The change deadline's name: a booking this order's flow never lets be cancelled is named so (EXO-5). */
  changeLabel(r) {
    return this.word(r.booking.change_only ? "booking.change_only_deadline" : "booking.change_deadline");
  }

  // What is said is what the card shows (the verdict, the deadline to act by, check-in, both results times, the
  // next step, the readings applied): said again whenever a word of it changes (a new exam time moves the check-in).
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    const b = r.booking;
    // Only the times still ahead are said (a tryout heard a passed change deadline read as if it were to come).
    const now = Date.parse(this.instant());
    const at = (iso) => (iso && Date.parse(iso) >= now ? chinaTime(iso) : "");  // a deadline instant is still open
    return said([[this.verdictText(r)],
      b.move_by ? [this.word("booking.move_by"), at(b.move_by)] : [this.changeLabel(r), at(b.change_deadline)],
      [this.word("booking.check_in_by"), at(b.check_in_by)], [this.word(termsOnly(b) ? "booking.results_by" : "booking.results_at"), at(b.results_at)],
      [this.word("booking.results_by"), b.results_by !== b.results_at ? at(b.results_by) : ""],
      [r.next_step?.message], ...splitReasons(r).caveats.map((c) => [c.message])], this.locale);
  }
  ticks() { return true; }
}

CertpolicyBooking.define("certpolicy-booking");
