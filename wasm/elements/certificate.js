// <certpolicy-certificate>: from the passes' result dates, until when the
// certificate is valid, its status, days left, its level, and from the
// renewal window on what to do (CRT-1 … CRT-4).
//   <certpolicy-certificate passes='["2025-01-10"]' level="TCCA"></certpolicy-certificate>
import { CertpolicyElement, attrs, text } from "./base.js";
import { said } from "./format.js";
import { CAVEAT_STYLE, caveatBox, splitReasons, writeCaveats } from "./caveats.js";

export class CertpolicyCertificate extends CertpolicyElement {
  static properties = { passes: "json", level: "text" };
  static style = `
[part~=level] { margin-left: .4rem; padding: .2rem .6rem; border-radius: var(--certpolicy-radius, 999px); background: var(--certpolicy-note-bg, #f5f7fa); }
[part~=renewal] { margin: .5rem 0; padding: .4rem .6rem; border-left: 3px solid var(--certpolicy-warn, #8f4308); background: var(--certpolicy-warn-bg, #fff1e9); }${CAVEAT_STYLE}`;

  decide() {
    // Dates may be given as strings; anything else goes to the engine as it is, which says what is wrong.
    const passes = Array.isArray(this.passes) ? this.passes.map((p) => (typeof p === "string" ? { published_on: p } : p)) : this.passes ?? [];
    return this.ask("certificate", { passes, ...(this.level ? { level: this.level } : {}) });
  }

  /** From the renewal window on, what to do in one sentence; "" before it. */
  renewal(r) {
    if (r.status === "expired") return this.word("cert.renewal.expired");
    if (r.status !== "expiring") return "";
    // The last exam date that keeps it continuous may have passed already (renew_by null).
    return r.renew_by ? this.word("cert.renewal.expiring", { date: r.renew_by }) : this.word("cert.renewal.late");
  }

  build(body) {
    this.$ = {
      verdict: this.box("span", "verdict"),
      level: this.box("span", "level"),
      facts: this.facts(["valid-from", "valid-until", "days-expired", "days-left", "renew-by"]),
      renewal: this.box("p", "renewal"),
      caveats: caveatBox(this),
      why: this.reasons(),
    };
    const $ = this.$;
    body.append($.verdict, $.level, $.facts, $.renewal, $.caveats, $.why);
  }

  update(r) {
    const $ = this.$;
    attrs(text($.verdict, this.word(`cert.${r.status}`)),
      { "data-tone": { active: "ok", expiring: "warn", expired: "bad", none: "bad" }[r.status], "data-status": r.status });
    // The level the passes hold (and its former name), when one was given.
    attrs(text($.level, r.level ? `${r.level} · ${r.legacy_level}` : ""), { hidden: !r.level });
    this.writeFacts($.facts, [
      ["valid-from", this.word("cert.valid_from"), r.valid_from],
      ["valid-until", this.word("cert.valid_until"), r.valid_until],
      // Once expired, the answer's days since, said as such (never "days left: -330").
      r.days_expired !== null ? ["days-expired", this.word("cert.days_expired"), this.word("cert.days", { n: r.days_expired })]
        : ["days-left", this.word("cert.days_left"), r.days_left === null ? "—" : this.word("cert.days", { n: r.days_left })],
      ["renew-by", this.word("cert.renew_by"), r.renew_by ?? "—"],
    ]);
    attrs(text($.renewal, this.renewal(r)), { hidden: !this.renewal(r) });
    const { why, caveats } = splitReasons(r);
    writeCaveats(this, $.caveats, caveats);
    this.writeReasons($.why, why);
  }

  // What is said is what the card shows (status, valid until, the renewal advice, the readings applied).
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    return said([[this.word(`cert.${r.status}`)], [this.word("cert.valid_until"), r.valid_until ?? ""], [this.renewal(r)],
      ...splitReasons(r).caveats.map((c) => [c.message])], this.locale);
  }
}

CertpolicyCertificate.define("certpolicy-certificate");
