// <certpolicy-training>: what cancelling an offline class refunds now, the
// dates to apply by (the safe, earlier reading of the working-day count, with
// the other one beside it), the deferral and the class notices, the readings
// the answer applies, on a working-day calendar (holidays and makeup days
// marked; the refund bands only when the tiers decided the answer) that a
// keyboard walks day by day (TRN-1 … TRN-5, CAL-1 … CAL-4), with a banner for a
// year whose holiday schedule is not published (Monday to Friday, or an estimate).
//   <certpolicy-training enrolment='{"class_start":"2026-12-24","paid_fen":358000}'></certpolicy-training>
import { CertpolicyElement, attrs, text } from "./base.js";
import { INTL, pad, said } from "./format.js";
import { CAVEAT_STYLE, betweenReadings, caveatBox, noticesToCome, says, splitReasons, writeCaveats } from "./caveats.js";

const monthKey = (date) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
/** A date n days on (n may be negative): addDays("2026-12-31", 1) → "2027-01-01". */
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
/** The facts' rows: the working days, each tier's last day to apply (by name), then the deferral and the notices. */
const NOTICES = ["decision-on", "notice-on"];
const FACTS = (tiers) => ["working-days", ...tiers, "deferral", ...NOTICES];
const MOVES = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

export class CertpolicyTraining extends CertpolicyElement {
  static properties = { enrolment: "json" };
  static style = `
[part~=calendar] { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .75rem 1.25rem; margin: .75rem 0; }
[part~=month] h3 { font-size: .9em; margin: 0 0 .4rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { font-weight: normal; font-size: .75em; color: var(--certpolicy-muted, #5b6270); }
td { text-align: center; padding: .25rem 0; font-size: .85em; font-variant-numeric: tabular-nums; position: relative; border: 1px solid #fff; }
[part~=day][data-off] { color: var(--certpolicy-muted, #5b6270); }
[part~=holiday] { text-decoration: underline dotted; }
[part~=makeup] { font-weight: 700; }
[part~=day][data-mark]::after { content: attr(data-mark); position: absolute; top: 0; right: 2px; font-size: .6em; }
[part~=band-tier-0] { background: var(--certpolicy-band-100, #d8f5e2); }
[part~=band-tier-1] { background: repeating-linear-gradient(135deg, var(--certpolicy-band-70, #fff0d6) 0 4px, #ffe1ad 4px 6px); }
[part~=band-tier-2] { background: repeating-linear-gradient(45deg, var(--certpolicy-band-70, #fff0d6) 0 4px, #ffd08a 4px 6px); }
[part~=band-tier-none] { background: var(--certpolicy-band-0, #fde2e4); }
[part~=band-0] { text-decoration: line-through; }
[part~=day][part~=class-start] { background: var(--certpolicy-brand, #0052d9); color: #fff; }
[part~=deferral-deadline] { outline: 2px solid var(--certpolicy-info, #0b5cad); outline-offset: -2px; }
[part~=disputed] { box-shadow: inset 0 -3px 0 var(--certpolicy-warn, #8f4308); }
[part~=today] { box-shadow: inset 0 0 0 2px var(--certpolicy-ink, #1d2129); font-weight: 700; }
[part~=unverified] { font-style: italic; }
[part~=day]:focus-visible { outline: 3px solid var(--certpolicy-ink, #1d2129); outline-offset: -1px; z-index: 1; }
[part~=gap] { grid-column: 1 / -1; margin: 0; text-align: center; color: var(--certpolicy-muted, #5b6270); border-top: 1px dashed #dfe3ea; padding-top: .5rem; }
[part~=amount] { font-size: 1.4em; font-weight: 600; margin: .4rem 0; }
[part~=unverified-banner], [part~=uncited-banner], [part~=estimated-banner] { padding: .4rem .6rem; border-left: 3px solid var(--certpolicy-warn, #8f4308); background: var(--certpolicy-warn-bg, #fff1e9); }
[part~=legend] { display: flex; flex-wrap: wrap; gap: .3rem .9rem; font-size: .85em; margin: .5rem 0 0; padding: 0; list-style: none; }
[part~=legend] li::before { content: ""; display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; }
[part~=legend] [data-tier="0"]::before { background: var(--certpolicy-band-100, #d8f5e2); }
[part~=legend] [data-tier="1"]::before { background: repeating-linear-gradient(135deg, var(--certpolicy-band-70, #fff0d6) 0 4px, #ffe1ad 4px 6px); }
[part~=legend] [data-tier="2"]::before { background: repeating-linear-gradient(45deg, var(--certpolicy-band-70, #fff0d6) 0 4px, #ffd08a 4px 6px); }
[part~=legend] [data-tier=none]::before { background: var(--certpolicy-band-0, #fde2e4); }
[part~=legend] [data-key=start]::before { background: var(--certpolicy-brand, #0052d9); }
[part~=legend] [data-key=defer]::before { outline: 2px solid var(--certpolicy-info, #0b5cad); outline-offset: -2px; }
[part~=legend] [data-key=disputed]::before { box-shadow: inset 0 -3px 0 var(--certpolicy-warn, #8f4308); }
[part~=detail] { min-height: 1.4em; color: var(--certpolicy-muted, #5b6270); }${CAVEAT_STYLE}`;

