// <certpolicy-refund>: is this exam order refundable now (the engine's
// refund.state and tone), until when (China time and the viewer's zone), a
// live countdown while the window is the rule that applies, the amount, where
// it goes and its split by payment method, the one next step, the readings the
// answer applies and why (EXO-4, EXO-5, EXO-9, EXO-10, CAT-2).
//   <certpolicy-refund locale="en" order='{"paid_at":"2026-11-21T10:00:00+08:00"}'></certpolicy-refund>
import { CertpolicyElement } from "./base.js";
import { chinaTime, countdown, labelled, said, viewerTime, yuan } from "./format.js";
import { CAVEAT_STYLE, caveatBox, splitReasons } from "./caveats.js";

// What the "time left" line says in each refund.state: a countdown only while the
// no-reason window is the rule that applies; states not listed show "—".
const REMAINING = { open: "countdown", cancel_booking_first: "countdown", platform_fault: "refund.no_limit",
  unused_attempt: "refund.no_limit", closed: "refund.closed" };

export class CertpolicyRefund extends CertpolicyElement {
  static inputs = ["order"];
  static style = CAVEAT_STYLE;

  decide(engine) {
    return engine.evaluate({ type: "exam_order", locale: this.locale, now: this.instant(), order: this.order ?? {} });
  }

  /** The deadline as China time, with the viewer's own time under it when it differs. */
  when(iso) {
    const span = document.createElement("span");
    span.textContent = iso ? `${chinaTime(iso)} (${this.word("china_time")})` : "—";
    const local = viewerTime(iso, this.locale);
    if (local) span.append(this.box("span", "local-time", labelled(this.word("your_time"), local, this.locale), { class: "local" }));
    return span;
  }

  /** The verdict's words: the refund's state, and "¥0.00 back" when it is allowed but returns nothing. */
  verdictText(r) {
    const nothing = r.refund.allowed && r.refund.amount_fen === 0;
    return this.word(`refund.state.${r.refund.state}`) + (nothing ? this.word("refund.nothing_back") : "");
  }

  render(r) {
    const left = new Date(r.refund.deadline).getTime() - new Date(this.instant()).getTime();
    const shows = REMAINING[r.refund.state];
    const clock = shows === "countdown" ? countdown(left, this.word("days")) : shows ? this.word(shows) : "—";
    const verdict = this.box("span", "verdict", this.verdictText(r));
    verdict.dataset.tone = r.refund.tone;
    verdict.dataset.state = r.refund.state;
    const split = this.box("ul", "breakdown");
    for (const b of r.refund.breakdown) split.append(this.box("li", "method", `${this.word(`pay.${b.method}`)} ${yuan(b.amount_fen)}`));
    const { why, caveats } = splitReasons(r);
    return [
      verdict,
      this.facts([
        ["deadline", this.word("refund.deadline"), this.when(r.refund.deadline)],
        ["remaining", this.word("refund.remaining"), this.box("span", "countdown", clock, { role: "timer" })],
        ["amount", this.word("refund.amount"), yuan(r.refund.amount_fen)],
        ["valid-until", this.word("order.valid_until"), r.order.valid_until],
        // Where the money goes (退款说明: 退还到支付方腾讯云账户), beside the split by method.
        ...(r.refund.breakdown.length ? [["destination", this.word("refund.destination"), this.word("refund.to_account")]] : []),
      ]),
      ...(r.refund.breakdown.length ? [split] : []),
      ...this.nextStep(r),
      ...caveatBox(this, caveats),
      this.reasons({ reasons: why }),
    ];
  }

  // What is said is what the card shows (verdict, deadline, amount, next step, the readings applied):
  // said again whenever a word of it changes.
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    return said([[this.verdictText(r)],
      [this.word("refund.deadline"), chinaTime(r.refund.deadline)],
      [this.word("refund.amount"), r.refund.amount_fen === null ? "" : yuan(r.refund.amount_fen)],
      [r.next_step?.message], ...splitReasons(r).caveats.map((c) => [c.message])], this.locale);
  }
  ticks(r) { return REMAINING[r.refund.state] === "countdown"; }
}
