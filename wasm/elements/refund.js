// <certpolicy-refund>: is this exam order refundable now, until when (China
// time and the viewer's zone), a live countdown, the amount and its split by
// payment method, the one next step and why (EXO-4, EXO-5, EXO-10).
//   <certpolicy-refund locale="en" order='{"paid_at":"2026-11-21T10:00:00+08:00"}'></certpolicy-refund>
import { CertpolicyElement } from "./base.js";
import { chinaTime, countdown, labelled, said, viewerTime, yuan } from "./format.js";

export class CertpolicyRefund extends CertpolicyElement {
  static inputs = ["order"];

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

  render(r) {
    const allowed = r.refund.allowed;
    const left = new Date(r.refund.deadline).getTime() - new Date(this.instant()).getTime();
    // Never a running countdown beside "not refundable", nor "closed" beside "refundable".
    const clock = allowed ? (left >= 0 ? countdown(left, this.word("days")) : this.word("refund.no_limit"))
      : (left >= 0 ? "—" : this.word("refund.closed"));
    const verdict = this.box("span", "verdict", this.word(allowed ? "refund.allowed" : "refund.not_allowed"));
    verdict.dataset.tone = allowed ? "ok" : "bad";
    const split = this.box("ul", "breakdown");
    for (const b of r.refund.breakdown) split.append(this.box("li", "method", `${this.word(`pay.${b.method}`)} ${yuan(b.amount_fen)}`));
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
      this.reasons(r),
    ];
  }

  // What is said is what the card shows (verdict, deadline, amount, next step): said again whenever a word of it changes.
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    return said([[this.word(r.refund.allowed ? "refund.allowed" : "refund.not_allowed")],
      [this.word("refund.deadline"), chinaTime(r.refund.deadline)],
      [this.word("refund.amount"), r.refund.amount_fen === null ? "" : yuan(r.refund.amount_fen)],
      [r.next_step?.message]], this.locale);
  }
  ticks(r) { return r.refund.allowed; }
}