  decide() {
    const r = this.ask("training", { enrolment: this.enrolment ?? {} });
    if (!r.ok) return r;
    this._months = this.months(r);
    const dates = this._months.flatMap((key) => {
      const y = Math.floor(key / 12);
      const m = (key % 12) + 1;
      return Array.from({ length: new Date(Date.UTC(y, m, 0)).getUTCDate() }, (_, d) => `${y}-${pad(m)}-${pad(d + 1)}`);
    });
    // One crossing for the whole view: the kind of every day (CAL-1, CAL-2),
    // decided at the same moment as the enrolment.
    const now = this.instant();
    const kinds = this._engine.evaluateMany(dates.map((date) => ({ type: "working_day", locale: this.locale, now, date })));
    this._days = new Map(dates.map((d, k) => [d, kinds[k]]));
    // A new class start moves the calendar's one tab stop to it.
    if (r.class_start !== this._focusFor || !this._days.has(this._focus)) this._focus = this._days.has(r.class_start) ? r.class_start : dates[0];
    this._focusFor = r.class_start;
    return r;
  }

  /**
   * The months shown (as year*12 + month-1): every month from the first
   * deadline's to the class start's, and today's; months between are left
   * out (a gap is said), so a class a year away still shows its bands.
   */
  months(r) {
    const from = monthKey([...r.refund_tiers.flatMap((t) => [t.act_by, t.last_day]), r.deferral.act_by, r.deferral.deadline, r.class_start]
      .filter(Boolean).sort()[0]);
    const keys = new Set([monthKey(r.today)]);
    for (let k = from; k <= monthKey(r.class_start); k++) keys.add(k);
    return [...keys].sort((a, b) => a - b);
  }

  /**
   * Whether the refund tiers (TRN-3) decided this answer, as its reasons' rule IDs say: a class that did not
   * open, or an enrolment already deferred, is decided by another rule, and no tier band is drawn for it.
   */
  tiered(r) { return r.reasons.some((x) => x.rule === "TRN-3"); }

  /**
   * The refund band a day falls in: the policy's tier it is in ({ tier: "0", "1", …, or "none" after the
   * last tier; percent }), "start", or null after the start or without tiers. Every number comes from the
   * answer (the policy in force).
   */
  band(date, r) {
    if (date === r.class_start) return "start";
    if (date > r.class_start || !this.tiered(r)) return null;
    const k = r.refund_tiers.findIndex((t) => t.last_day && date <= t.last_day);
    return k >= 0 ? { tier: String(k), percent: r.refund_tiers[k].percent } : { tier: "none", percent: r.refund_otherwise_percent };
  }

  /** A band in words: "Full refund", "70% refund", "No refund". */
  bandWord({ percent }) {
    return percent === 100 ? this.word("trn.band.100") : percent === 0 ? this.word("trn.band.0") : this.word("trn.band.partial", { percent });
  }

