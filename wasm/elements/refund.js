// <certpolicy-refund>: is this exam order refundable now (the engine's
// refund.state and tone), until when (China time and the viewer's zone), a
// live countdown while the window is the rule that applies, the amount, where
// it goes and its split by payment method, the one next step, the readings the
// answer applies and why (EXO-4, EXO-5, EXO-9, EXO-10, CAT-2).
//   <certpolicy-refund locale="en" order='{"paid_at":"2026-11-21T10:00:00+08:00"}'></certpolicy-refund>
import { CertpolicyElement, attrs, text } from "./base.js";
import { chinaTime, countdown, refundReturnsNothing, said } from "./format.js";
import { CAVEAT_STYLE, caveatBox, says, splitReasons, writeCaveats } from "./caveats.js";

// What the "time left" line says in each refund.state: a countdown only while the
// no-reason window is the rule that applies; states not listed show "—".
const REMAINING = { open: "countdown", cancel_booking_first: "countdown", platform_fault: "refund.no_limit",
  unused_attempt: "refund.no_limit", closed: "refund.closed" };
// Waiting on a cancellation for the notice's unused-attempt refund (CAT-2), the window is not the rule either:
// the countdown runs to the booking's last cancellable moment where it is known (refund.act_by).
const lifecycle = (r) => says(r, "LIFECYCLE_REFUND_BLOCKED_BY_BOOKING") || says(r, "LIFECYCLE_REFUND_BLOCKED_BY_MOVED_BOOKING");
const remaining = (r) => (lifecycle(r) && r.refund.act_by == null ? REMAINING.unused_attempt : REMAINING[r.refund.state]);
// The no-reason window is the rule that applies (not the platform's or a notice's refund, which have none).
const windowRules = (r) => !lifecycle(r) && remaining(r) !== "refund.no_limit" && r.refund.state !== "refunded";

// With a booking to cancel first, the moment it stops being cancellable, when that comes first: said as its own line.
const cancelBy = (r) => r.refund.state === "cancel_booking_first" && r.refund.act_by != null && r.refund.act_by !== r.refund.deadline;

export class CertpolicyRefund extends CertpolicyElement {
  static properties = { order: "json" };
  static style = CAVEAT_STYLE;

  decide() { return this.ask("exam_order", { order: this.order ?? {} }); }

  /** The verdict's words: the refund's state, and "¥0.00 back" when it (or the one after cancelling) returns nothing. */
  verdictText(r) {
    const nothing = refundReturnsNothing(r);
    // A booking made before buying was never cancellable (EXO-5): not "no longer", as a locked one is.
    const state = r.refund.state === "booking_locked" && r.booking.change_only ? "booked_before_purchase" : r.refund.state;
    return this.word(`refund.state.${state}`) + (nothing ? this.word("refund.nothing_back") : "");
  }

  /**
   * The amount row: what comes back now, or, where the refund waits on cancelling the booking, what would come
   * back then (now it is ¥0.00, which beside "refundable after cancelling" told two stories).
   */
  amount(r, { spoken = false } = {}) {
    const after = r.refund.amount_after_cancelling_fen;
    const fen = after ?? r.refund.amount_fen;
    // No amount known (no payments given): "—" on the card, nothing in the spoken summary.
    return [this.word(after != null ? "refund.amount_after_cancelling" : "refund.amount"), spoken && fen === null ? "" : this.money(fen)];
  }

  build(body) {
    this.$ = {
      verdict: this.box("span", "verdict"),
      facts: this.facts(["cancel-by", "deadline", "remaining", "amount", "valid-until", "destination"]),
      clock: this.box("span", "countdown"),
      split: this.box("ul", "breakdown"),
      next: this.nextStep(),
      caveats: caveatBox(this),
      why: this.reasons(),
    };
    const $ = this.$;
    body.append($.verdict, $.facts, $.split, $.next, $.caveats, $.why);
  }

  update(r) {
    const $ = this.$;
    // The countdown runs to the last moment to act (with a booking to cancel first, possibly its cancel deadline).
    const left = new Date(r.refund.act_by ?? r.refund.deadline).getTime() - new Date(this.instant()).getTime();
    const shows = remaining(r);
    // Counting, it is a timer in the brand colour; a word in its place ("closed", "—") is plain text.
    const counting = shows === "countdown";
    attrs(text($.clock, counting ? countdown(left, this.word("days")) : shows ? this.word(shows) : "—"),
      { role: counting ? "timer" : null, "data-counting": counting });
    attrs(text($.verdict, this.verdictText(r)), { "data-tone": r.refund.tone, "data-state": r.refund.state });
    const paid = r.refund.breakdown.length > 0;
    const refunded = r.refund.state === "refunded";
    this.writeFacts($.facts, [
      cancelBy(r) && ["cancel-by", this.word("refund.cancel_by"), this.when(r.refund.act_by)],
      // A refunded order's window and validity decide nothing any more (tryouts read them as still open).
      !refunded && ["deadline", this.word("refund.deadline"), this.when(r.refund.deadline)],
      ["remaining", this.word("refund.remaining"), $.clock],
      ["amount", ...this.amount(r)],
      !refunded && ["valid-until", this.word("order.valid_until"), r.order.valid_until],
      // Where the money goes (退款说明: 退还到支付方腾讯云账户), beside the split by method.
      paid && ["destination", this.word("refund.destination"), this.word("refund.to_account")],
    ]);
    attrs($.split, { hidden: !paid });
    this.list($.split, r.refund.breakdown, (b) => b.method, () => this.box("li", "method"),
      (li, b) => text(li, `${this.word(`pay.${b.method}`)} ${this.money(b.amount_fen)}`));
    this.writeNextStep($.next, r);
    const { why, caveats } = splitReasons(r);
    writeCaveats(this, $.caveats, caveats);
    this.writeReasons($.why, why);
  }

  // What is said is what the card shows (verdict, deadline, amount, next step, the readings applied):
  // said again whenever a word of it changes.
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    return said([[this.verdictText(r)],
      cancelBy(r) ? [this.word("refund.cancel_by"), chinaTime(r.refund.act_by)] : [],
      // The window's end is said only where the window is the rule (not for the platform's or the notice's refund).
      windowRules(r) ? [this.word("refund.deadline"), chinaTime(r.refund.deadline)] : [],
      this.amount(r, { spoken: true }),
      [r.next_step?.message], ...splitReasons(r).caveats.map((c) => [c.message])], this.locale);
  }
  ticks(r) { return remaining(r) === "countdown"; }
}

CertpolicyRefund.define("certpolicy-refund");
