// <certpolicy-practitioner>: the practitioner exam's three attempts as a
// meter, how many are left, what happens next (take it, passed until, or
// buy again) and why (PRA-1 … PRA-5, CRT-1).
//   <certpolicy-practitioner purchase='{"paid_at":"…"}' attempts='[{"taken_at":"…","score":55}]'></certpolicy-practitioner>
import { CertpolicyElement, attrs, text } from "./base.js";
import { says } from "./caveats.js";

export class CertpolicyPractitioner extends CertpolicyElement {
  static properties = { purchase: "json", attempts: "json" };
  static style = `
[part~=meter] { display: flex; gap: .4rem; margin: .5rem 0; padding: 0; list-style: none; }
[part~=slot] { flex: 1; min-width: 0; padding: .4rem .2rem; text-align: center; border-radius: 4px; border: 1px dashed var(--certpolicy-muted, #5b6270); }
[part~=slot][data-state=failed] { border: 1px solid var(--certpolicy-bad, #b0202e); color: var(--certpolicy-bad, #b0202e); background: var(--certpolicy-bad-bg, #fdecee); }
[part~=slot][data-state=passed] { border: 1px solid var(--certpolicy-ok, #006837); color: var(--certpolicy-ok, #006837); background: var(--certpolicy-ok-bg, #e3f9e9); }`;

  decide() { return this.ask("practitioner", { purchase: this.purchase ?? {}, attempts: this.attempts ?? [] }); }

  build(body) {
    this.$ = {
      meter: this.box("ol", "meter"),
      left: this.box("p", "left"),
      next: this.box("p", "next"),
      facts: this.facts(["valid-until"]),
      why: this.reasons(),
    };
    const $ = this.$;
    body.append($.meter, $.left, $.next, $.facts, $.why);
  }

  update(r) {
    const $ = this.$;
    attrs($.meter, { "aria-label": this.word("pra.attempts") });
    // Slots in the order the attempts were taken, whatever order they were given in.
    const given = Array.isArray(this.attempts) ? this.attempts : [];
    const scores = [...given].sort((a, b) => (String(a?.taken_at) < String(b?.taken_at) ? -1 : 1)).map((a) => a?.score);
    const slots = Array.from({ length: r.attempts_total }, (_, k) => {
      const score = scores[k];
      return { k, score, state: score === undefined ? "unused" : score >= r.pass_score ? "passed" : "failed" };
    });
    this.list($.meter, slots, (s) => s.k, () => this.box("li", "slot"),
      (li, s) => attrs(text(li, this.word(`pra.${s.state}`, { score: s.score })), { part: `slot ${s.state}`, "data-state": s.state }));
    // After a pass no attempt is "left" to take: the count says on which one it was passed.
    text($.left, r.passed ? this.word("pra.passed_on", { n: r.attempts_used, total: r.attempts_total })
      : this.word("pra.left", { left: r.attempts_left, total: r.attempts_total }));
    attrs(text($.next, this.next(r)), { "data-state": r.passed ? "passed" : r.must_repurchase ? "repurchase" : "can_take" });
    this.writeFacts($.facts, [["valid-until", this.word("cert.valid_until"), r.certificate.valid_until ?? "—"]]);
    this.writeReasons($.why, r.reasons);
  }

  stateKey(r) { return `${this.locale}|${this.next(r)}`; }
  /** What happens next, in one sentence. */
  next(r) {
    // A pass whose certificate has since expired is not said as "valid until" (a candidate's tryout).
    if (r.passed) return this.word(r.certificate.status === "expired" ? "pra.passed_expired" : "pra.passed_until", { until: r.certificate.valid_until });
    if (r.must_repurchase) return this.word("pra.must_repurchase", { total: r.attempts_total });
    // PRA-5: past the year's reading, the attempts are said with the check to make first.
    if (says(r, "READING_PRACTITIONER_USE_BY_PASSED")) return this.word("pra.can_take_check_first", { left: r.attempts_left, date: r.use_by });
    return this.word("pra.can_take", { left: r.attempts_left });
  }
  summary(r) { return this.next(r); }
}

CertpolicyPractitioner.define("certpolicy-practitioner");
