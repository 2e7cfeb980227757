// <certpolicy-certificate>: from the passes' result dates, until when the
// certificate is valid, its status, days left and when to renew (CRT-1 …
// CRT-4).
//   <certpolicy-certificate passes='["2025-01-10"]' level="TCCA"></certpolicy-certificate>
import { CertpolicyElement } from "./base.js";

export class CertpolicyCertificate extends CertpolicyElement {
  static inputs = ["passes", "level"];
  static textInputs = ["level"];

  decide(engine) {
    // Dates may be given as strings; anything else goes to the engine as it is, which says what is wrong.
    const passes = Array.isArray(this.passes) ? this.passes.map((p) => (typeof p === "string" ? { published_on: p } : p)) : this.passes ?? [];
    const request = { type: "certificate", locale: this.locale, now: this.instant(), passes };
    if (this.level) request.level = this.level;
    return engine.evaluate(request);
  }

  render(r) {
    const verdict = this.box("span", "verdict", this.word(`cert.${r.status}`));
    verdict.dataset.tone = { active: "ok", expiring: "warn", expired: "bad", none: "bad" }[r.status];
    verdict.dataset.status = r.status;
    const reasons = this.box("ul", "reasons");
    for (const reason of r.reasons) reasons.append(this.box("li", "reason", reason.message, { title: reason.rule }));
    return [
      verdict,
      this.facts([
        ["valid-from", this.word("cert.valid_from"), r.valid_from],
        ["valid-until", this.word("cert.valid_until"), r.valid_until],
        ["days-left", this.word("cert.days_left"), r.days_left === null ? "—" : String(r.days_left)],
        ["renew-by", this.word("cert.renew_by"), r.status === "none" ? "—" : r.renew_by],
      ]),
      reasons,
    ];
  }

  stateKey(r) { return `${r.status}|${r.valid_until}|${r.days_left}|${this.locale}`; }
  summary(r) { return `${this.word(`cert.${r.status}`)}. ${r.reasons[0]?.message ?? ""}`; }
}