  /** The bands of the policy in force, in order: each tier, then after the last one. */
  bands(r) {
    return [...r.refund_tiers.map((t, k) => ({ tier: String(k), percent: t.percent })), { tier: "none", percent: r.refund_otherwise_percent }];
  }

  /** Each tier's last day to apply, in the tier's own words ("Full refund: last day to apply", "70% refund: …"). */
  tierRows(r) {
    if (!this.tiered(r)) return [];
    return r.refund_tiers.map((t, k) => [k === 0 ? "full-until" : k === 1 ? "partial-until" : `tier-${k}-until`,
      t.percent === 100 ? this.word("trn.full_until") : this.word("trn.tier_until", { percent: t.percent }), this.actBy(t.act_by, t.last_day, r.today)]);
  }

  /**
   * Whether a day's band holds only when today counts (CAL-3's reading): after the date to act by and up to
   * the last day counting today, for the 100 % and 70 % bands and the deferral.
   */
  disputed(date, r) {
    return this.tiered(r) && r.refund_tiers.some((t) => t.percent > 0 && betweenReadings(date, t.act_by, t.last_day))
      || betweenReadings(date, r.deferral.act_by, r.deferral.deadline);
  }

  /**
   * A date to act by, with the other reading's last day beside it when they differ: "2026-12-08（含今天计算为 2026-12-09）";
   * on the day between them (the date to act by gone, today the last day counting today) today's date with its
   * condition, as the headline, the reasons and the .ics say it.
   */
  actBy(actBy, until, today) {
    if (!actBy && !until) return "—";
    if (betweenReadings(today, actBy, until)) return this.word("trn.date_if_today", { date: until });
    return actBy && until && actBy !== until ? this.word("trn.act_by", { date: actBy, until }) : actBy ?? until;
  }

  /**
   * The share, said with its condition (as the reasons say it): on the day it holds only if today counts, and
   * for a class said not to open before the day that is announced.
   */
  verdictWord(r) { return this.word(this.verdictKey(r), { percent: r.refund.percent }); }
  /** The share's words: "trn.percent", or one that says the condition it holds on. */
  verdictKey(r) {
    return says(r, "TRAINING_REFUND_LAST_DAY_DISPUTED") ? "trn.percent_if_today"
      : says(r, "NOT_OPENED_BEFORE_NOTICE") ? "trn.percent_if_not_opened"
      : says(r, "READING_NOT_OPENED_AFTER_DEFERRAL") ? "trn.percent_if_office_confirms"
      : says(r, "READING_RIGHT_USED_NOT_DEFERRED") ? "trn.percent_if_not_deferred" : "trn.percent";
  }

  /** A date in words that cannot be misread: "Thu, Dec 3, 2026" / "2026年12月3日周四". */
  longDate(date) {
    return new Intl.DateTimeFormat(INTL[this.locale], {
      timeZone: "UTC", weekday: "short", year: "numeric", month: this.locale === "en" ? "short" : "long", day: "numeric",
    }).format(Date.parse(`${date}T00:00:00Z`));
  }

