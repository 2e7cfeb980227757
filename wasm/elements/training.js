// <certpolicy-training>: what cancelling an offline class refunds now, the
// band deadlines and the deferral deadline, on a working-day calendar of
// the band months (TRN-1 … TRN-4, CAL-1, CAL-2).
//   <certpolicy-training enrolment='{"class_start":"2026-12-24","paid_fen":358000}'></certpolicy-training>
import { CertpolicyElement } from "./base.js";
import { yuan } from "./format.js";

const addMonths = (y, m, n) => ({ y: y + Math.floor((m - 1 + n) / 12), m: ((m - 1 + n) % 12) + 1 });

export class CertpolicyTraining extends CertpolicyElement {
  static inputs = ["enrolment"];
  static style = `
table { border-collapse: collapse; margin: .25rem 1rem .75rem 0; display: inline-table; vertical-align: top; }
caption { font-weight: 600; text-align: left; padding-bottom: .25rem; }
th { font-weight: normal; font-size: .75em; color: var(--certpolicy-muted, #5b6270); }
td { text-align: center; padding: .2rem .35rem; font-size: .85em; font-variant-numeric: tabular-nums; }
td[data-band="100"] { background: var(--certpolicy-band-100, #d8f5e2); }
td[data-band="70"] { background: repeating-linear-gradient(135deg, var(--certpolicy-band-70, #fff0d6) 0 4px, #ffe1ad 4px 6px); }
td[data-band="0"] { background: var(--certpolicy-band-0, #fde2e4); text-decoration: line-through; }
td[data-off] { color: var(--certpolicy-muted, #5b6270); }
td[data-start] { background: var(--certpolicy-brand, #0052d9); color: #fff; }`;

  decide(engine) {
    const r = engine.evaluate({ type: "training", locale: this.locale, now: this.instant(), enrolment: this.enrolment ?? {} });
    if (!r.ok) return r;
    // The calendar: from the first band's month to the class start's.
    const first = [r.full_refund_until, r.partial_refund_until, r.class_start].filter(Boolean).sort()[0];
    const months = [];
    let at = { y: Number(first.slice(0, 4)), m: Number(first.slice(5, 7)) };
    const end = Number(r.class_start.slice(0, 4)) * 12 + Number(r.class_start.slice(5, 7));
    while (at.y * 12 + at.m <= end) { months.push(at); at = addMonths(at.y, at.m, 1); }
    const dates = months.flatMap(({ y, m }) => Array.from({ length: new Date(Date.UTC(y, m, 0)).getUTCDate() },
      (_, d) => `${y}-${String(m).padStart(2, "0")}-${String(d + 1).padStart(2, "0")}`));
    const kinds = engine.evaluateMany(dates.map((date) => ({ type: "working_day", locale: this.locale, date })));
    this._days = new Map(dates.map((d, k) => [d, kinds[k]]));
    this._months = months;
    return r;
  }

  band(date, r) {
    if (date > r.class_start) return null;
    if (r.full_refund_until && date <= r.full_refund_until) return "100";
    if (r.partial_refund_until && date <= r.partial_refund_until) return "70";
    return "0";
  }

  render(r) {
    const verdict = this.box("span", "verdict", this.word("trn.percent", { percent: r.refund.percent }));
    verdict.dataset.tone = r.refund.percent === 100 ? "ok" : r.refund.percent > 0 ? "warn" : "bad";
    const calendars = this._months.map(({ y, m }) => {
      const table = this.box("table", "month");
      table.append(this.box("caption", "", `${y}-${String(m).padStart(2, "0")}`));
      const head = table.createTHead().insertRow();
      for (const w of this.word("trn.weekdays").split(",")) head.append(this.box("th", "", w, { scope: "col" }));
      const body = table.createTBody();
      let row = body.insertRow();
      for (let k = 0; k < (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; k++) row.insertCell();
      for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) {
        if (row.cells.length === 7) row = body.insertRow();
        const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const info = this._days.get(date);
        const cell = row.insertCell();
        cell.textContent = String(d);
        cell.setAttribute("part", "day");
        cell.dataset.date = date;
        const band = date === r.class_start ? null : this.band(date, r);
        if (band) cell.dataset.band = band;
        if (date === r.class_start) cell.dataset.start = "";
        if (info.kind !== "workday" && info.kind !== "makeup_workday") cell.dataset.off = "";
        // Bands in words, not by colour alone.
        cell.title = [date, band && this.word(`trn.band.${band}`), date === r.class_start && this.word("trn.start"), info.reasons[0]?.message]
          .filter(Boolean).join(" · ");
      }
      return table;
    });
    const calendar = this.box("div", "calendar");
    calendar.append(...calendars);
    return [
      verdict,
      this.box("p", "amount", yuan(r.refund.amount_fen)),
      this.facts([
        ["full-until", this.word("trn.full_until"), r.full_refund_until],
        ["partial-until", this.word("trn.partial_until"), r.partial_refund_until],
        ["deferral", this.word("trn.deferral"), `${r.deferral.deadline ?? "—"} · ${this.word(r.deferral.allowed ? "trn.deferral_allowed" : "trn.deferral_not_allowed")}`],
      ]),
      calendar,
    ];
  }

  stateKey(r) { return `${r.refund.percent}|${r.refund.amount_fen}|${r.deferral.allowed}|${this.locale}`; }
  summary(r) { return `${this.word("trn.percent", { percent: r.refund.percent })}: ${yuan(r.refund.amount_fen)}.`; }
}
