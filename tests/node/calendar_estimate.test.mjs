// CAL-4: a year counted by its estimate gives the safe answer. Over generated
// classes in 2027, against the ways the notices have arranged the same
// festivals (named below: the estimate must cover each, so dropping a day they
// take off fails here) and generated "published" 2027 schedules (any subset
// of the estimate's days off, the law's dates always off, plus makeup days
// among the weekends the estimate says may be ones): no date to apply by is
// later, and no refund share higher, than the published schedule would give;
// where the published schedule would give more, the answer says a refusal may
// not stand; and Monday to Friday (the estimate removed), the reading it
// replaced, is never earlier.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "certpolicy";
import { rng } from "./generator.mjs";

const r = rng(20271);
const DATES = ["full_refund_act_by", "full_refund_until", "partial_refund_act_by", "partial_refund_until"];
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const weekend = (date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const LAW = ["2027-01-01", "2027-05-01", "2027-05-02", "2027-10-01", "2027-10-02", "2027-10-03"];
const span = (from, to) => { const out = []; for (let d = from; d <= to; d = addDays(d, 1)) out.push(d); return out; };
/** 2027 as the notices have arranged the same festivals on the same weekdays: [what it follows, holidays, makeup days]. */
const PLAUSIBLE = [
  ["2025's and 2026's blocks; a Wednesday holiday one day, as 元旦 2025",
    [...span("2027-01-01", "2027-01-03"), ...span("2027-02-05", "2027-02-13"), ...span("2027-04-03", "2027-04-05"), ...span("2027-05-01", "2027-05-05"), "2027-06-09", "2027-09-15", ...span("2027-10-01", "2027-10-07")],
    ["2027-01-31", "2027-02-20", "2027-04-25", "2027-09-26", "2027-10-09"]],
  ["春节 from 腊月廿八, as 2026; 端午 Monday to Wednesday, as 2013; 中秋 Wednesday to Friday, as 2010",
    [...span("2027-01-01", "2027-01-03"), ...span("2027-02-04", "2027-02-12"), ...span("2027-04-03", "2027-04-05"), ...span("2027-05-01", "2027-05-05"), ...span("2027-06-07", "2027-06-09"), ...span("2027-09-15", "2027-09-17"), ...span("2027-10-01", "2027-10-07")],
    ["2027-01-30", "2027-02-20", "2027-05-08", "2027-06-05", "2027-09-12", "2027-09-18", "2027-09-26", "2027-10-09"]],
  ["端午 Wednesday to Friday and 中秋 Monday to Wednesday, no makeup days",
    [...LAW, ...span("2027-02-05", "2027-02-12"), "2027-04-05", ...span("2027-06-09", "2027-06-11"), ...span("2027-09-13", "2027-09-15")], []],
];

/** Classes from `first` on for `days` days (the day before each in an estimated year), decided 0–120 days before they start. */
function requests(n, first = "2027-01-04", days = 362) {
  return Array.from({ length: n }, () => {
    const start = addDays(first, r.int(days));
    const today = addDays(start, -r.int(121));
    return { type: "training", now: `${today}T${String(r.int(24)).padStart(2, "0")}:30:00+08:00`,
      enrolment: { class_start: start, paid_fen: 1 + r.int(500000), class_status: r.pick(["pending", "open"]) } };
  });
}

/** Every date the answer gives to act by, by name (null when none). */
const dates = (a) => Object.fromEntries([...DATES.map((f) => [f, a[f] ?? null]), ["deferral.act_by", a.deferral.act_by ?? null], ["deferral.deadline", a.deferral.deadline ?? null]]);

/** No date of `safe` after `other`'s, none missing where `other` has one, and no higher share. */
function assertNoLater(safe, other, why) {
  const s = dates(safe), o = dates(other);
  for (const [field, date] of Object.entries(o)) {
    if (date === null) continue;
    assert.ok(s[field] !== null && s[field] <= date, `${why}: ${field} ${s[field]} after ${date}`);
  }
  assert.ok(safe.refund.percent <= other.refund.percent, `${why}: refund ${safe.refund.percent} % above ${other.refund.percent} %`);
  assert.ok(safe.working_days_before <= other.working_days_before, why);
}

test("CAL-4: the estimate's dates are never later than a published 2027 schedule's, nor its share higher", async () => {
  const estimate = await createEngine();
  const daysOff = JSON.parse(estimate.evaluateJson(JSON.stringify({ type: "working_days", from: "2027-01-01", to: "2028-01-01" })));
  assert.equal(daysOff.count, 234);  // 261 weekdays less the 27 the estimate counts off
  const reqs = requests(150);
  const answers = reqs.map((q) => JSON.parse(estimate.evaluateJson(JSON.stringify(q))));
  for (const a of answers) {
    assert.equal(a.ok, true);
    assert.equal(a.calendar_verified, false);
    assert.ok(a.reasons.some((x) => x.code === "CALENDAR_YEAR_ESTIMATED"), "the estimate is said");
  }
  // The estimate's own days off, read back day by day.
  const all = [];
  for (let d = "2027-01-01"; d < "2028-01-01"; d = addDays(d, 1)) all.push(d);
  const days = all.map((d) => JSON.parse(estimate.evaluateJson(JSON.stringify({ type: "working_day", date: d }))));
  const estimated = all.filter((d, k) => days[k].kind === "holiday");
  assert.equal(estimated.length, 37);
  // The weekends the estimate says a notice may make working days: every makeup day of the named arrangements is one.
  const mayBeMakeup = all.filter((d, k) => days[k].reasons.some((x) => x.code === "DAY_MAY_BE_MAKEUP"));
  assert.ok(mayBeMakeup.every(weekend) && mayBeMakeup.length === 34, mayBeMakeup.join());
  for (const [name, , makeup] of PLAUSIBLE) assert.deepEqual(makeup.filter((d) => !mayBeMakeup.includes(d)), [], name);
  // The generated schedules draw their makeup days from the estimate's own list (they check the count, not the
  // list); the named arrangements above are the independent check of the list.
  const generated = Array.from({ length: 12 }, (_, s) => {
    const holidays = [...new Set([...LAW, ...estimated.filter(() => r.chance(0.6))])].sort();
    return [`generated ${s}`, holidays, s % 2 ? [] : mayBeMakeup.filter(() => r.chance(0.3))];
  });
  let mayMore = 0;
  for (const [name, holidays, makeup] of [...PLAUSIBLE, ...generated]) {
    const published = await createEngine({ policy: { calendar: { estimates: { 2027: null }, years: { 2027: {
      notice: "TEST ONLY: a 2027 schedule", holidays: [...new Set(holidays)].sort(), makeup_workdays: makeup } } } } });
    reqs.forEach((q, k) => {
      const p = JSON.parse(published.evaluateJson(JSON.stringify(q)));
      const e = answers[k];
      assert.equal(p.calendar_verified, true);
      assertNoLater(e, p, `${name}, ${JSON.stringify(q)}`);
      // Where this schedule gives a higher share or a deferral, the estimate's refusal is said not to stand.
      const more = p.refund.percent > e.refund.percent || (p.deferral.allowed && !e.deferral.allowed);
      if (more) {
        assert.ok(e.reasons.some((x) => x.code === "ESTIMATE_MAY_ALLOW_MORE"), `${name}: ${JSON.stringify(q)}`);
        mayMore++;
      }
    });
  }
  assert.ok(mayMore > 0, "some generated class shows a refusal that may not stand");
});

test("CAL-4: Monday to Friday, the reading the estimates replaced, is never earlier than the estimate (2027 and 2028)", async () => {
  const estimate = await createEngine();
  const weekdays = await createEngine({ policy: { calendar: { estimates: { 2027: null, 2028: null } } } });
  let later = 0;
  for (const q of [...requests(200), ...requests(200, "2028-01-04", 362)]) {
    const e = JSON.parse(estimate.evaluateJson(JSON.stringify(q))), w = JSON.parse(weekdays.evaluateJson(JSON.stringify(q)));
    assertNoLater(e, w, JSON.stringify(q));
    assert.ok(w.reasons.some((x) => x.code === "CALENDAR_YEAR_UNVERIFIED"));
    if (JSON.stringify(dates(e)) !== JSON.stringify(dates(w))) later++;
  }
  assert.ok(later > 100, `Monday to Friday gave a later date for ${later} of 400 classes`);
});

test("CAL-4: 2028's estimate is never later than 2028 arranged as the notices did with the same weekdays", async () => {
  const estimate = await createEngine();
  // 元旦 on a Saturday given back on the Monday (2022); 春节 from 除夕 on a Tuesday to 初七 (2025); 清明 on a Tuesday with
  // its Sunday and Monday; 劳动节 05-01 … 05-05; 端午 on a Sunday given back on the Monday; 国庆 with 中秋 eight days (2020).
  const arrangements = [
    [[...span("2028-01-01", "2028-01-03"), ...span("2028-01-25", "2028-02-01"), ...span("2028-04-02", "2028-04-04"), ...span("2028-05-01", "2028-05-05"),
      ...span("2028-05-27", "2028-05-29"), ...span("2028-10-01", "2028-10-08")], ["2028-01-23", "2028-02-05", "2028-04-01", "2028-04-29", "2028-05-06", "2028-09-30", "2028-10-14"]],
    [[...span("2028-01-01", "2028-01-03"), ...span("2028-01-24", "2028-02-01"), "2028-04-04", "2028-05-01", "2028-05-02", "2028-05-28", "2028-05-29", ...span("2028-10-01", "2028-10-03")], []],
  ];
  const reqs = requests(200, "2028-01-04", 362);
  for (const [holidays, makeup] of arrangements) {
    const published = await createEngine({ policy: { calendar: { estimates: { 2028: null }, years: { 2028: {
      notice: "TEST ONLY: a 2028 schedule", holidays, makeup_workdays: makeup } } } } });
    for (const q of reqs) {
      const e = JSON.parse(estimate.evaluateJson(JSON.stringify(q))), p = JSON.parse(published.evaluateJson(JSON.stringify(q)));
      assertNoLater(e, p, JSON.stringify(q));
    }
  }
});