  /** A day's cell, written in place: its parts, marks and sentence (every day says in words what its colour and marks say). */
  day(cell, r) {
    const date = cell.dataset.date;
    const info = this._days.get(date);
    const band = this.band(date, r);
    const deferBy = r.deferral.act_by ?? r.deferral.deadline;
    const disputed = this.disputed(date, r);
    const parts = ["day", info.kind === "holiday" && "holiday", info.kind === "makeup_workday" && "makeup",
      ...(band === "start" ? ["class-start"] : band ? ["band", `band-${band.percent}`, `band-tier-${band.tier}`] : []), date === deferBy && "deferral-deadline", disputed && "disputed",
      date === r.today && "today", !info.verified && "unverified"].filter(Boolean);
    const sentence = [this.longDate(date), band && (band === "start" ? this.word("trn.start") : this.bandWord(band)),
      // On today's own cell "a day earlier" is yesterday: today says "apply today", as the rows do.
      disputed && this.word(date === r.today ? "trn.disputed_today" : "trn.disputed"), date === deferBy && this.word("trn.deferral_deadline"), date === r.today && this.word("trn.today"),
      // The day's own sentence; its year's caveat (CAL-2, CAL-4) is the banner's, said here in three words, not again in full.
      ...info.reasons.filter((x) => !x.code.startsWith("CALENDAR_YEAR_")).map((x) => x.message),
      !info.verified && this.word("trn.day_unconfirmed")].filter(Boolean).join(" · ");
    attrs(cell, {
      part: parts.join(" "), "aria-label": sentence, title: sentence, tabindex: date === this._focus ? "0" : "-1",
      "data-kind": info.kind, "data-sentence": sentence, "data-band": band && band !== "start" ? String(band.percent) : null,
      "data-tier": band && band !== "start" ? band.tier : null,
      "data-off": info.kind === "weekend" || info.kind === "holiday", "data-mark": info.kind === "holiday" || info.kind === "makeup_workday" ? this.word(`trn.mark.${info.kind}`) : null,
    });
    return { band, disputed, deferral: date === deferBy };
  }

  /** A month's table (Monday first), made once per month shown: its cells carry their dates. */
  month(key) {
    const y = Math.floor(key / 12);
    const m = (key % 12) + 1;
    const month = this.box("div", "month");
    const table = this.box("table");
    const head = table.createTHead().insertRow();
    for (let k = 0; k < 7; k++) head.append(this.box("th", "", "", { scope: "col" }));
    const body = table.createTBody();
    let row = body.insertRow();
    for (let k = 0; k < (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; k++) row.insertCell();
    for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) {
      if (row.cells.length === 7) row = body.insertRow();
      row.append(this.box("td", "day", String(d), { "data-date": `${y}-${pad(m)}-${pad(d)}` }));
    }
    month.append(this.box("h3"), table);
    return month;
  }

  /** The months and the gaps between them, kept by key; what each day shows is written in place. */
  calendar(r) {
    const items = [];
    let previous = null;
    for (const key of this._months) {
      if (previous !== null && key !== previous + 1) items.push({ key: `gap-${key}`, gap: key - previous - 1 });
      items.push({ key: `month-${key}`, month: key });
      previous = key;
    }
    const seen = { bands: new Set(), disputed: false, deferral: false };
    this.list(this.$.calendar, items, (x) => x.key, (x) => (x.gap ? this.box("p", "gap") : this.month(x.month)), (node, x) => {
      if (x.gap) return text(node, this.word("trn.gap", { n: x.gap }));
      const y = Math.floor(x.month / 12);
      const name = new Intl.DateTimeFormat(INTL[this.locale], { timeZone: "UTC", year: "numeric", month: "long" }).format(Date.UTC(y, x.month % 12, 1));
      const [h3, table] = node.children;
      text(h3, name);
      attrs(table, { "aria-label": name });
      this.word("trn.weekdays").split(",").forEach((w, k) => text(table.tHead.rows[0].cells[k], w));
      for (const cell of table.querySelectorAll("td[data-date]")) {
        const day = this.day(cell, r);
        if (day.band && day.band !== "start") seen.bands.add(day.band.tier);
        seen.disputed ||= day.disputed;
        seen.deferral ||= day.deferral;
      }
    });
    return seen;
  }

