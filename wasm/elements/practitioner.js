// <certpolicy-practitioner>: the practitioner exam's three attempts as a
// meter, how many are left, pass or repurchase (PRA-1 … PRA-4).
//   <certpolicy-practitioner purchase='{"paid_at":"…"}' attempts='[{"taken_at":"…","score":55}]'></certpolicy-practitioner>
import { CertpolicyElement } from "./base.js";

export class CertpolicyPractitioner extends CertpolicyElement {
  static inputs = ["purchase", "attempts"];
  static style = `
[part~=meter] { display: flex; gap: .4rem; margin: .5rem 0; padding: 0; list-style: none; }
[part~=slot] { flex: 1; min-width: 0; padding: .4rem .2rem; text-align: center; border-radius: 4px; border: 1px dashed var(--certpolicy-muted, #5b6270); }
[part~=slot][data-state=failed] { border: 1px solid var(--certpolicy-bad, #b0202e); color: var(--certpolicy-bad, #b0202e); background: var(--certpolicy-bad-bg, #fdecee); }
[part~=slot][data-state=passed] { border: 1px solid var(--certpolicy-ok, #006837); color: var(--certpolicy-ok, #006837); background: var(--certpolicy-ok-bg, #e3f9e9); }`;

  decide(engine) {
    return engine.evaluate({ type: "practitioner", locale: this.locale, now: this.instant(), purchase: this.purchase ?? {}, attempts: this.attempts ?? [] });
  }

  render(r) {
    const meter = this.box("ol", "meter", "", { "aria-label": this.word("pra.attempts") });
    const scores = (this.attempts ?? []).map((a) => a.score);
    for (let k = 0; k < r.attempts_total; k++) {
      const score = scores[k];
      const state = score === undefined ? "unused" : score >= r.pass_score ? "passed" : "failed";
      const slot = this.box("li", `slot ${state}`, this.word(`pra.${state}`, { score }));
      slot.dataset.state = state;
      meter.append(slot);
    }
    const reasons = this.box("ul", "reasons");
    for (const reason of r.reasons) reasons.append(this.box("li", "reason", reason.message, { title: reason.rule }));
    return [meter, this.box("p", "left", this.word("pra.left", { left: r.attempts_left, total: r.attempts_total })), reasons];
  }

  stateKey(r) { return `${r.attempts_left}|${r.passed}|${r.must_repurchase}|${this.locale}`; }
  summary(r) { return r.reasons[0]?.message ?? ""; }
}