  build(body) {
    this.$ = {
      banner: this.box("p", "unverified-banner", "", { "data-code": "CALENDAR_YEAR_UNVERIFIED" }),
      uncited: this.box("p", "uncited-banner", "", { "data-code": "CALENDAR_YEAR_UNCITED" }),
      estimated: this.box("p", "estimated-banner", "", { "data-code": "CALENDAR_YEAR_ESTIMATED" }),
      verdict: this.box("span", "verdict"),
      amount: this.box("p", "amount"),
      facts: this.facts(FACTS(["full-until", "partial-until"])),
      caveats: caveatBox(this),
      why: this.reasons(),
      legend: this.box("ul", "legend"),
      keys: this.box("p", "keys"),
      calendar: this.box("div", "calendar"),
      detail: this.box("p", "detail"),
    };
    const $ = this.$;
    body.append($.banner, $.uncited, $.estimated, $.verdict, $.amount, $.facts, $.caveats, $.why, $.legend, $.keys, $.calendar, $.detail);
    // The calendar is one tab stop: arrows move a day or a week (across months), Home/End to the week's ends.
    $.calendar.addEventListener("keydown", (e) => {
      const cell = e.composedPath().find((n) => n.dataset?.date);
      if (!cell) return;
      const weekday = (new Date(`${cell.dataset.date}T00:00:00Z`).getUTCDay() + 6) % 7;
      const target = MOVES[e.key] ? addDays(cell.dataset.date, MOVES[e.key])
        : e.key === "Home" ? addDays(cell.dataset.date, -weekday) : e.key === "End" ? addDays(cell.dataset.date, 6 - weekday) : null;
      if (!target) return;
      e.preventDefault();
      const next = $.calendar.querySelector(`[data-date="${target}"]`);
      if (!next) return;  // outside the months shown
      cell.tabIndex = -1;
      next.tabIndex = 0;
      this._focus = target;
      next.focus();
    });
    // The focused (or pointed-at) day in words, under the calendar.
    const show = (e) => {
      const cell = e.composedPath().find((n) => n.dataset?.sentence);
      if (cell) text($.detail, cell.dataset.sentence);
    };
    $.calendar.addEventListener("focusin", show);
    $.calendar.addEventListener("mouseover", show);
  }

  update(r) {
    const $ = this.$;
    const unverified = this.unverified(r);
    attrs(text($.banner, unverified), { hidden: !unverified });
    const uncited = this.uncited(r);
    attrs(text($.uncited, uncited), { hidden: !uncited });
    const estimated = this.estimated(r);
    attrs(text($.estimated, estimated), { hidden: !estimated });
    // A percent that holds only on a condition is not green: only if today counts (TRAINING_REFUND_LAST_DAY_DISPUTED:
    // apply today), or only if the class really did not open (NOT_OPENED_BEFORE_NOTICE: said before the notice day),
    // or only on a reading of a deferral (READING_NOT_OPENED_AFTER_DEFERRAL, READING_RIGHT_USED_NOT_DEFERRED).
    const conditional = this.verdictKey(r) !== "trn.percent";
    attrs(text($.verdict, this.verdictWord(r)), {
      "data-tone": r.refund.percent === 100 && !conditional ? "ok" : r.refund.percent > 0 ? "warn" : "bad", "data-percent": r.refund.percent,
    });
    text($.amount, this.money(r.refund.amount_fen));
    // One row per tier of the policy in force: a policy with another number of tiers gets its rows made anew.
    const names = FACTS(this.tierRows(r).map(([name]) => name));
    // A class that did not open has no opening decision or notice still to come: those rows are hidden (TRN-5),
    // unless that was said before the decision day (TRN-2: the class may still open).
    const notices = noticesToCome(r);
    if ($.factNames !== names.join()) {
      const dl = this.facts(names);
      $.facts.replaceWith(dl);
      $.facts = dl;
      $.factNames = names.join();
    }
    this.writeFacts($.facts, [
      ["working-days", this.word("trn.working_days"),
        this.word("trn.working_days_both", { with: r.working_days_before, without: r.working_days_excluding_today })],
      ...this.tierRows(r),
      ["deferral", this.word("trn.deferral"), this.deferral(r)],
      ["decision-on", this.word("trn.decision_on"), r.class_decision_on],
      ["notice-on", this.word("trn.notice_on"), r.opening_notice_on],
    ].filter(([name]) => notices || !NOTICES.includes(name)));
    const { why, caveats } = splitReasons(r);
    writeCaveats(this, $.caveats, caveats);
    this.writeReasons($.why, why);
    const seen = this.calendar(r);
    // The legend names only what the calendar shows.
    const legend = [...this.bands(r).filter((b) => seen.bands.has(b.tier)).map((b) => [`tier-${b.tier}`, this.bandWord(b), String(b.percent), b.tier]),
      ...[["disputed", "trn.disputed", seen.disputed], ["start", "trn.start", true], ["defer", "trn.deferral_deadline", seen.deferral]]
        .filter((x) => x[2]).map(([key, word]) => [key, this.word(word), key, null])];
    this.list($.legend, legend, (x) => x[0], () => this.box("li"), (li, [, words, key, tier]) => attrs(text(li, words), { "data-key": key, "data-tier": tier }));
    text($.keys, this.word("trn.keys"));
    text($.detail, $.calendar.querySelector(`[data-date="${this._focus}"]`)?.dataset.sentence ?? "");
  }

  /**
   * The caveat of a calendar year without a published holiday schedule (CAL-2), naming the years among the
   * days shown, or "" when every year used is verified: the banner, the announcement and the page's .ics say it.
   */
  unverified(r) { return this.yearCaveat(r, "CALENDAR_YEAR_UNVERIFIED", "trn.unverified"); }

  /**
   * The caveat of a year counted by its estimate (CAL-4: its notice not published; every day that may be off
   * counted off, so each date to apply by is the earliest it can be), naming the years among the days shown; or "".
   */
  estimated(r) {
    // Beside a year counted Monday to Friday (CAL-2), dates are not the earliest they can be: said without that claim.
    const mixed = says(r, "CALENDAR_YEAR_UNVERIFIED");
    return this.yearCaveat(r, "CALENDAR_YEAR_ESTIMATED", mixed ? "trn.estimated_mixed" : "trn.estimated");
  }

  /** `word`_years naming the years among the days shown whose answers give `code`, else `word` if the answer gives it, else "". */
  yearCaveat(r, code, word) {
    const years = this.yearsSaying(r, code);
    if (years.length) return this.word(`${word}_years`, { years: years.join(this.word("list_sep")) });
    return says(r, code) ? this.word(word) : "";
  }

  /** The caveat of a year whose holiday data cites no official notice (CAL-2): used, not verified; or "". */
  uncited(r) {
    return says(r, "CALENDAR_YEAR_UNCITED") || this.yearsSaying(r, "CALENDAR_YEAR_UNCITED").length ? this.word("trn.uncited") : "";
  }

  /** The years among the days shown whose answers give the reason `code`. */
  yearsSaying(r, code) {
    return [...new Set([...this._days].filter(([, d]) => says(d, code)).map(([date]) => date.slice(0, 4)))];
  }

  /** The deferral: the date to apply by (or that none is stated), whether it is possible, whether it uses the right. */
  deferral(r) {
    const d = r.deferral;
    // CAL-4: refused by the estimate's count only, it may still be possible (DEFERRAL_TOO_LATE_BY_ESTIMATE).
    const byEstimate = !d.allowed && says(r, "DEFERRAL_TOO_LATE_BY_ESTIMATE");
    const word = d.allowed ? "trn.deferral_allowed" : byEstimate ? "trn.deferral_not_allowed_estimate" : "trn.deferral_not_allowed";
    const verdict = `${this.word(word)}${d.consumes_right ? "" : ` ${this.word("trn.deferral_free")}`}`;
    if (d.act_by || d.deadline) return `${this.actBy(d.act_by, d.deadline, r.today)} · ${verdict}`;
    // No date: none is stated for a class that did not open (TRN-5); none is left once the right is used (TRN-4).
    return d.allowed ? `${this.word("trn.deferral_no_deadline")} · ${verdict}` : verdict;
  }

  // What is said is what the card shows (share, amount, the dates to act by, deferral, the readings applied, the
  // calendar caveat): said again whenever a word changes.
  stateKey(r) { return `${this.locale}|${this.summary(r)}`; }
  summary(r) {
    return said([[this.verdictWord(r), this.money(r.refund.amount_fen)],
      ...this.tierRows(r).map(([, label, value]) => [label, value]),
      [this.word("trn.deferral"), this.deferral(r)], ...splitReasons(r).caveats.map((c) => [c.message]), [this.unverified(r)], [this.uncited(r)], [this.estimated(r)]], this.locale);
  }
}

CertpolicyTraining.define("certpolicy-training");
